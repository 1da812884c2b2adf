/**
 * The split as an integer program, over a chosen subset of the instants (the rows generated so
 * far, see rows.ts):
 *   minimise  a·Σ x_u + b·k          (divided by gcd(a, b) so objective values are small integers)
 *   subject to, for every chosen instant's set S (pooled load with headroom factor P/Q and s extra
 *   seats, dominated sets dropped):
 *             P·Σ_{u∈S free} x_u + Q·k ≥ P·|S| + Q·s
 *   x_u binary (1 = named), k integer ≥ 0.
 * Only free users in some chosen set get a column: any other user is best pooled in this model
 * (naming them costs and helps no row). Forced-named users are out of the sets (priced outside the
 * model); forced-concurrent users stay in the sets with no variable. The relaxation is the same
 * arrays solved without integrality (0 ≤ x ≤ 1). Columns are x0 … x(n−1) in user order, then k.
 */
import type { Choice } from "./baselines.js";
import type { MemberIndex } from "./members.js";
import type { Pricing } from "./pricing.js";
import type { SplitProblem } from "./problem.js";
import { removeDominated } from "./reduce.js";
import type { LinearModel } from "./solver.js";

export interface SplitModel {
  /** Column names, for an LP text rendering: x0 … x(n−1), then k. */
  readonly columns: readonly string[];
  /** Problem user index of each x column (the last column is k). */
  readonly userOfColumn: readonly number[];
  readonly model: LinearModel;
  /** Objective scale: model objective × scale = cost in minor units. */
  readonly scale: number;
  /** Rows written (chosen instants left after dropping dominated and variable-free sets). */
  readonly rows: number;
  /** k's lower bound from chosen sets with no free user (all forced concurrent). */
  readonly kLower: number;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

export function buildModel(
  problem: SplitProblem,
  pr: Pricing,
  instants: readonly number[],
  index: MemberIndex,
): SplitModel {
  const scale = gcd(pr.named, pr.concurrent);
  const a = pr.named / scale;
  const b = pr.concurrent / scale;
  const P = pr.factorNum;
  const Q = pr.factorDen;
  const s = BigInt(pr.extraSeats);
  const reduced = removeDominated(
    instants.map((j) => index.membersAt(j)),
    instants,
    problem.users.length,
  );
  const columnOf = new Int32Array(problem.users.length).fill(-1);
  const userOfColumn: number[] = [];
  for (const set of reduced.sets) {
    for (const u of set) {
      if (columnOf[u] === -1 && !problem.forcedConcurrent[u]) {
        columnOf[u] = -2; // marked; numbered in user order below for a stable model
      }
    }
  }
  for (let u = 0; u < problem.users.length; u++) {
    if (columnOf[u] === -2) {
      columnOf[u] = userOfColumn.length;
      userOfColumn.push(u);
    }
  }
  const n = userOfColumn.length;
  let entries = 0;
  for (const set of reduced.sets) entries += set.length + 1;
  const starts = [0];
  const rowColumns = new Int32Array(entries);
  const rowValues = new Float64Array(entries);
  const rowLower: number[] = [];
  const p = Number(P);
  const q = Number(Q);
  let kLower = 0n;
  let at = 0;
  for (const set of reduced.sets) {
    const first = at;
    for (const u of set) {
      const c = columnOf[u] as number;
      if (c >= 0) {
        rowColumns[at] = c;
        rowValues[at++] = p;
      }
    }
    const rhs = P * BigInt(set.length) + Q * s;
    if (at === first) {
      const need = (rhs + Q - 1n) / Q;
      if (need > kLower) kLower = need;
      continue;
    }
    rowColumns[at] = n;
    rowValues[at++] = q;
    starts.push(at);
    rowLower.push(Number(rhs));
  }
  const cost = new Float64Array(n + 1).fill(a);
  cost[n] = b;
  const upper = new Float64Array(n + 1).fill(1);
  upper[n] = Number.POSITIVE_INFINITY;
  const lower = new Float64Array(n + 1);
  lower[n] = Number(kLower);
  const model: LinearModel = {
    cost,
    lower,
    upper,
    integer: new Uint8Array(n + 1).fill(1),
    rowStarts: Int32Array.from(starts),
    rowColumns: rowColumns.subarray(0, at),
    rowValues: rowValues.subarray(0, at),
    rowLower: Float64Array.from(rowLower),
  };
  return {
    columns: [...userOfColumn.map((_, c) => `x${c}`), "k"],
    userOfColumn,
    model,
    scale,
    rows: rowLower.length,
    kLower: Number(kLower),
  };
}

/** The smallest k the model allows for a plan whose highest load over all instants is maxLoad. */
export function poolColumn(problem: SplitProblem, maxLoad: number, pr: Pricing): number {
  // Every row asks k ≥ ⌈P·load/Q⌉ + s, even at load 0, so k is that at the highest load.
  return problem.at.length > 0
    ? Number((BigInt(maxLoad) * pr.factorNum + pr.factorDen - 1n) / pr.factorDen) + pr.extraSeats
    : 0;
}

/** The model's starting point for a plan: its x values and a k that covers every instant. */
export function startValues(
  model: SplitModel,
  problem: SplitProblem,
  named: Choice,
  maxLoad: number,
  pr: Pricing,
): number[] {
  return [...model.userOfColumn.map((u) => (named[u] ? 1 : 0)), poolColumn(problem, maxLoad, pr)];
}

/** Named flags from solver values (a binary near 1 is named; users with no column are pooled). */
export function namedFromValues(
  model: SplitModel,
  values: readonly number[],
  problem: SplitProblem,
): Choice {
  const named = Uint8Array.from(problem.users, (_, u) => (problem.forcedNamed[u] ? 1 : 0));
  model.userOfColumn.forEach((u, c) => {
    if ((values[c] ?? 0) > 0.5) named[u] = 1;
  });
  return named;
}
