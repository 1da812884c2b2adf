import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { currency, money } from "../../../src/core/money.js";
import { ratio } from "../../../src/core/ratio.js";
import { optimiseSplit, type SplitOptions } from "../../../src/core/split/optimise.js";
import { type Headroom, poolNeeded, pricing } from "../../../src/core/split/pricing.js";
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
const rates = (named: number, concurrent: number) => ({
  namedRate: money(named, GBP),
  concurrentRate: money(concurrent, GBP),
});

let solve: SolveMip;
beforeAll(async () => {
  solve = await createHighsSolver();
});
/** A solver that finds nothing: the answer must still be a valid plan with a valid bound. */
const noSolver: SolveMip = () => ({ status: "error", seconds: 0 });

function run(sessions: readonly Session[], options: SplitOptions, solver: SolveMip = solve) {
  const r = optimiseSplit(sessions, options, solver);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

// Three users, a and b overlap: a 0–60, b 30–80, c 100–120. Maximal online sets {a,b}, {c}.
const three = [s("a", 0, 60), s("b", 30, 80), s("c", 100, 120)];

describe("split: three users, two overlapping (named 100, concurrent 140)", () => {
  it("names one of the overlapping pair and pools the rest", () => {
    // Named-only 3 × 100 = 300. All concurrent: pool 2 → 280. Name a: b and c never overlap,
    // pool 1 → 100 + 140 = 240. Name a and b: pool 1 for c → 340. Optimum 240.
    const r = run(three, rates(100, 140));
    expect(r.optimum.cost).toEqual(money(240, GBP));
    expect(r.optimum.namedCount).toBe(1);
    expect(r.optimum.pool).toBe(1);
    expect(r.lowerBound).toEqual(money(240, GBP));
    expect(r.provenOptimal).toBe(true);
    expect(r.gap).toEqual(ratio(0));
    expect(r.stats).toMatchObject({ users: 3, instants: 2, constraints: 2 });
    // Relaxation in units of gcd(100, 140) = 20: min 5(xa + xb + xc) + 7k with xa + xb + k ≥ 2,
    // xc + k ≥ 1. For k = t ≤ 1: 7t + 5(2 − t) + 5(1 − t) = 15 − 3t, least at t = 1: 12 units
    // = 240, equal to the plan in hand, so the integer program is not needed at all.
    expect(r.relaxationBound).toEqual(money(240, GBP));
    expect(r.solver.mip).toBe("skipped");
    const costs = Object.fromEntries(r.baselines.map((b) => [b.label, b.cost.minor]));
    expect(costs).toEqual({
      named_only: 300,
      all_concurrent: 280,
      rule_of_thumb: 280, // break-even 100/140; nobody is online 71% of the busy 110 min
      hours_ranking: 240, // a (60 min) first: pool 1 → 240
    });
  });
});

// Long users A 0–40, B 40–80, C 80–120 never overlap; S is online 10–15, 50–55, 90–95, always
// alongside one of them. The peak (2) happens only when S is on.
const shortAtPeaks = [
  s("A", 0, 40),
  s("B", 40, 80),
  s("C", 80, 120),
  s("S", 10, 15),
  s("S", 50, 55),
  s("S", 90, 95),
];

describe("split: the optimum names a user the hours rule would pool (named 100, concurrent 120)", () => {
  const r0 = () => run(shortAtPeaks, rates(100, 120));

  it("names S, online only 15 minutes, which lowers the pool to 1", () => {
    // All concurrent: pool 2 → 240. Name S: A, B, C never overlap → pool 1 → 100 + 120 = 220.
    const r = r0();
    expect(r.optimum.named).toEqual(["S"]);
    expect(r.optimum.pool).toBe(1);
    expect(r.optimum.cost.minor).toBe(220);
    expect(r.provenOptimal).toBe(true);
    expect(r.namedUsers).toEqual([
      // Peak-relevant time: ≥ 1 online (half of 2), all 120 minutes; S is on for 15 → 1/8.
      { user: "S", reason: "optimised", peakShare: ratio(15, 120), onlineMs: 15 * MIN },
    ]);
  });

  it("while ranking by hours names A, B, C first and its best prefix is to name nobody", () => {
    // Prefixes: {} → 240; {A} → 100 + 2 × 120 = 340; {A,B} → 440; {A,B,C} → 300 + 120 = 420;
    // all four → 400. Best 240, which is 20/220 = 9.1% worse than the optimum.
    const hours = r0().baselines.find((b) => b.label === "hours_ranking");
    expect(hours?.cost.minor).toBe(240);
    expect(hours?.named).toEqual([]);
  });

  it("honours a forced-concurrent policy", () => {
    // S must stay pooled: nothing else lowers the peak → all concurrent, pool 2 → 240.
    const r = run(shortAtPeaks, { ...rates(100, 120), forceConcurrent: new Set(["S"]) });
    expect(r.optimum.cost.minor).toBe(240);
    expect(r.optimum.named).toEqual([]);
  });

  it("honours a forced-named policy, including a user with no sessions", () => {
    // A and V (no sessions) named: 200. Then naming S lowers the pool to 1: 300 + 120 = 420,
    // against 200 + 240 = 440 without S.
    const r = run(shortAtPeaks, { ...rates(100, 120), forceNamed: new Set(["A", "V"]) });
    expect(r.optimum.named).toEqual(["A", "S", "V"]);
    expect(r.optimum.cost.minor).toBe(420);
    expect(r.namedUsers.map((u) => `${u.user}:${u.reason}`)).toEqual([
      "A:forced",
      "S:optimised",
      "V:forced",
    ]);
    // Named-only under the policy: all five named = 500.
    expect(r.baselines[0]?.cost.minor).toBe(500);
  });

  it.each([
    // +1 seat: none named → pool 3 → 360; S named → pool 2 → 100 + 240 = 340; named-only 400.
    ["+1 seat", { seats: 1 }, 340, 2],
    // 60%: none named → ⌈2 × 1.6⌉ = 4 → 480; S named → ⌈1.6⌉ = 2 → 340.
    ["60%", { percent: ratio(60, 100) }, 340, 2],
    // 10% + 1 seat: none → ⌈2.2⌉ + 1 = 4 → 480; S named → ⌈1.1⌉ + 1 = 3 → 460; named-only 400.
    ["10% + 1 seat", { percent: ratio(10, 100), seats: 1 }, 400, 0],
  ])("adds headroom %s to the pool", (_label, headroom: Headroom, cost, pool) => {
    const r = run(shortAtPeaks, { ...rates(100, 120), headroom });
    expect(r.optimum.cost.minor).toBe(cost);
    expect(r.optimum.pool).toBe(pool);
    expect(r.lowerBound.minor).toBeLessThanOrEqual(cost);
  });

  it("without a solver still returns the heuristic plan with a valid bound and its gap", () => {
    const r = run(shortAtPeaks, rates(100, 120), noSolver);
    expect(r.solver).toMatchObject({ mip: "error", relaxation: "error" });
    expect(r.optimum.cost.minor).toBe(220); // the peeling heuristic names S on its own
    // Combinatorial bound: the set {A, S} costs at least 2 × min(100, 120) = 200.
    expect(r.lowerBound.minor).toBe(200);
    expect(r.gap).toEqual(ratio(20, 220));
    expect(r.provenOptimal).toBe(false);
  });
});

describe("split: bad options", () => {
  it.each<[SplitOptions, string, string]>([
    [{ ...rates(0, 140) }, "split.bad_named_rate", "the named rate must be more than zero"],
    [
      { ...rates(100, -1) },
      "split.bad_concurrent_rate",
      "the concurrent rate must be more than zero",
    ],
    [
      { ...rates(100, 140), headroom: { seats: 1.5 } },
      "split.bad_headroom",
      "headroom of 1.5 seats is not a whole number ≥ 0",
    ],
    [
      { ...rates(100, 140), headroom: { percent: ratio(-1, 10) } },
      "split.bad_headroom",
      "headroom cannot be a negative percentage",
    ],
    [
      { ...rates(100, 140), forceNamed: new Set(["a"]), forceConcurrent: new Set(["a"]) },
      "split.policy_conflict",
      "user a cannot be forced both named and concurrent",
    ],
    [
      { ...rates(100, 140), timeLimitSeconds: 0 },
      "split.bad_time_limit",
      "the time limit 0 seconds must be more than zero",
    ],
    [
      { ...rates(100, 140), rowsPerRound: 0 },
      "split.bad_rows_per_round",
      "0 rows per round is not a whole number ≥ 1",
    ],
    [
      { namedRate: money(100, GBP), concurrentRate: money(140, currency("USD")) },
      "split.mixed_currency",
      "the named rate is in GBP but the concurrent rate is in USD",
    ],
  ])("rejects bad options (%#: %s)", (options, code, message) => {
    const r = optimiseSplit(three, options as SplitOptions, noSolver);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ code, message });
  });
});

