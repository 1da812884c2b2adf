import { beforeAll, describe, expect, it } from "vitest";
import type { RateUse } from "../../../src/commands/file-analysis/rates.js";
import {
  gapWithin,
  type SplitView,
  splitData,
  splitHeadline,
  splitNotes,
  splitWorking,
} from "../../../src/commands/file-analysis/split-reply.js";
import { currency, money } from "../../../src/core/money.js";
import { ratio } from "../../../src/core/ratio.js";
import { optimiseSplit, type SplitReport } from "../../../src/core/split/optimise.js";
import type { MipOutcome, SolveMip } from "../../../src/core/split/solver.js";
import type { Session } from "../../../src/core/usage.js";
import { createHighsSolver } from "../../../src/solver/highs.js";

const GBP = currency("GBP");
const MIN = 60_000;
const s = (user: string, from: number, to: number): Session => ({
  user,
  start: from * MIN,
  end: to * MIN,
});
const rate = (minor: number): RateUse => ({
  given: money(minor, GBP),
  period: "year",
  annual: money(minor, GBP),
  source: "typed",
});

let solve: SolveMip;
beforeAll(async () => {
  solve = await createHighsSolver();
});

// The lazy-rows example (test/core/split/lazy-rows.test.ts): A 0–50, B 10–50, C 20–50 together,
// D 130–170 and E 140–170 together; named £1.00, concurrent £1.40 a year; one row per round.
// Round 1 of the relaxation sees only {A,B,C}: its optimum 15 units × 20p = £3.00 is a valid
// bound. If the solver then stops at a limit, the plan is the heuristic's exact £3.80 (name one of
// A, B, C, pool 2) and the gap is (380 − 300) ÷ 380 = 21.05…%, shown rounded up as 21.1%.
const spells = [s("A", 0, 50), s("B", 10, 50), s("C", 20, 50), s("D", 130, 170), s("E", 140, 170)];

function stoppedAfterOneRound(limit: "work" | "time"): SplitReport {
  let calls = 0;
  const stopped: SolveMip = (request) => {
    if (calls++ === 0) return solve(request);
    const out: MipOutcome = { status: "time_limit", limit, seconds: 0, work: 1_000 };
    return out;
  };
  const r = optimiseSplit(
    spells,
    { namedRate: money(100, GBP), concurrentRate: money(140, GBP), rowsPerRound: 1 },
    stopped,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const view = (report: SplitReport): SplitView => ({
  report,
  named: rate(100),
  concurrent: rate(140),
  refusals: [],
  logSpanMs: 170 * MIN,
});

describe("the gap in words", () => {
  it("never rounds a gap that is not zero down to 0%, and never states less than the gap", () => {
    expect(gapWithin(ratio(0))).toBe("0%");
    // 0.004% → up to the next tenth of a percent.
    expect(gapWithin(ratio(4, 100_000))).toBe("0.1%");
    // 0.43% (the issue's busy-machine run) → 0.5%, not 0.4%.
    expect(gapWithin(ratio(43, 10_000))).toBe("0.5%");
    // The issue's 20,000-user run: (£7,104,720 − £6,776,280) ÷ £7,104,720 = 328,440 ÷ 7,104,720
    // = 4.6228…% → 4.7%.
    expect(gapWithin(ratio(328_440, 7_104_720))).toBe("4.7%");
    // Exactly a whole percent stays whole.
    expect(gapWithin(ratio(1, 100))).toBe("1%");
  });

  it("says in the headline, the notes and the working how far from proven the plan is", () => {
    const v = view(stoppedAfterOneRound("work"));
    expect(v.report.gap).toEqual(ratio(80, 380));
    expect(splitHeadline(v)).toBe(
      "Best plan: 1 named + a pool of 2 concurrent = £3.80 a year — within 21.1% of the proven minimum.",
    );
    expect(splitWorking(v)).toContain(
      "gap: (cost − proven lower bound) ÷ cost = (£3.80 − £3) ÷ £3.80 = 21.05%",
    );
    expect(splitData(v)).toMatchObject({ gap: 21.05, provenOptimal: false });
  });
});

describe("when the solver's limit bound", () => {
  it("says the work budget bound, with the gap, and how to give it longer", () => {
    const v = view(stoppedAfterOneRound("work"));
    expect(v.report.solver).toMatchObject({ stoppedBy: "work", timeLimitSeconds: 10 });
    expect(splitNotes(v)).toContain(
      "The solver's time limit bound: it used the whole budget of work that --time-limit 10 allows (counted in LP iterations, not seconds, so a busy machine gives the same answer) before proving the plan optimal; the plan is within 21.1% of the proven minimum (21.05%). --time-limit 30 to give it longer.",
    );
    expect(splitData(v).solver).toMatchObject({ stoppedBy: "work", timeLimitSeconds: 10 });
  });

  it("says when the wall-clock cap of a busy machine bound instead", () => {
    const v = view(stoppedAfterOneRound("time"));
    expect(splitNotes(v)).toContain(
      "The solver's time limit bound: the machine was busy and the wall-clock cap (100 s, 10 times --time-limit 10) stopped it before its budget of work was used; the plan is within 21.1% of the proven minimum (21.05%), and a rerun on a quieter machine may find a cheaper plan (--time-limit 30 to give it longer).",
    );
  });

  it("says nothing about limits when the plan is proven optimal", async () => {
    const r = optimiseSplit(
      spells,
      { namedRate: money(100, GBP), concurrentRate: money(140, GBP) },
      solve,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.provenOptimal).toBe(true);
    expect(r.value.solver.stoppedBy).toBeUndefined();
    expect(splitNotes(view(r.value)).join(" ")).not.toContain("limit");
  });
});
