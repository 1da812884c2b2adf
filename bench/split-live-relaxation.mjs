#!/usr/bin/env node
// The split's LP relaxation rounds two ways on the same seeded organisation: a model rebuilt and
// passed to HiGHS each round (buildModel + the one-shot adapter) against one live model that
// gets new columns and rows appended (addCols/addRows) and restarts from its basis. Prints the
// rounds, the CPU of the rounds (model building included) and the LP iterations of each way.
// Build first: `npx tsc -p tsconfig.build.json`, then `U=20000 node bench/split-live-relaxation.mjs`.
import { MemberIndex } from "../dist/core/split/members.js";
import { buildModel } from "../dist/core/split/model.js";
import { pricing } from "../dist/core/split/pricing.js";
import { buildProblem } from "../dist/core/split/problem.js";
import { shortfalls, weightedLoads, worstInstants } from "../dist/core/split/rows.js";
import { createHighsSolver } from "../dist/solver/highs.js";
import { organisation } from "./generate-org.mjs";

const users = Number(process.env.U ?? 20000);
const sessions = organisation({ users, days: 30, seed: 20260302, missingLogouts: 0 });
const problem = buildProblem(sessions, new Set(), new Set());
const pr = pricing(84000, 168000);
const index = new MemberIndex(problem);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const solve = await createHighsSolver();
const highs = await (await import("highs")).default();

function rounds(step) {
  const chosen = new Set();
  let next = worstInstants(problem, shortfalls(problem.sizes, 0, pr), chosen, 100, 0);
  let r = 0,
    cpuSolver = 0,
    iters = 0,
    value;
  while (next.length > 0 && r < 50) {
    for (const j of next) chosen.add(j);
    const c0 = cpu();
    const { weight, k, it, obj } = step(next, [...chosen]);
    cpuSolver += cpu() - c0;
    iters += it;
    value = obj;
    r++;
    next = worstInstants(
      problem,
      shortfalls(weightedLoads(problem, weight), k, pr),
      chosen,
      100,
      1e-6 * (1 + k),
    );
  }
  return { r, cpuSolver, iters, value };
}

const rebuilt = rounds((_added, all) => {
  const m = buildModel(problem, pr, all, index);
  const out = solve({ model: m.model, kind: "relaxation", timeLimitSeconds: 100 });
  const weight = Float64Array.from(problem.users, () => 1);
  m.userOfColumn.forEach((u, c) => {
    weight[u] = 1 - out.values[c];
  });
  return { weight, k: out.values[m.userOfColumn.length], it: out.work, obj: out.objective };
});
console.log("rebuilt", rebuilt);

// Live: column 0 is k; users get a column when first met; rows appended.
const live = highs.createModel({
  numCols: 1,
  numRows: 0,
  colCost: [2],
  colLower: [0],
  colUpper: [highs.infinity],
  rowLower: [],
  rowUpper: [],
  matrix: { format: "csr", numRows: 0, numCols: 1, starts: [0], indices: [], values: [] },
});
live.options.set({ output_flag: false, presolve: "off" });
const colOf = new Map();
const liveR = rounds((added) => {
  const sets = added.map((j) => index.membersAt(j));
  const fresh = [];
  for (const set of sets)
    for (const u of set)
      if (!colOf.has(u)) {
        colOf.set(u, 1 + colOf.size);
        fresh.push(u);
      }
  if (fresh.length) {
    const numRows = live.getDimensions().numRows;
    live.addCols({
      cost: new Float64Array(fresh.length).fill(1),
      lower: new Float64Array(fresh.length),
      upper: new Float64Array(fresh.length).fill(1),
      matrix: {
        format: "csc",
        numRows,
        numCols: fresh.length,
        starts: new Int32Array(fresh.length + 1),
        indices: new Int32Array(0),
        values: new Float64Array(0),
      },
    });
  }
  const starts = [0],
    idx = [],
    val = [],
    lo = [];
  for (const set of sets) {
    for (const u of set) {
      idx.push(colOf.get(u));
      val.push(1);
    }
    idx.push(0);
    val.push(1);
    starts.push(idx.length);
    lo.push(set.length);
  }
  live.addRows({
    lower: Float64Array.from(lo),
    upper: new Float64Array(lo.length).fill(highs.infinity),
    matrix: {
      format: "csr",
      numRows: lo.length,
      numCols: 1 + colOf.size,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(idx),
      values: Float64Array.from(val),
    },
  });
  live.run();
  const x = live.getSolution().colValue;
  const weight = Float64Array.from(problem.users, () => 1);
  for (const [u, c] of colOf) weight[u] = 1 - x[c];
  return {
    weight,
    k: x[0],
    it: Number(live.info.get("simplex_iteration_count")),
    obj: live.getObjectiveValue(),
  };
});
console.log("live", liveR);
