/**
 * Lazy row generation. Writing a row for every maximal instant is exact but far too big at scale
 * (5,000 users: ~27,000 rows of ~1,000 members), so the solver sees a subset of instants and every
 * solution it returns is checked against all instants here; the most violated instants are added
 * and the model solved again.
 *
 * Why a subset's answers stay honest: dropping rows only enlarges the feasible region, so the
 * optimum (or MIP dual bound, or LP relaxation value) of the subset model is ≤ that of the full
 * model. Every bound from any round is therefore a valid lower bound on the true optimum. And a
 * named set from any round is costed exactly on all instants (its pool from the true peak), so
 * every plan we report is feasible whatever rows produced it. When a solution satisfies every
 * instant, the subset's optimum is the full optimum.
 */
import type { Pricing } from "./pricing.js";
import type { SplitProblem } from "./problem.js";

const HOUR_MS = 3_600_000;

/** Pooled load at every instant when user u counts weight[u] (1 − x_u for a fractional x). */
export function weightedLoads(problem: SplitProblem, weight: ArrayLike<number>): Float64Array {
  const m = problem.at.length;
  const diff = new Float64Array(m + 1);
  const { intervalUser: user, intervalFrom: from, intervalTo: to } = problem;
  for (let i = 0; i < user.length; i++) {
    const w = weight[user[i] as number] as number;
    diff[from[i] as number] = (diff[from[i] as number] as number) + w;
    diff[to[i] as number] = (diff[to[i] as number] as number) - w;
  }
  let run = 0;
  for (let j = 0; j < m; j++) {
    run += diff[j] as number;
    diff[j] = run;
  }
  return diff.subarray(0, m);
}

/**
 * How far each instant's row is from holding for pool column k: P·load + Q·s − Q·k (positive =
 * violated), in the row's own units.
 */
export function shortfalls(loads: ArrayLike<number>, k: number, pr: Pricing): Float64Array {
  const P = Number(pr.factorNum);
  const Q = Number(pr.factorDen);
  const out = new Float64Array(loads.length);
  for (let j = 0; j < loads.length; j++) {
    out[j] = P * (loads[j] as number) + Q * pr.extraSeats - Q * k;
  }
  return out;
}

/**
 * The violated instants to add next: the worst instant of each clock hour (neighbouring instants
 * have nearly the same set, so taking several from one busy spell wastes rows), worst first, at
 * most `cap`, none already chosen. `tolerance` absorbs the solver's rounding on fractional values.
 */
export function worstInstants(
  problem: SplitProblem,
  shortfall: ArrayLike<number>,
  chosen: ReadonlySet<number>,
  cap: number,
  tolerance: number,
): number[] {
  const bestOfHour = new Map<number, number>();
  for (let j = 0; j < shortfall.length; j++) {
    const v = shortfall[j] as number;
    if (!(v > tolerance) || chosen.has(j)) continue;
    const hour = Math.floor((problem.at[j] as number) / HOUR_MS);
    const held = bestOfHour.get(hour);
    if (held === undefined || (shortfall[held] as number) < v) bestOfHour.set(hour, j);
  }
  return [...bestOfHour.values()]
    .sort((x, y) => (shortfall[y] as number) - (shortfall[x] as number) || x - y)
    .slice(0, cap);
}
