/** Reading a server's requested wait before a retry. */
import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../../src/assistant/request.js";

describe("retryAfterMs", () => {
  const now = Date.parse("2026-12-02T12:00:00Z");

  it("reads retry-after-ms, retry-after seconds and an HTTP date", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "200" }), now)).toBe(200_000);
    expect(retryAfterMs(new Headers({ "retry-after": "1.5" }), now)).toBe(1500);
    // 12:00:30 is 30 s after 12:00:00.
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 02 Dec 2026 12:00:30 GMT" }), now)).toBe(
      30_000,
    );
  });

  it("is undefined without a readable header, so the backoff applies", () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
