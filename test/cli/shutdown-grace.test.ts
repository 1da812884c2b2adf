import { describe, expect, it } from "vitest";
import { shutdownGraceSeconds } from "../../src/cli/shutdown-grace.js";

describe("shutdownGraceSeconds", () => {
  it("is 25 s unless set, and takes whole seconds from 0 to 3600", () => {
    expect(shutdownGraceSeconds({})).toEqual({ ok: true, value: 25 });
    expect(shutdownGraceSeconds({ DEALDESK_SHUTDOWN_GRACE_SECONDS: " " })).toEqual({
      ok: true,
      value: 25,
    });
    expect(shutdownGraceSeconds({ DEALDESK_SHUTDOWN_GRACE_SECONDS: "0" })).toEqual({
      ok: true,
      value: 0,
    });
    expect(shutdownGraceSeconds({ DEALDESK_SHUTDOWN_GRACE_SECONDS: "3600" })).toEqual({
      ok: true,
      value: 3600,
    });
  });

  it.each(["-1", "2.5", "3601", "25s", "ten"])("refuses %s, naming the variable", (value) => {
    expect(shutdownGraceSeconds({ DEALDESK_SHUTDOWN_GRACE_SECONDS: value })).toEqual({
      ok: false,
      message: `DEALDESK_SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to 3600 (got "${value}")`,
    });
  });
});
