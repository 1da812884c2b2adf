/**
 * The contract between the pure split optimiser and a MIP solver. Core builds the model as plain
 * arrays (costs, bounds, integrality, rows in compressed sparse row form) and reads numbers back;
 * the adapter (src/solver/highs.ts) is the only code that loads a solver. Arrays, not LP text:
 * the same models passed as arrays solved with 1.4–1.9× less CPU, and parsing the text was 11% of
 * a 20,000-user split (issue 16). `lp-text.ts` renders a model as CPLEX LP text for tests.
 */

/**
 * minimise Σ cost[c]·x[c] subject to lower[c] ≤ x[c] ≤ upper[c] and, for every row r,
 * Σ rowValues[i]·x[rowColumns[i]] ≥ rowLower[r] over i in rowStarts[r] … rowStarts[r + 1] − 1.
 */
export interface LinearModel {
  readonly cost: Float64Array;
  readonly lower: Float64Array;
  /** Infinity for a column with no upper bound. */
  readonly upper: Float64Array;
  /** 1 for a column that must take an integer value in the integer program. */
  readonly integer: Uint8Array;
  /** Row r's entries are at rowStarts[r] … rowStarts[r + 1] − 1 (length rows + 1). */
  readonly rowStarts: Int32Array;
  readonly rowColumns: Int32Array;
  readonly rowValues: Float64Array;
  /** Every row is `≥ rowLower[r]`. */
  readonly rowLower: Float64Array;
}

/** A snapshot of a running integer program, in model objective units. */
export interface MipProgress {
  /** The best feasible objective so far, when there is one. */
  readonly incumbent?: number;
  /** The proven lower bound so far. */
  readonly bound?: number;
  /** LP iterations done so far in this solve. */
  readonly work: number;
  /** Seconds this solve has run so far, by the solver's clock. */
  readonly seconds: number;
}

export interface MipRequest {
  readonly model: LinearModel;
  /** "relaxation" ignores `integer` (every column continuous within its bounds). */
  readonly kind: "mip" | "relaxation";
  /** A feasible starting solution (incumbent), by column. */
  readonly start?: readonly number[];
  /** A safety cap in wall-clock seconds; `workLimit` is the limit that normally binds. */
  readonly timeLimitSeconds: number;
  /**
   * Most LP (simplex) iterations this solve may take: a count of work, so a busy machine does
   * not change the answer the way a wall-clock limit does.
   */
  readonly workLimit?: number;
  /**
   * Every feasible objective value is an integer: the solver may stop as soon as the incumbent
   * is within 1 of the bound, which proves it optimal.
   */
  readonly integralObjective?: boolean;
  /** Called now and then (at most about once a second) while an integer program runs. */
  readonly onProgress?: (progress: MipProgress) => void;
}

export interface MipOutcome {
  readonly status: "optimal" | "time_limit" | "infeasible" | "error";
  /** With status "time_limit": which limit stopped the solve. */
  readonly limit?: "work" | "time";
  /** Best solution found, by column, when there is one. */
  readonly values?: readonly number[];
  readonly objective?: number;
  /**
   * A proven lower bound on the objective (minimisation): the MIP dual bound, or the optimal
   * objective of a continuous model.
   */
  readonly bound?: number;
  readonly seconds: number;
  /** LP iterations the solve took (0 when the solver does not say). */
  readonly work?: number;
  readonly message?: string;
}

/** Columns to append to a live relaxation: cost and bounds (Infinity for no upper bound). */
export interface NewColumns {
  readonly cost: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** Rows to append, in compressed sparse row form, each `≥ rowLower[r]`. */
export interface NewRows {
  readonly rowStarts: Int32Array;
  readonly rowColumns: Int32Array;
  readonly rowValues: Float64Array;
  readonly rowLower: Float64Array;
}

/**
 * A continuous model kept alive between rounds of row generation: new columns and rows are
 * appended and the solver restarts from its last basis instead of a fresh model. Measured on the
 * 20,000-user benchmark organisation's relaxation rounds: 0.59 s CPU against 1.93 s rebuilding
 * (bench/split-live-relaxation.mjs).
 */
export interface LiveRelaxation {
  addColumns(columns: NewColumns): void;
  addRows(rows: NewRows): void;
  solve(limits: { readonly timeLimitSeconds: number; readonly workLimit?: number }): MipOutcome;
  dispose(): void;
}

export type SolveMip = ((request: MipRequest) => MipOutcome) & {
  /** Opens a live relaxation with these first columns, when the solver offers one. */
  readonly openRelaxation?: (columns: NewColumns) => LiveRelaxation;
};
