/**
 * The analysis pool runs the real, built analysis (dist/, built by the global setup) in worker
 * threads: the same outcome and stages as the inline analyser, and a thread that throws or dies
 * costs only its own analysis.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { openAnalysisPool } from "../../../src/cli/analysis-threads/pool.js";
import { serverContext } from "../../../src/cli/context.js";
import { analyseUpload } from "../../../src/commands/file-analysis/analyse.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { currency, major } from "../../../src/core/money.js";
import type { AnalyseUpload, SlackCommandContext } from "../../../src/slack/deps.js";

const GBP = currency("GBP");
const FIXTURE = new URL("./fixture-thread.mjs", import.meta.url);
const example = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../examples/${name}`, import.meta.url)));
const SIX_PEOPLE = new TextEncoder().encode(
  "user,start,end\nann@example.com,2026-09-07 09:00,2026-09-07 17:00\nbob@example.com,2026-09-07 10:00,2026-09-07 12:00\n",
);

/** A channel with a deal, on a fixed day (right-sizing counts days up to it). */
const channel: SlackCommandContext = {
  ...serverContext(GBP),
  now: () => new Date("2026-10-05T10:00:00Z"),
  scope: { teamId: "T1", channelId: "C1" },
  userId: "U1",
  deal: {
    vendor: "HaloITSM",
    currency: GBP,
    namedRate: major(70, GBP),
    concurrentRate: major(140, GBP),
  },
};

/** The solver's own running time is the one figure two runs of the same split may differ in. */
function withoutSolverTime(outcome: CommandOutcome): CommandOutcome {
  if (!outcome.ok) return outcome;
  const split = outcome.reply.data.split as { solver?: Record<string, unknown> } | null;
  if (!split?.solver) return outcome;
  const data = { ...outcome.reply.data, split: { ...split, solver: { ...split.solver } } };
  delete (data.split.solver as { seconds?: unknown }).seconds;
  return { ok: true, reply: { ...outcome.reply, data } };
}

async function run(analyse: AnalyseUpload, name: string, bytes: Uint8Array) {
  const stages: string[] = [];
  const outcome = await analyse({ name, bytes }, channel, async (text) => {
    stages.push(text);
  });
  return { outcome, stages };
}

