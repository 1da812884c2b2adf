/**
 * The receiver stays responsive while a file is analysed: the analysis runs in the pool's worker
 * thread, so a slash command sent while that thread is held (blocked, as a 16 MB log's split
 * blocks it) is acknowledged and answered before the analysis finishes. Measured by order, not
 * by time: the thread is let go only after the slash command's answer has arrived.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnalysisPool, openAnalysisPool } from "../../src/cli/analysis-threads/pool.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { shareFile } from "./jobs-helpers.js";
import { SIX_PEOPLE_BYTES, slashIn } from "./store-helpers.js";

/** [0]: the thread holds the analysis; [1]: set by the test to let it go (fixture-thread.mjs). */
const gate = new SharedArrayBuffer(8);
const flags = new Int32Array(gate);

let pool: AnalysisPool;
let h: Harness;
beforeAll(async () => {
  pool = openAnalysisPool({
    threads: 1,
    script: new URL("../cli/analysis-threads/fixture-thread.mjs", import.meta.url),
    workerData: { gate },
  });
  h = await startHarness({ analyseUpload: pool.analyse });
});
afterAll(async () => {
  await h.close();
  await pool.close();
});

describe("while a file is analysed", () => {
  it("acknowledges and answers a slash command before the analysis finishes", async () => {
    const { fake } = h;
    const isResult = (c: ApiCall) =>
      c.method === "chat.update" && String(c.args.text).startsWith("Peak: 3 people");
    await shareFile(fake, h.url, {
      id: "FR1",
      name: "gated.csv",
      bytes: SIX_PEOPLE_BYTES,
      channel: "C1",
      ts: "1700000200.000001",
    });
    await fake.waitFor(() => Atomics.load(flags, 0) === 1, "the analysis to hold its thread");

    const from = fake.calls.length;
    const sent = await slashIn(h.url, fake, "cost 150 named @ 70 vs 500 named @ 100", {
      channel: "C2",
    });
    expect(sent.status).toBe(200);
    await fake.waitFor(
      () => fake.calls.slice(from).some((c) => c.args.channel === "C2"),
      "the slash command's answer",
    );
    const answer = fake.calls.slice(from).find((c) => c.args.channel === "C2");
    expect(String(answer?.args.text)).toContain("£");
    // Still held: the analysis has not finished, so nothing of its result is posted yet.
    expect(fake.calls.some(isResult)).toBe(false);

    Atomics.store(flags, 1, 1);
    Atomics.notify(flags, 1);
    await fake.waitFor(() => fake.calls.some(isResult), "the analysis's result");
    const result = fake.calls.find(isResult);
    expect(result?.args.channel).toBe("C1");
    expect(fake.calls.indexOf(answer as ApiCall)).toBeLessThan(
      fake.calls.indexOf(result as ApiCall),
    );
  });
});
