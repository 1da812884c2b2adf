/**
 * The split as an integer program in CPLEX LP text:
 *   minimise  a·Σ x_u + b·k          (divided by gcd(a, b) so objective values are small integers)
 *   subject to, for every reduced set S (pooled load with headroom factor P/Q and s extra seats):
 *             P·Σ_{u∈S free} x_u + Q·k ≥ P·|S| + Q·s
 *   x_u binary (1 = named), k integer ≥ 0.
 * Forced-named users are already out of the sets (and priced outside the model); forced-concurrent
 * users stay in the sets with no variable. The relaxation drops integrality (0 ≤ x ≤ 1).
 */
import type { Choice } from "./baselines.js";
import type { Pricing } from "./pricing.js";
import type { SplitProblem } from "./problem.js";

export interface SplitModel {
  readonly columns: readonly string[];
  /** Problem user index of each x column (the last column is k). */
  readonly userOfColumn: readonly number[];
  readonly mip: string;
  readonly relaxation: string;
  /** Objective scale: model objective × scale = cost in minor units. */
  readonly scale: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

/** Writes `terms` over several lines: LP readers limit line length. */
function wrap(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 12) lines.push(` ${terms.slice(i, i + 12).join(" + ")}`);
  return lines.join("\n");
}

export function buildModel(problem: SplitProblem, pr: Pricing): SplitModel {
  const scale = gcd(pr.named, pr.concurrent);
  const a = pr.named / scale;
  const b = pr.concurrent / scale;
  const P = pr.factorNum;
  const Q = pr.factorDen;
  const s = BigInt(pr.extraSeats);
  const columnOf = new Int32Array(problem.users.length).fill(-1);
  const userOfColumn: number[] = [];
  for (let u = 0; u < problem.users.length; u++) {
    const free = !problem.forcedNamed[u] && !problem.forcedConcurrent[u];
    if (free && (problem.postings[u] as Int32Array).length > 0) {
      columnOf[u] = userOfColumn.length;
      userOfColumn.push(u);
    }
  }
  const x = (c: number): string => `x${c}`;
  const columns = [...userOfColumn.map((_, c) => x(c)), "k"];
  const objective = [...userOfColumn.map((_, c) => `${a} ${x(c)}`), `${b} k`];
  const rows: string[] = [];
  let kLower = 0n;
  for (let j = 0; j < problem.sets.length; j++) {
    const set = problem.sets[j] as Int32Array;
    const terms: string[] = [];
    for (const u of set) {
      const c = columnOf[u] as number;
      if (c >= 0) terms.push(`${P} ${x(c)}`);
    }
    const rhs = P * BigInt(set.length) + Q * s;
    if (terms.length === 0) {
      const need = (rhs + Q - 1n) / Q;
      if (need > kLower) kLower = need;
      continue;
    }
    terms.push(`${Q} k`);
    rows.push(` c${j}:\n${wrap(terms)} >= ${rhs}`);
  }
  const head = `Minimize\n obj:\n${wrap(objective)}\nSubject To\n${rows.join("\n")}\n`;
  const xs = userOfColumn.map((_, c) => x(c));
  const binaries = [];
  for (let i = 0; i < xs.length; i += 12) binaries.push(` ${xs.slice(i, i + 12).join(" ")}`);
  const mip = `${head}Bounds\n k >= ${kLower}\nBinary\n${binaries.join("\n")}\nGeneral\n k\nEnd\n`;
  const relaxBounds = xs.map((v) => ` 0 <= ${v} <= 1`).join("\n");
  const relaxation = `${head}Bounds\n k >= ${kLower}\n${relaxBounds}\nEnd\n`;
  return { columns, userOfColumn, mip, relaxation, scale };
}

/** The model's starting point for a plan: its x values and the smallest k the rows allow. */
export function startValues(
  model: SplitModel,
  problem: SplitProblem,
  named: Choice,
  maxLoad: number,
  pr: Pricing,
): number[] {
  // Every row asks k ≥ ⌈P·load/Q⌉ + s, even at load 0, so k is that at the highest load.
  const k =
    problem.sets.length > 0
      ? Number((BigInt(maxLoad) * pr.factorNum + pr.factorDen - 1n) / pr.factorDen) + pr.extraSeats
      : 0;
  return [...model.userOfColumn.map((u) => (named[u] ? 1 : 0)), k];
}

/** Named flags from solver values (a binary near 1 is named). */
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