/** Exact optimum by enumerating every named set of free users, each pool from a sweep. */
function bruteForce(sessions: readonly Session[], o: SplitOptions): number {
  const presence = mergePresence(sessions);
  const users = [...new Set(presence.map((p) => p.user))].sort();
  const forcedN = o.forceNamed ?? new Set<string>();
  const forcedC = o.forceConcurrent ?? new Set<string>();
  const free = users.filter((u) => !forcedN.has(u) && !forcedC.has(u));
  const pr = pricing(o.namedRate.minor, o.concurrentRate.minor, o.headroom);
  const fixedNamed = forcedN.size;
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const named = new Set(free.filter((_, i) => mask & (1 << i)));
    const pooled = presence.filter((p) => !named.has(p.user) && !forcedN.has(p.user));
    const pool = poolNeeded(peakOf(stepsOf(pooled)).peak, pr);
    best = Math.min(best, pr.named * (named.size + fixedNamed) + pr.concurrent * pool);
  }
  return best;
}

const sessionsArb = fc.array(
  fc
    .record({
      user: fc.constantFrom("u1", "u2", "u3", "u4", "u5", "u6", "u7"),
      from: fc.integer({ min: 0, max: 300 }),
      length: fc.integer({ min: 1, max: 90 }),
    })
    .map(({ user, from, length }) => s(user, from, from + length)),
  { minLength: 1, maxLength: 30 },
);
const optionsArb = fc.record({
  named: fc.integer({ min: 1, max: 200 }),
  concurrent: fc.integer({ min: 1, max: 300 }),
  headroom: fc.constantFrom<Headroom>({}, { seats: 1 }, { percent: ratio(1, 4) }),
  forceNamed: fc.subarray(["u1", "u9"]),
  forceConcurrent: fc.subarray(["u2"]),
});

