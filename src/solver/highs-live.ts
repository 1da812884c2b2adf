/**
 * A live HiGHS relaxation for core's row generation: one model for every round, columns and rows
 * appended between rounds, each run restarting from the last basis (HiGHS keeps it when rows
 * are added). Presolve is off, as for the one-shot solves (src/solver/highs.ts).
 */
import type { Highs as HighsModule, Model } from "highs";
import type { LiveRelaxation, MipOutcome, NewColumns, NewRows } from "../core/split/solver.js";

export function openLiveRelaxation(highs: HighsModule, first: NewColumns): LiveRelaxation {
  const inf = (v: number): number => (Number.isFinite(v) ? v : highs.infinity);
  const model: Model = highs.createModel({
    numCols: first.cost.length,
    numRows: 0,
    colCost: first.cost,
    colLower: first.lower,
    colUpper: first.upper.map(inf),
    rowLower: new Float64Array(0),
    rowUpper: new Float64Array(0),
    matrix: {
      format: "csr",
      numRows: 0,
      numCols: first.cost.length,
      starts: new Int32Array(1),
      indices: new Int32Array(0),
      values: new Float64Array(0),
    },
  });
  model.options.set({ output_flag: false, presolve: "off" });
  let numCols = first.cost.length;
  let numRows = 0;
  return {
    addColumns(c) {
      const count = c.cost.length;
      if (count === 0) return;
      model.addCols({
        cost: c.cost,
        lower: c.lower,
        upper: c.upper.map(inf),
        // New columns have no entries in the rows so far: a user first met in a new row.
        matrix: {
          format: "csc",
          numRows,
          numCols: count,
          starts: new Int32Array(count + 1),
          indices: new Int32Array(0),
          values: new Float64Array(0),
        },
      });
      numCols += count;
    },
    addRows(r: NewRows) {
      const count = r.rowLower.length;
      if (count === 0) return;
      model.addRows({
        lower: r.rowLower,
        upper: new Float64Array(count).fill(highs.infinity),
        matrix: {
          format: "csr",
          numRows: count,
          numCols,
          starts: r.rowStarts,
          indices: r.rowColumns,
          values: r.rowValues,
        },
      });
      numRows += count;
    },
    solve(limits): MipOutcome {
      const started = performance.now();
      const seconds = (): number => (performance.now() - started) / 1000;
      try {
        // time_limit counts from the last clock reset, and every run should get its own.
        model.zeroAllClocks();
        model.options.set({
          time_limit: limits.timeLimitSeconds,
          simplex_iteration_limit:
            limits.workLimit === undefined ? 2_147_483_647 : Math.ceil(limits.workLimit),
        });
        model.run();
        const s = highs.constants.modelStatus;
        const code = model.getModelStatus();
        const work = Number(model.info.get("simplex_iteration_count"));
        const base = { seconds: 0, ...(Number.isFinite(work) ? { work } : {}) };
        if (code === s.optimal) {
          const objective = model.getObjectiveValue();
          const values = Array.from(model.getSolution().colValue, (v) => v + 0);
          return {
            ...base,
            status: "optimal",
            values,
            objective,
            bound: objective,
            seconds: seconds(),
          };
        }
        if (code === s.iterationLimit)
          return { ...base, status: "time_limit", limit: "work", seconds: seconds() };
        if (code === s.timeLimit)
          return { ...base, status: "time_limit", limit: "time", seconds: seconds() };
        if (code === s.infeasible) return { ...base, status: "infeasible", seconds: seconds() };
        return { ...base, status: "error", seconds: seconds() };
      } catch (error) {
        return { status: "error", seconds: seconds(), message: String(error) };
      }
    },
    dispose() {
      model.dispose();
    },
  };
}
