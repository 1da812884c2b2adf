/**
 * Ctrl-C on a file analysis that keeps its thread busy (the fixture thread blocks its event loop
 * on gated.csv, as a long solve would): the console stops that thread, says "Cancelled.", and the
 * next analysis runs on a fresh thread.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openAnalysisPool } from "../../src/cli/analysis-threads/pool.js";
import { testContext } from "../commands/context.js";
import { terminal } from "./console/fake-terminal.js";

const FIXTURE = new URL("./analysis-threads/fixture-thread.mjs", import.meta.url);
const pools: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** Atomics.waitAsync is in Node 20 but in TypeScript's lib only from es2024, past our target. */
type WaitAsync = (
  view: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

describe("console on a terminal: Ctrl-C on an analysis in its thread", () => {
  it("stops the busy thread, and the next analysis answers", async () => {
    const gate = new SharedArrayBuffer(8);
    const pool = openAnalysisPool({ threads: 1, script: FIXTURE, workerData: { gate } });
    pools.push(pool);
    const dir = mkdtempSync(join(tmpdir(), "dealdesk-console-threads-"));
    const t = terminal(testContext(), join(dir, "h"), join(dir, "out"), {
      fileAnalyses: pool.run,
    });
    t.type("concurrency gated.csv\r");
    // The thread sets gate[0] once it is held; it never lets go by itself.
    const held = waitAsync(new Int32Array(gate), 0, 0);
    if (held.async) await held.value;
    let step = t.next("Cancelled.");
    t.type("\x03");
    await step;
    // examples/sessions.csv's peak, as the concurrency tests state it.
    step = t.next("Peak:");
    t.type("concurrency examples/sessions.csv\r");
    await step;
    t.type("quit\r");
    await t.done;
    expect(readdirSync(join(dir, "out")).length).toBeGreaterThan(0);
  });
});