describe("split properties (against enumeration of every named set)", () => {
  it("finds the exact optimum, never above any baseline, with a covering pool and bound ≤ cost", () => {
    fc.assert(
      fc.property(sessionsArb, optionsArb, (sessions, o) => {
        const options: SplitOptions = {
          ...rates(o.named, o.concurrent),
          headroom: o.headroom,
          forceNamed: new Set(o.forceNamed),
          forceConcurrent: new Set(o.forceConcurrent),
        };
        const r = run(sessions, options);
        const exact = bruteForce(sessions, options);
        const pr = pricing(o.named, o.concurrent, o.headroom);
        const plans = [r.optimum, ...r.baselines];
        return (
          r.optimum.cost.minor === exact &&
          r.lowerBound.minor <= exact &&
          r.baselines.every((b) => r.optimum.cost.minor <= b.cost.minor) &&
          plans.every((p) => p.refusedAtPool === 0 && p.pool === poolNeeded(p.pooledPeak, pr))
        );
      }),
      { numRuns: 150 },
    );
  });

  it("without a solver: never above any baseline, and the bound stays below the true optimum", () => {
    fc.assert(
      fc.property(sessionsArb, optionsArb, (sessions, o) => {
        const options: SplitOptions = {
          ...rates(o.named, o.concurrent),
          headroom: o.headroom,
          forceNamed: new Set(o.forceNamed),
          forceConcurrent: new Set(o.forceConcurrent),
        };
        const r = run(sessions, options, noSolver);
        const exact = bruteForce(sessions, options);
        return (
          r.optimum.cost.minor >= exact &&
          r.lowerBound.minor <= exact &&
          r.baselines.every((b) => r.optimum.cost.minor <= b.cost.minor) &&
          r.optimum.refusedAtPool === 0
        );
      }),
      { numRuns: 150 },
    );
  });
});
