/**
 * Row generation on a live relaxation (see LiveRelaxation in solver.ts): each round appends the
 * newly chosen instants' rows, and a column for each free user met for the first time, to the
 * model the solver already holds. Column 0 is the pool k; user columns follow in the order met.
 * Rows are the same as buildModel's (model.ts): P·Σ_{u∈S free} x_u + Q·k ≥ P·|S| + Q·s. Sets
 * dominated by a later one are not removed (a live model cannot drop rows cheaply); a dominated
 * row is still a true instant's row, so every bound stays valid.
 */
import type { MemberIndex } from "./members.js";
import type { Pricing } from "./pricing.js";
import type { SplitProblem } from "./problem.js";
import type { LiveRelaxation } from "./solver.js";

export class LiveRows {
  private readonly columnOf: Int32Array;
  /** Problem user index of each user column (column c + 1). */
  readonly users: number[] = [];
  /** Nonzeros in the live model so far. */
  nonzeros = 0;
  rows = 0;

  constructor(
    private readonly problem: SplitProblem,
    private readonly pr: Pricing,
    private readonly index: MemberIndex,
    private readonly live: LiveRelaxation,
    private readonly named: number,
  ) {
    this.columnOf = new Int32Array(problem.users.length).fill(-1);
  }

  append(instants: readonly number[]): void {
    const sets = instants.map((j) => this.index.membersAt(j));
    const first = this.users.length;
    for (const set of sets) {
      for (const u of set) {
        if (this.columnOf[u] === -1 && !this.problem.forcedConcurrent[u]) {
          this.columnOf[u] = 1 + this.users.length;
          this.users.push(u);
        }
      }
    }
    const fresh = this.users.length - first;
    this.live.addColumns({
      cost: new Float64Array(fresh).fill(this.named),
      lower: new Float64Array(fresh),
      upper: new Float64Array(fresh).fill(1),
    });
    let entries = 0;
    for (const set of sets) entries += set.length + 1;
    const rowStarts = new Int32Array(sets.length + 1);
    const rowColumns = new Int32Array(entries);
    const rowValues = new Float64Array(entries);
    const rowLower = new Float64Array(sets.length);
    const P = Number(this.pr.factorNum);
    const Q = Number(this.pr.factorDen);
    let at = 0;
    sets.forEach((set, r) => {
      for (const u of set) {
        const c = this.columnOf[u] as number;
        if (c >= 1) {
          rowColumns[at] = c;
          rowValues[at++] = P;
        }
      }
      rowColumns[at] = 0;
      rowValues[at++] = Q;
      rowStarts[r + 1] = at;
      rowLower[r] = Number(
        this.pr.factorNum * BigInt(set.length) + this.pr.factorDen * BigInt(this.pr.extraSeats),
      );
    });
    this.live.addRows({
      rowStarts,
      rowColumns: rowColumns.subarray(0, at),
      rowValues: rowValues.subarray(0, at),
      rowLower,
    });
    this.nonzeros += at;
    this.rows += sets.length;
  }
}
