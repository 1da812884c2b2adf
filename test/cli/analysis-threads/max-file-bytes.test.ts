import { describe, expect, it } from "vitest";
import { threadContext } from "../../../src/cli/analysis-threads/protocol.js";
import { currency } from "../../../src/core/money.js";

const solver = () => Promise.reject(new Error("not used"));

describe("a console command run in a thread keeps DEALDESK_MAX_FILE_MB", () => {
  it("carries the request's maxFileBytes into the thread's context", () => {
    const ctx = threadContext(
      {
        kind: "command",
        id: 1,
        line: "concurrency big.csv",
        defaultCurrency: currency("GBP"),
        nowMs: 0,
        maxFileBytes: 450 * 1024 * 1024,
      },
      solver,
    );
    expect(ctx.maxFileBytes).toBe(471_859_200); // 450 × 1,048,576
  });

  it("leaves it unset (the 400 MB default) when the request has none", () => {
    const ctx = threadContext(
      { kind: "command", id: 1, line: "help", defaultCurrency: currency("GBP"), nowMs: 0 },
      solver,
    );
    expect(ctx.maxFileBytes).toBeUndefined();
  });
});
