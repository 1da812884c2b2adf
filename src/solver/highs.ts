/**
 * The HiGHS adapter: the only module that loads the solver (WASM). It implements core's SolveMip
 * contract: the model as arrays in, best values, the proven bound and a status out. Loading is
 * asynchronous and done once; each solve is synchronous on a fresh model.
 *
 * Limits: HiGHS 1.15 has no deterministic "work" limit of its own (its options are a wall-clock
 * `time_limit`, node/leaf counts and `simplex_iteration_limit`, which skips the LPs inside a MIP).
 * So the work limit counts LP iterations: `simplex_iteration_limit` for a relaxation, and for an
 * integer program the MIP interrupt callback stops the search once its total LP iterations pass
 * the limit. Iterations do not depend on how busy the machine is; `time_limit` stays as a cap.
 *
 * Presolve is off: on these covering models (few rows, each with thousands of members) HiGHS's
 * presolve was nearly all of the time and removed little. Measured on the 20,000-user benchmark
 * organisation's last relaxation (115 rows × 16,635 columns, 399,056 nonzeros): 2.55 s CPU with
 * presolve, 0.16 s without, same optimum; its integer program 12.9 s CPU with, 3.2 s without.
 */

import type { Highs as HighsModule, Model } from "highs";
import { lpText } from "../core/split/lp-text.js";
import type { MipOutcome, MipRequest, NewColumns, SolveMip } from "../core/split/solver.js";
import { openLiveRelaxation } from "./highs-live.js";

let loaded: Promise<HighsModule> | undefined;

function loadHighs(): Promise<HighsModule> {
  // The package's types describe its CommonJS build; Node loads its ES module build, whose
  // default export is the loader itself.
  loaded ??= import("highs").then((m) => (m.default as unknown as () => Promise<HighsModule>)());
  return loaded;
}

/** Seconds of solver time between progress reports. */
const PROGRESS_EVERY_SECONDS = 1;

function statusOf(code: number, highs: HighsModule): Pick<MipOutcome, "status" | "limit"> {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return { status: "optimal" };
  if (code === s.interrupted || code === s.iterationLimit) {
    return { status: "time_limit", limit: "work" };
  }
  if (code === s.timeLimit) return { status: "time_limit", limit: "time" };
  if (code === s.infeasible) return { status: "infeasible" };
  return { status: "error" };
}

function createFromArrays(highs: HighsModule, request: MipRequest): Model {
  const m = request.model;
  const numCols = m.cost.length;
  const numRows = m.rowLower.length;
  return highs.createModel({
    numCols,
    numRows,
    colCost: m.cost,
    colLower: m.lower,
    colUpper: m.upper.map((v) => (Number.isFinite(v) ? v : highs.infinity)),
    rowLower: m.rowLower,
    rowUpper: new Float64Array(numRows).fill(highs.infinity),
    matrix: {
      format: "csr",
      numRows,
      numCols,
      starts: m.rowStarts,
      indices: m.rowColumns,
      values: m.rowValues,
    },
    ...(request.kind === "mip" ? { integrality: Int32Array.from(m.integer) } : {}),
  });
}

/** The same model through HiGHS's LP text reader: kept to check arrays and text agree. */
function createFromText(highs: HighsModule, request: MipRequest): Model {
  return highs.createModel({ format: "lp", data: lpText(request.model, request.kind) });
}

/** Columns in the model's own order; the LP reader numbers them as it meets them. */
function columnOrder(model: Model, numCols: number, viaText: boolean): number[] {
  return Array.from({ length: numCols }, (_, c) => (viaText ? model.getColByName(`c${c}`) : c));
}

