/**
 * The contract between the pure split optimiser and a MIP solver. Core builds CPLEX LP text and
 * reads numbers back; the adapter (src/solver/highs.ts) is the only code that loads a solver.
 */

export interface MipRequest {
  /** The model in CPLEX LP format. */
  readonly lp: string;
  /** Column names in the order `start` is given and `values` are returned. */
  readonly columns: readonly string[];
  /** A feasible starting solution (incumbent), by column. */
  readonly start?: readonly number[];
  readonly timeLimitSeconds: number;
  /**
   * Every feasible objective value is an integer: the solver may stop as soon as the incumbent
   * is within 1 of the bound, which proves it optimal.
   */
  readonly integralObjective?: boolean;
}

export interface MipOutcome {
  readonly status: "optimal" | "time_limit" | "infeasible" | "error";
  /** Best solution found, by column, when there is one. */
  readonly values?: readonly number[];
  readonly objective?: number;
  /**
   * A proven lower bound on the objective (minimisation): the MIP dual bound, or the optimal
   * objective of a continuous model.
   */
  readonly bound?: number;
  readonly seconds: number;
  readonly message?: string;
}

export type SolveMip = (request: MipRequest) => MipOutcome;
