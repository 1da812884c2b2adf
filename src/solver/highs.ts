/**
 * The HiGHS adapter: the only module that loads the solver (WASM). It implements core's SolveMip
 * contract: CPLEX LP text in, best values, the proven bound and a status out, within a time limit.
 * Loading is asynchronous and done once; each solve is synchronous on a fresh model.
 */

import type { Highs as HighsModule } from "highs";
import type { MipOutcome, MipRequest, SolveMip } from "../core/split/solver.js";

let loaded: Promise<HighsModule> | undefined;

function loadHighs(): Promise<HighsModule> {
  // The package's types describe its CommonJS build; Node loads its ES module build, whose
  // default export is the loader itself.
  loaded ??= import("highs").then((m) => (m.default as unknown as () => Promise<HighsModule>)());
  return loaded;
}

function statusOf(code: number, highs: HighsModule): MipOutcome["status"] {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return "optimal";
  if (code === s.timeLimit || code === s.interrupted || code === s.iterationLimit) {
    return "time_limit";
  }
  if (code === s.infeasible) return "infeasible";
  return "error";
}

function solveWith(highs: HighsModule, request: MipRequest): MipOutcome {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const model = highs.createModel({ format: "lp", data: request.lp });
  try {
    model.options.set({
      output_flag: false,
      time_limit: request.timeLimitSeconds,
      // Objective values are integers: within 1 of the bound the incumbent is proven optimal.
      ...(request.integralObjective ? { mip_rel_gap: 0, mip_abs_gap: 0.999 } : {}),
    });
    const numCol = model.getLp().numCols;
    const order = request.columns.map((name) => model.getColByName(name));
    if (order.length !== numCol) {
      return { status: "error", seconds: seconds(), message: "column list does not match model" };
    }
    if (request.start) {
      const colValue = new Float64Array(numCol);
      request.start.forEach((v, i) => {
        colValue[order[i] as number] = v;
      });
      model.setSolution({ colValue });
    }
    model.run();
    const status = statusOf(model.getModelStatus(), highs);
    const isMip = request.lp.includes("\nBinary\n") || request.lp.includes("\nGeneral\n");
    const primal = model.info.get("primal_solution_status");
    const hasSolution = status === "optimal" || primal === 2;
    const colValue = hasSolution ? model.getSolution().colValue : undefined;
    // + 0 turns the solver's −0 into 0.
    const values = colValue ? order.map((c) => (colValue[c] ?? 0) + 0) : undefined;
    const objective = hasSolution ? model.getObjectiveValue() : undefined;
    let bound: number | undefined;
    if (isMip) {
      const dual = model.info.get("mip_dual_bound");
      bound = typeof dual === "number" && Number.isFinite(dual) ? dual : undefined;
    } else if (status === "optimal") {
      bound = objective;
    }
    return {
      status,
      ...(values ? { values } : {}),
      ...(objective !== undefined ? { objective } : {}),
      ...(bound !== undefined ? { bound } : {}),
      seconds: seconds(),
    };
  } catch (error) {
    return { status: "error", seconds: seconds(), message: String(error) };
  } finally {
    model.dispose();
  }
}

/** Loads HiGHS once and returns a synchronous solve function for core/split. */
export async function createHighsSolver(): Promise<SolveMip> {
  const highs = await loadHighs();
  return (request) => solveWith(highs, request);
}