function solveWith(
  highs: HighsModule,
  request: MipRequest,
  viaText: boolean,
  presolve: boolean,
): MipOutcome {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  let model: Model | undefined;
  try {
    model = viaText ? createFromText(highs, request) : createFromArrays(highs, request);
    const isMip = request.kind === "mip";
    const workLimit = request.workLimit;
    model.options.set({
      output_flag: false,
      presolve: presolve ? "choose" : "off",
      time_limit: request.timeLimitSeconds,
      ...(!isMip && workLimit !== undefined
        ? { simplex_iteration_limit: Math.ceil(workLimit) }
        : {}),
      // Objective values are integers: within 1 of the bound the incumbent is proven optimal.
      ...(request.integralObjective ? { mip_rel_gap: 0, mip_abs_gap: 0.999 } : {}),
    });
    const numCol = request.model.cost.length;
    const order = columnOrder(model, numCol, viaText);
    if (request.start) {
      const colValue = new Float64Array(numCol);
      request.start.forEach((v, i) => {
        colValue[order[i] as number] = v;
      });
      model.setSolution({ colValue });
    }
    let reportedAt = Number.NEGATIVE_INFINITY;
    const onProgress = request.onProgress;
    const mipInterrupt = highs.constants.callbackType.mipInterrupt;
    // HiGHS reports a MIP's LP iterations only to its callbacks, so one always listens.
    let mipWork = 0;
    model.run(
      isMip
        ? {
            [mipInterrupt](event) {
              const d = event.data;
              const work = Number(d.mip_total_lp_iterations ?? 0n);
              mipWork = work;
              if (workLimit !== undefined && work > workLimit) {
                event.interrupt();
                return undefined;
              }
              const at = d.running_time ?? 0;
              if (onProgress && at >= reportedAt + PROGRESS_EVERY_SECONDS) {
                reportedAt = at;
                const incumbent = d.mip_primal_bound;
                const bound = d.mip_dual_bound;
                onProgress({
                  ...(incumbent !== undefined && Number.isFinite(incumbent) ? { incumbent } : {}),
                  ...(bound !== undefined && Number.isFinite(bound) ? { bound } : {}),
                  work,
                  seconds: at,
                });
              }
              return undefined;
            },
          }
        : undefined,
    );
    const status = statusOf(model.getModelStatus(), highs);
    const primal = model.info.get("primal_solution_status");
    const hasSolution = status.status === "optimal" || primal === 2;
    const colValue = hasSolution ? model.getSolution().colValue : undefined;
    // + 0 turns the solver's −0 into 0.
    const values = colValue ? order.map((c) => (colValue[c] ?? 0) + 0) : undefined;
    const objective = hasSolution ? model.getObjectiveValue() : undefined;
    let bound: number | undefined;
    if (isMip) {
      const dual = model.info.get("mip_dual_bound");
      bound = typeof dual === "number" && Number.isFinite(dual) ? dual : undefined;
    } else if (status.status === "optimal") {
      bound = objective;
    }
    const work = isMip ? mipWork : Number(model.info.get("simplex_iteration_count"));
    return {
      ...status,
      ...(values ? { values } : {}),
      ...(objective !== undefined ? { objective } : {}),
      ...(bound !== undefined ? { bound } : {}),
      seconds: seconds(),
      ...(Number.isFinite(work) ? { work } : {}),
    };
  } catch (error) {
    return { status: "error", seconds: seconds(), message: String(error) };
  } finally {
    model?.dispose();
  }
}

export interface HighsSolverOptions {
  /**
   * "lp-text" renders the model as CPLEX LP text and has HiGHS parse it: slower, kept only to
   * check that both routes give the same answers (tests, bench/split-scale.mjs).
   */
  readonly via?: "arrays" | "lp-text";
  /** HiGHS's own presolve (off by default, see above): on for a plain-model comparison. */
  readonly presolve?: boolean;
}

/** Loads HiGHS once and returns a synchronous solve function for core/split. */
export async function createHighsSolver(options: HighsSolverOptions = {}): Promise<SolveMip> {
  const highs = await loadHighs();
  const viaText = options.via === "lp-text";
  const presolve = options.presolve ?? false;
  const solve = (request: MipRequest): MipOutcome => solveWith(highs, request, viaText, presolve);
  // The live relaxation is the arrays route with presolve off; the other routes rebuild.
  if (viaText || presolve) return solve;
  return Object.assign(solve, {
    openRelaxation: (columns: NewColumns) => openLiveRelaxation(highs, columns),
  });
}
