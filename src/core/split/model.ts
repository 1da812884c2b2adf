/**
 * The split as an integer program in CPLEX LP text, over a chosen subset of the instants (the
 * rows generated so far, see rows.ts):
 *   minimise  a·Σ x_u + b·k          (divided by gcd(a, b) so objective values are small integers)
 *   subject to, for every chosen instant's set S (pooled load with headroom factor P/Q and s extra
 *   seats, dominated sets dropped):
 *             P·Σ_{u∈S free} x_u + Q·k ≥ P·|S| + Q·s
 *   x_u binary (1 = named), k integer ≥ 0.
 * Only free users in some chosen set get a column: any other user is best pooled in this model
 * (naming them costs and helps no row). Forced-named users are out of the sets (priced outside the
 * model); forced-concurrent users stay in the sets with no variable. The relaxation drops
 * integrality (0 ≤ x ≤ 1). Text is built as an array of short lines joined once.
 */
import type { Choice } from "./baselines.js";
import type { MemberIndex } from "./members.js";
import type { Pricing } from "./pricing.js";
import type { SplitProblem } from "./problem.js";
import { removeDominated } from "./reduce.js";

export interface SplitModel {
  readonly columns: readonly string[];
  /** Problem user index of each x column (the last column is k). */
  readonly userOfColumn: readonly number[];
  readonly mip: string;
  readonly relaxation: string;
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

/** Pushes `terms` over several lines: LP readers limit line length. */
function pushWrapped(out: string[], terms: readonly string[], joiner: string): void {
  for (let i = 0; i < terms.length; i += 16) out.push(` ${terms.slice(i, i + 16).join(joiner)}`);
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
  const x = (c: number): string => `x${c}`;
  const lines: string[] = ["Minimize", " obj:"];
  pushWrapped(lines, [...userOfColumn.map((_, c) => `${a} ${x(c)}`), `${b} k`], " + ");
  lines.push("Subject To");
  let kLower = 0n;
  let rows = 0;
  const coefficient = P === 1n ? "" : `${P} `;
  for (const set of reduced.sets) {
    const terms: string[] = [];
    for (const u of set) {
      const c = columnOf[u] as number;
      if (c >= 0) terms.push(`${coefficient}${x(c)}`);
    }
    const rhs = P * BigInt(set.length) + Q * s;
    if (terms.length === 0) {
      const need = (rhs + Q - 1n) / Q;
      if (need > kLower) kLower = need;
      continue;
    }
    terms.push(Q === 1n ? "k" : `${Q} k`);
    lines.push(` c${rows}:`);
    pushWrapped(lines, terms, " + ");
    lines.push(` >= ${rhs}`);
    rows++;
  }
  const head = lines.join("\n");
  const xs = userOfColumn.map((_, c) => x(c));
  const binaries: string[] = [];
  pushWrapped(binaries, xs, " ");
  const mip = `${head}\nBounds\n k >= ${kLower}\nBinary\n${binaries.join("\n")}\nGeneral\n k\nEnd\n`;
  const relaxBounds = xs.map((v) => ` ${v} <= 1`).join("\n");
  const relaxation = `${head}\nBounds\n k >= ${kLower}\n${relaxBounds}\nEnd\n`;
  return {
    columns: [...xs, "k"],
    userOfColumn,
    mip,
    relaxation,
    scale,
    rows,
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
