/**
 * The model goes to HiGHS as arrays; it used to go as CPLEX LP text. Both routes must give the
 * same answers: every model the split hands the solver (relaxation and integer rounds) is solved
 * both ways here, on seeded random logs, and the whole split too. The arrays route also keeps its
 * relaxation live between rounds (rows appended): the split's answers must not change.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { currency, money } from "../../../src/core/money.js";
import { optimiseSplit, type SplitOptions } from "../../../src/core/split/optimise.js";
import type { MipOutcome, SolveMip } from "../../../src/core/split/solver.js";
import type { Session } from "../../../src/core/usage.js";
import { createHighsSolver } from "../../../src/solver/highs.js";

const GBP = currency("GBP");
const MIN = 60_000;

let arrays: SolveMip;
let text: SolveMip;
beforeAll(async () => {
  arrays = await createHighsSolver();
  text = await createHighsSolver({ via: "lp-text" });
});

/** A seeded log: `users` people, each with a few sessions of 10–240 minutes within `days`. */
function log(users: number, seed: number, days = 2): Session[] {
  let x = seed;
  const next = (n: number): number => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
  const out: Session[] = [];
  for (let u = 0; u < users; u++) {
    for (let k = 1 + next(4); k > 0; k--) {
      const start = next(Math.round(days * 24 * 60));
      out.push({ user: `u${u}`, start: start * MIN, end: (start + 10 + next(230)) * MIN });
    }
  }
  return out;
}

// Rates 100/170 and 10% headroom make fractional relaxations, so the integer program runs.
const options: SplitOptions = {
  namedRate: money(100_00, GBP),
  concurrentRate: money(170_00, GBP),
  headroom: { percent: { num: 1n, den: 10n } },
  rowsPerRound: 3, // several rounds, so both routes see several models
};

const same = (a: MipOutcome, b: MipOutcome): void => {
  expect(a.status).toBe(b.status);
  if (b.objective === undefined) expect(a.objective).toBeUndefined();
  else expect(a.objective).toBeCloseTo(b.objective, 6);
  if (b.bound === undefined) expect(a.bound).toBeUndefined();
  else expect(a.bound).toBeCloseTo(b.bound, 6);
};

describe("HiGHS through arrays and through LP text", () => {
  for (const [users, seed, days] of [
    [6, 1, 2],
    [15, 2, 0.5],
    [30, 3, 0.5],
    [40, 4, 1],
    [60, 5, 0.25],
  ] as const) {
    it(`agree on every model of a ${users}-user split (seed ${seed})`, () => {
      let models = 0;
      const both: SolveMip = (request) => {
        const a = arrays(request);
        same(a, text(request));
        models++;
        return a;
      };
      const checked = optimiseSplit(log(users, seed, days), options, both);
      const viaText = optimiseSplit(log(users, seed, days), options, text);
      if (!checked.ok || !viaText.ok) throw new Error("split refused a valid log");
      // Each case was chosen so that the integer program runs too, not only the relaxation.
      expect(checked.value.solver.mipRounds).toBeGreaterThan(0);
      expect(models).toBe(checked.value.solver.relaxationRounds + checked.value.solver.mipRounds);
      expect(checked.value.optimum.cost).toEqual(viaText.value.optimum.cost);
      expect(checked.value.lowerBound).toEqual(viaText.value.lowerBound);
      expect(checked.value.optimum.refusedAtPool).toBe(0);
    });

    it(`a live relaxation (rows appended between rounds) agrees with rebuilt models: ${users} users`, () => {
      expect(arrays.openRelaxation).toBeDefined();
      const live = optimiseSplit(log(users, seed, days), options, arrays);
      const rebuilt = optimiseSplit(log(users, seed, days), options, text);
      if (!live.ok || !rebuilt.ok) throw new Error("split refused a valid log");
      // Both relaxations reach every instant's row (or the same subset), so the same bound.
      expect(live.value.relaxationBound).toEqual(rebuilt.value.relaxationBound);
      expect(live.value.optimum.cost).toEqual(rebuilt.value.optimum.cost);
      expect(live.value.lowerBound).toEqual(rebuilt.value.lowerBound);
      expect(live.value.optimum.refusedAtPool).toBe(0);
    });
  }
});
