/**
 * Ctrl-C in the console reaches the pool as an aborted signal: a running job's thread is stopped,
 * a queued job leaves the queue, and the next job gets a thread of its own. The console's file
 * commands run here as whole typed lines (pool.run) with the same answer as inline.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openAnalysisPool } from "../../../src/cli/analysis-threads/pool.js";
import { highsOnce, terminalContext } from "../../../src/cli/context.js";
import { dispatch } from "../../../src/commands/dispatch.js";
import { currency } from "../../../src/core/money.js";
import type { SlackCommandContext } from "../../../src/slack/deps.js";

const FIXTURE = new URL("./fixture-thread.mjs", import.meta.url);
const SIX_PEOPLE = new TextEncoder().encode(
  "user,start,end\nann@example.com,2026-09-07 09:00,2026-09-07 17:00\nbob@example.com,2026-09-07 10:00,2026-09-07 12:00\n",
);
const ctx: SlackCommandContext = {
  defaultCurrency: currency("GBP"),
  solver: highsOnce,
  now: () => new Date("2026-10-05T10:00:00Z"),
  scope: { teamId: "T1", channelId: "C1" },
  userId: "U1",
};

/** Atomics.waitAsync is in Node 20 but in TypeScript's lib only from es2024, past our target. */
type WaitAsync = (
  view: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

/** The thread says (gate[0] = 1) that a gated job holds it: resolves then, without polling. */
async function held(gate: SharedArrayBuffer): Promise<void> {
  const wait = waitAsync(new Int32Array(gate), 0, 0);
  if (wait.async) await wait.value;
}

const pools: { close(): Promise<void> }[] = [];
function gatedPool() {
  const gate = new SharedArrayBuffer(8);
  const log: string[] = [];
  const p = openAnalysisPool({
    threads: 1,
    script: FIXTURE,
    workerData: { gate },
    log: (l) => log.push(l),
  });
  pools.push(p);
  return { ...p, gate, log };
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const CANCELLED = (label: string) => ({
  ok: false,
  command: "upload",
  issues: [
    {
      code: "upload.cancelled",
      message: `You cancelled the analysis of ${label}, so it was stopped before it finished`,
      hint: "run the command again when you want the answer",
    },
  ],
  usage: "help",
});

describe("the analysis pool, cancelled", () => {
  it("stops the thread of a running analysis, and analyses the next file on a new thread", async () => {
    const p = gatedPool();
    const controller = new AbortController();
    // The gate never opens: only cancelling ends this analysis.
    const running = p.analyse(
      { name: "gated.csv", bytes: SIX_PEOPLE },
      { ...ctx, signal: controller.signal },
      async () => {},
    );
    await held(p.gate);
    controller.abort();
    expect(await running).toEqual(CANCELLED("gated.csv"));
    expect(p.log).toEqual([]);
    // ann 09:00–17:00 and bob 10:00–12:00 overlap 10:00–12:00: a peak of 2.
    const next = await p.analyse({ name: "a.csv", bytes: SIX_PEOPLE }, ctx, async () => {});
    expect(next.ok && next.reply.data.concurrency).toMatchObject({ peak: 2 });
  });

  it("takes a queued analysis off the queue without touching the running one", async () => {
    const p = gatedPool();
    const first = new AbortController();
    const second = new AbortController();
    const running = p.analyse(
      { name: "gated.csv", bytes: SIX_PEOPLE },
      { ...ctx, signal: first.signal },
      async () => {},
    );
    await held(p.gate);
    const queued = p.analyse(
      { name: "queued.csv", bytes: SIX_PEOPLE },
      { ...ctx, signal: second.signal },
      async () => {},
    );
    second.abort();
    expect(await queued).toEqual(CANCELLED("queued.csv"));
    first.abort();
    expect(await running).toEqual(CANCELLED("gated.csv"));
  });

  it("does not start a job whose signal is already aborted", async () => {
    const p = gatedPool();
    const outcome = await p.analyse(
      { name: "gated.csv", bytes: SIX_PEOPLE },
      { ...ctx, signal: AbortSignal.abort() },
      async () => {},
    );
    expect(outcome).toEqual(CANCELLED("gated.csv"));
    expect(Atomics.load(new Int32Array(p.gate), 0)).toBe(0);
  });

  it("cancels a typed command line held in its thread", async () => {
    const p = gatedPool();
    const controller = new AbortController();
    const running = p.run("concurrency gated.csv", { ...ctx, signal: controller.signal });
    await held(p.gate);
    controller.abort();
    expect(await running).toEqual(CANCELLED('"concurrency"'));
  });
});

describe("the analysis pool, running a typed line", () => {
  it("answers a file command with the disk, progress and all, exactly as inline dispatch", async () => {
    const p = openAnalysisPool({ threads: 1 });
    pools.push(p);
    const line = "concurrency examples/sessions.csv --roster examples/roster.csv";
    const threadedStages: string[] = [];
    const threaded = await p.run(line, {
      ...ctx,
      progress: async (t) => {
        threadedStages.push(t);
      },
    });
    const inlineStages: string[] = [];
    const inline = await dispatch(line, {
      ...terminalContext(ctx),
      progress: async (t) => {
        inlineStages.push(t);
      },
    });
    expect(threaded.ok).toBe(true);
    expect(threaded).toEqual(inline);
    expect(threadedStages).toEqual(inlineStages);
    expect(threadedStages.length).toBeGreaterThan(0);
  });

  it("says which file is missing, as inline dispatch does", async () => {
    const p = openAnalysisPool({ threads: 1 });
    pools.push(p);
    const line = "concurrency examples/no-such-file.csv";
    const threaded = await p.run(line, ctx);
    expect(threaded.ok).toBe(false);
    expect(threaded).toEqual(await dispatch(line, terminalContext(ctx)));
  });
});