/** Polls a flag the thread sets; only a failing test waits long. */
async function until(predicate: () => boolean): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > 15_000) throw new Error("timed out waiting for the thread");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pools: { close(): Promise<void> }[] = [];
function pool(options: Partial<Parameters<typeof openAnalysisPool>[0]> = {}) {
  const log: string[] = [];
  const p = openAnalysisPool({ threads: 1, log: (line) => log.push(line), ...options });
  pools.push(p);
  return { ...p, log };
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("the analysis pool", () => {
  it("gives a real session log's split exactly as the inline analyser does, stages included", async () => {
    const { analyse } = pool();
    const bytes = example("sessions.csv");
    const threaded = await run(analyse, "sessions.csv", bytes);
    const inline = await run(analyseUpload, "sessions.csv", bytes);
    expect(threaded.outcome.ok && threaded.outcome.reply.files?.map((f) => f.name)).toEqual([
      "named-users.csv",
      "concurrency.png",
      "cost-by-named-seats.png",
    ]);
    // Whole outcomes, files' bytes included, compared by type too (a Uint8Array stays one).
    expect(withoutSolverTime(threaded.outcome)).toStrictEqual(withoutSolverTime(inline.outcome));
    expect(threaded.stages).toEqual(inline.stages);
    // Reading and concurrency, then the split's own stages, reported from inside the thread
    // while it solves: reducing, baselines, the relaxation, the heuristic, verifying.
    const last = threaded.stages.map((t) => t.split("\n").at(-1));
    expect(last.slice(2)).toEqual([
      "Finding the cheapest split … reducing the log to its busiest instants",
      "Finding the cheapest split … costing the comparison plans",
      expect.stringMatching(
        /^Finding the cheapest split … solving the LP relaxation: best plan so far £/,
      ),
      expect.stringMatching(
        /^Finding the cheapest split … searching for a starting plan: best plan so far £.*, proven minimum £/,
      ),
      "Finding the cheapest split … checking every plan against the log",
    ]);
    // The caller keeps its bytes: only a copy went to the thread.
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it("gives a real roster's right-sizing exactly as the inline analyser does", async () => {
    const { analyse } = pool();
    const threaded = await run(analyse, "roster.csv", example("roster.csv"));
    const inline = await run(analyseUpload, "roster.csv", example("roster.csv"));
    expect(threaded.outcome.ok).toBe(true);
    expect(threaded.outcome).toStrictEqual(inline.outcome);
    expect(threaded.stages).toEqual(inline.stages);
  });

  it("answers an analysis that throws with an error outcome, logs no message text, and analyses the next", async () => {
    const { analyse, log } = pool({ script: FIXTURE });
    const failed = await analyse(
      { name: "throws.csv", bytes: SIX_PEOPLE },
      channel,
      async () => {},
    );
    expect(failed).toMatchObject({ ok: false, issues: [{ code: "upload.analysis_failed" }] });
    expect(log.join("\n")).toMatch(/analysis 1 failed in thread \d+: Error/);
    expect(log.join("\n")).not.toContain("ann@example.com");
    const next = await run(analyse, "sessions.csv", SIX_PEOPLE);
    expect(next.outcome.ok).toBe(true);
  });

  it.each([
    ["exits.csv", /exit code 3/],
    ["uncaught.csv", /exit code 1, Error/],
  ])(
    "fails the analysis whose thread dies (%s), and the next gets a new thread",
    async (name, why) => {
      const { analyse, log } = pool({ script: FIXTURE });
      const failed = await analyse({ name, bytes: SIX_PEOPLE }, channel, async () => {});
      expect(failed).toMatchObject({ ok: false, issues: [{ code: "upload.analysis_failed" }] });
      expect(log.join("\n")).toMatch(why);
      expect(log.join("\n")).not.toContain("ann@example.com");
      const next = await run(analyse, "sessions.csv", SIX_PEOPLE);
      expect(next.outcome.ok).toBe(true);
    },
  );

  it("queues analyses beyond its threads and answers each", async () => {
    const { analyse } = pool({ threads: 1 });
    const outcomes = await Promise.all(
      ["a.csv", "b.csv", "c.csv"].map((name) => run(analyse, name, SIX_PEOPLE)),
    );
    expect(outcomes.map((o) => o.outcome.ok && o.outcome.reply.command)).toEqual([
      "upload",
      "upload",
      "upload",
    ]);
  });

  it("fails the analysis when showing a stage fails, as the inline analyser does", async () => {
    const { analyse } = pool();
    const failing = analyse({ name: "sessions.csv", bytes: SIX_PEOPLE }, channel, async () => {
      throw new Error("chat.update failed");
    });
    await expect(failing).rejects.toThrow("chat.update failed");
  });

  it("stops a thread whose analysis runs past the time limit, and says the file took too long", async () => {
    const gate = new SharedArrayBuffer(8);
    const held = new Int32Array(gate);
    // The gate never opens: this analysis would hold its thread for ever.
    const p = pool({ script: FIXTURE, workerData: { gate }, timeLimitMs: 1_000 });
    const running = p.analyse({ name: "gated.csv", bytes: SIX_PEOPLE }, channel, async () => {});
    await until(() => Atomics.load(held, 0) === 1);
    expect(await running).toEqual({
      ok: false,
      command: "upload",
      issues: [
        {
          code: "upload.too_long",
          message:
            "I stopped analysing gated.csv after 1000 ms, which is longer than any file should take",
          hint: "share a shorter period, or fewer people, and I'll try again",
        },
      ],
      usage: "help",
    });
    expect(p.log).toEqual([
      expect.stringMatching(/^dealdesk: analysis 1 ran past 1000 ms; thread \d+ was stopped$/),
    ]);
  });

  it("close() ends a running analysis and refuses new ones with a 'restarting' outcome", async () => {
    const gate = new SharedArrayBuffer(8);
    const held = new Int32Array(gate);
    const p = pool({ script: FIXTURE, workerData: { gate } });
    const running = p.analyse({ name: "gated.csv", bytes: SIX_PEOPLE }, channel, async () => {});
    await until(() => Atomics.load(held, 0) === 1);
    await p.close();
    expect(await running).toMatchObject({ ok: false, issues: [{ code: "upload.shutting_down" }] });
    const after = await p.analyse({ name: "a.csv", bytes: SIX_PEOPLE }, channel, async () => {});
    expect(after).toMatchObject({ ok: false, issues: [{ code: "upload.shutting_down" }] });
  });
});
