import { beforeAll, describe, expect, it } from "vitest";
import { currency, money } from "../../../src/core/money.js";
import { ratio } from "../../../src/core/ratio.js";
import { replayPool } from "../../../src/core/replay.js";
import { lpText } from "../../../src/core/split/lp-text.js";
import { optimiseSplit, type SplitOptions } from "../../../src/core/split/optimise.js";
import type { SolveMip } from "../../../src/core/split/solver.js";
import { mergePresence, peakOf, stepsOf } from "../../../src/core/timeline.js";
import type { Session } from "../../../src/core/usage.js";
import { createHighsSolver } from "../../../src/solver/highs.js";

const GBP = currency("GBP");
const MIN = 60_000;
const s = (user: string, from: number, to: number): Session => ({
  user,
  start: from * MIN,
  end: to * MIN,
});

let solve: SolveMip;
beforeAll(async () => {
  solve = await createHighsSolver();
});

// Two busy spells in different clock hours. A 0–50, B 10–50, C 20–50: {A,B,C} at minute 20
// (hour 0). D 130–170, E 140–170: {D,E} at minute 140 (hour 2). Nobody else overlaps.
const spells = [s("A", 0, 50), s("B", 10, 50), s("C", 20, 50), s("D", 130, 170), s("E", 140, 170)];
// Named 100, concurrent 140 (model units of gcd 20: a = 5, b = 7). One row per round.
const options: SplitOptions = {
  namedRate: money(100, GBP),
  concurrentRate: money(140, GBP),
  rowsPerRound: 1,
};

/** Records every model the solver is given. */
function recording(inner: () => SolveMip) {
  const models: string[] = [];
  const solver: SolveMip = (request) => {
    models.push(lpText(request.model, request.kind));
    return inner()(request);
  };
  return { models, solver };
}

describe("lazy row generation", () => {
  it("adds the instant the first subset missed, and the final plan covers every login", () => {
    // Round 1 sees only the busiest instant {A,B,C}: min 5(xA+xB+xC) + 7k, xA+xB+xC+k ≥ 3.
    // A named unit (5) is cheaper than a seat (7): x = 1, k = 0, value 15 units = 300.
    // Checked on all instants: {D,E} has load 2 > k = 0, so it joins the model.
    // Round 2: with k ≤ 2 the cost is 5(3 − k) + 5(2 − k) + 7k = 25 − 3k, least at k = 2: 19;
    // above 2 it is 5(3 − k) + 7k = 15 + 2k, rising. Value 19 units = 380, and nothing is
    // violated any more. Integer plan: name one of A, B, C, pool 2 → 100 + 280 = 380.
    // Enumeration agrees: all pooled → pool 3 = 420; named only 500; one of A,B,C → 380;
    // two of them → 200 + 2 × 140 = 480.
    const { models, solver } = recording(() => solve);
    const r = optimiseSplit(spells, options, solver);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const v = r.value;
    expect(v.solver.relaxationRounds).toBe(2);
    expect(models).toHaveLength(2); // the bound meets the plan: no integer program needed
    expect(models[0]).not.toContain("r1:");
    expect(models[1]).toContain("r1:");
    expect(v.stats).toMatchObject({ instants: 2, constraints: 2 });
    expect(v.relaxationBound).toEqual(money(380, GBP));
    expect(v.optimum.cost).toEqual(money(380, GBP));
    expect(v.optimum.namedCount).toBe(1);
    expect(v.optimum.pool).toBe(2);
    expect(v.provenOptimal).toBe(true);
    expect(v.solver.mip).toBe("skipped");
    // Independent check: replay the pooled users' logins against the pool.
    const named = new Set(v.optimum.named);
    const pooled = mergePresence(spells).filter((p) => !named.has(p.user));
    expect(peakOf(stepsOf(pooled)).peak).toBe(2);
    expect(replayPool(pooled, v.optimum.pool).refusedLogins).toBe(0);
    expect(replayPool(pooled, v.optimum.pool - 1).refusedLogins).toBeGreaterThan(0);
  });

  it("stopped after the first round, reports that subset's bound and the best plan it has", () => {
    // The solver answers round 1 (value 15 units = 300, a valid bound: the subset model is a
    // relaxation of the full one) and then runs out of time. The plan is still the heuristic's
    // exact 380; the gap is (380 − 300) / 380.
    let calls = 0;
    const tired: SolveMip = (request) =>
      calls++ === 0 ? solve(request) : { status: "time_limit", seconds: 0 };
    const r = optimiseSplit(spells, options, tired);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const v = r.value;
    expect(v.solver).toMatchObject({
      relaxation: "time_limit",
      mip: "time_limit",
      relaxationRounds: 2,
      mipRounds: 1,
    });
    expect(v.relaxationBound).toEqual(money(300, GBP));
    expect(v.lowerBound).toEqual(money(300, GBP));
    expect(v.optimum.cost).toEqual(money(380, GBP));
    expect(v.gap).toEqual(ratio(80, 380));
    expect(v.provenOptimal).toBe(false);
    expect(v.optimum.refusedAtPool).toBe(0);
  });

  it("skips the integer program when the relaxation used the whole work budget, and says so", () => {
    // Each solve reports 10^9 LP iterations: round 1 of the relaxation (bound 300, as above)
    // spends far more than 10 s × 50,000 units, so no round 2 and no integer program. The plan
    // is the heuristic's exact 380 and the gap (380 − 300) / 380, stopped by the work budget.
    const busy: SolveMip = (request) => ({ ...solve(request), work: 1e9 });
    const r = optimiseSplit(spells, options, busy);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const v = r.value;
    expect(v.solver).toMatchObject({
      relaxationRounds: 1,
      mipRounds: 0,
      mip: "skipped",
      stoppedBy: "work",
    });
    expect(v.optimum.cost).toEqual(money(380, GBP));
    expect(v.lowerBound).toEqual(money(300, GBP));
    expect(v.gap).toEqual(ratio(80, 380));
  });

  it("keeps a plan from an integer solution that overloads an unseen instant, pool re-costed", () => {
    // A solver that only ever answers "name nobody, k = 0" (ignoring every row) and claims the
    // run timed out. That answer is costed on all instants: all pooled → pool 3 → 420, worse
    // than the heuristic's 380, so 380 stays; the overloaded instants join the next round until
    // every instant is in the model, then the loop stops with nothing new to add.
    const lazy: SolveMip = (request) => ({
      status: "time_limit",
      values: Array.from(request.model.cost, () => 0),
      seconds: 0,
    });
    const r = optimiseSplit(spells, { ...options, rowsPerRound: 1 }, lazy);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const v = r.value;
    expect(v.optimum.cost).toEqual(money(380, GBP));
    // Relaxation rounds: the time-limited answers give no bound, so one round only.
    expect(v.solver.relaxationRounds).toBe(1);
    // MIP rounds: {A,B,C} in the model; k = 0 overloads {D,E} → added; round 2 sees both and
    // nothing new is violated → stop.
    expect(v.solver.mipRounds).toBe(2);
    expect(v.stats.constraints).toBe(2);
    // Only the combinatorial bound: 3 users × min(100, 140) = 300.
    expect(v.lowerBound).toEqual(money(300, GBP));
  });
});
