import { describe, expect, it } from "vitest";
import { analysisThreadCount } from "../../../src/cli/analysis-threads/thread-count.js";

describe("how many analysis threads", () => {
  it("leaves one core to the receiver, and has at least one thread", () => {
    expect(analysisThreadCount({}, 4)).toEqual({ ok: true, threads: 3 });
    expect(analysisThreadCount({}, 2)).toEqual({ ok: true, threads: 1 });
    expect(analysisThreadCount({}, 1)).toEqual({ ok: true, threads: 1 });
  });

  it("takes DEALDESK_ANALYSIS_THREADS", () => {
    expect(analysisThreadCount({ DEALDESK_ANALYSIS_THREADS: "6" }, 2)).toEqual({
      ok: true,
      threads: 6,
    });
  });

  it.each(["0", "two", "1.5", "-1", "65"])(
    "refuses DEALDESK_ANALYSIS_THREADS=%s naming it",
    (v) => {
      expect(analysisThreadCount({ DEALDESK_ANALYSIS_THREADS: v }, 2)).toEqual({
        ok: false,
        message: `DEALDESK_ANALYSIS_THREADS must be a whole number of threads from 1 to 64 (got "${v}")`,
      });
    },
  );
});
