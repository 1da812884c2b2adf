import { describe, expect, it } from "vitest";
import { ratio } from "../../../src/core/ratio.js";
import { pricing } from "../../../src/core/split/pricing.js";
import { buildProblem } from "../../../src/core/split/problem.js";
import { shortfalls, weightedLoads, worstInstants } from "../../../src/core/split/rows.js";
import type { Session } from "../../../src/core/usage.js";

const MIN = 60_000;
const s = (user: string, from: number, to: number): Session => ({
  user,
  start: from * MIN,
  end: to * MIN,
});

// Instants: minute 20 {A,B,C} (hour 0), minute 45 {C,D} (hour 0), minute 140 {E,F} (hour 2).
const problem = buildProblem(
  [
    s("A", 0, 30),
    s("B", 10, 30),
    s("C", 20, 60),
    s("D", 45, 60),
    s("E", 130, 170),
    s("F", 140, 170),
  ],
  new Set(),
  new Set(),
);

describe("row generation helpers", () => {
  it("finds the instants and weighs each member", () => {
    expect(problem.at).toEqual([20 * MIN, 45 * MIN, 140 * MIN]);
    // Users A..F are 0..5. Weights 1 − x: A named (0), C half named (0.5), the rest pooled.
    const loads = weightedLoads(problem, [0, 1, 0.5, 1, 1, 1]);
    // {A,B,C}: 0 + 1 + 0.5 = 1.5; {C,D}: 0.5 + 1 = 1.5; {E,F}: 2.
    expect([...loads]).toEqual([1.5, 1.5, 2]);
  });

  it("measures shortfalls with headroom: P·load + Q·s − Q·k", () => {
    // 25% + 1 seat: P/Q = 5/4, s = 1. Load 2, k = 3: 5·2 + 4·1 − 4·3 = 2 (violated).
    // Load 1.5: 7.5 + 4 − 12 = −0.5 (holds).
    const pr = pricing(100, 140, { percent: ratio(1, 4), seats: 1 });
    expect([...shortfalls([2, 1.5], 3, pr)]).toEqual([2, -0.5]);
  });

  it("takes the worst instant of each hour, worst first, skipping chosen ones, up to the cap", () => {
    // Shortfalls 3 and 1 in hour 0, 2 in hour 2: hour 0 gives instant 0, hour 2 instant 2.
    expect(worstInstants(problem, [3, 1, 2], new Set(), 10, 0)).toEqual([0, 2]);
    expect(worstInstants(problem, [3, 1, 2], new Set(), 1, 0)).toEqual([0]);
    // Instant 0 already in the model: hour 0's next worst is instant 1 (1 < 2, so it comes last).
    expect(worstInstants(problem, [3, 1, 2], new Set([0]), 10, 0)).toEqual([2, 1]);
    // Within the tolerance nothing counts as violated.
    expect(worstInstants(problem, [1e-9, -1, 0], new Set(), 10, 1e-6)).toEqual([]);
  });
});
