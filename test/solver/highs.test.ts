import { beforeAll, describe, expect, it } from "vitest";
import type { LinearModel, MipProgress, SolveMip } from "../../src/core/split/solver.js";
import { createHighsSolver } from "../../src/solver/highs.js";

let solve: SolveMip;
let viaText: SolveMip;
beforeAll(async () => {
  solve = await createHighsSolver();
  viaText = await createHighsSolver({ via: "lp-text" });
});

/** A model from dense rows (each `≥ rhs`), every column integer. */
function model(
  cost: number[],
  rows: { coefficients: number[]; rhs: number }[],
  upper: number[],
): LinearModel {
  const starts = [0];
  const columns: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.coefficients.forEach((v, c) => {
      if (v !== 0) {
        columns.push(c);
        values.push(v);
      }
    });
    starts.push(columns.length);
  }
  return {
    cost: Float64Array.from(cost),
    lower: new Float64Array(cost.length),
    upper: Float64Array.from(upper),
    integer: new Uint8Array(cost.length).fill(1),
    rowStarts: Int32Array.from(starts),
    rowColumns: Int32Array.from(columns),
    rowValues: Float64Array.from(values),
    rowLower: Float64Array.from(rows.map((r) => r.rhs)),
  };
}

// min 3 x0 + 3 x1 + 3 x2 + 5 k  s.t.  x0 + x1 + k ≥ 2,  x1 + x2 + k ≥ 2;  x binary, k ≥ 0 integer.
// x1 serves both rows for 3, k serves both for 5, x0 and x2 one row each for 3. Each row needs 2:
// x1 = 1 (3), then one more unit per row: k = 1 (5) beats x0 = x2 = 1 (6). Optimum 8, and the
// relaxation (0 ≤ x ≤ 1) cannot do better for the same reason: x1 is capped at 1.
const small = model(
  [3, 3, 3, 5],
  [
    { coefficients: [1, 1, 0, 1], rhs: 2 },
    { coefficients: [0, 1, 1, 1], rhs: 2 },
  ],
  [1, 1, 1, Number.POSITIVE_INFINITY],
);

/**
 * A set cover that makes HiGHS branch (about 4,000 LP iterations, under a second): 50 binary
 * columns of cost 10–16, 100 rows each needing 3 of up to 10 pseudo-random columns.
 */
function cover(): LinearModel {
  const n = 50;
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const rows = Array.from({ length: 100 }, () => {
    const coefficients = new Array<number>(n).fill(0);
    for (let i = 0; i < 10; i++) coefficients[next() % n] = 1;
    return { coefficients, rhs: 3 };
  });
  const cost = Array.from({ length: n }, () => 10 + (next() % 7));
  return model(cost, rows, new Array<number>(n).fill(1));
}

describe("HiGHS adapter", () => {
  it("solves a small MIP from a starting solution, values in column order", () => {
    const r = solve({
      model: small,
      kind: "mip",
      start: [0, 0, 0, 2],
      timeLimitSeconds: 5,
      integralObjective: true,
    });
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(8, 9);
    expect(r.values).toEqual([0, 1, 0, 1]);
    expect(r.bound).toBeLessThanOrEqual(8 + 1e-9);
    expect(r.bound).toBeGreaterThan(7);
    expect(r.limit).toBeUndefined();
  });

  it("gives the relaxation's optimum as its bound", () => {
    const r = solve({ model: small, kind: "relaxation", timeLimitSeconds: 5 });
    expect(r.status).toBe("optimal");
    expect(r.bound).toBeCloseTo(8, 9);
  });

  it("reports a model it cannot take as an error, not an exception", () => {
    // Row 0 names column 9 of a 4-column model.
    const broken: LinearModel = { ...small, rowColumns: Int32Array.from([0, 1, 9, 1, 2, 3]) };
    const r = solve({ model: broken, kind: "mip", timeLimitSeconds: 1 });
    expect(r.status).toBe("error");
    expect(r.message).toBeTruthy();
  });

  it("gives the same answers through arrays as through LP text", () => {
    for (const m of [small, cover()]) {
      for (const kind of ["mip", "relaxation"] as const) {
        const request = { model: m, kind, timeLimitSeconds: 20, integralObjective: true };
        const arrays = solve(request);
        const text = viaText(request);
        expect(arrays.status).toBe("optimal");
        expect(text.status).toBe("optimal");
        expect(arrays.objective).toBeCloseTo(text.objective as number, 6);
        expect(arrays.bound).toBeCloseTo(text.bound as number, 6);
      }
    }
  });

  it("stops a relaxation at its work limit and says the work limit bound", () => {
    const r = solve({ model: cover(), kind: "relaxation", timeLimitSeconds: 20, workLimit: 1 });
    expect(r).toMatchObject({ status: "time_limit", limit: "work", work: 1 });
  });

  it("stops an integer program at its work limit (LP iterations, not seconds)", () => {
    const full = solve({ model: cover(), kind: "mip", timeLimitSeconds: 20 });
    expect(full.status).toBe("optimal");
    expect(full.work).toBeGreaterThan(1000);
    // The limit is checked at the solver's checkpoints, so the work done can pass it a little.
    const cut = solve({ model: cover(), kind: "mip", timeLimitSeconds: 20, workLimit: 10 });
    expect(cut).toMatchObject({ status: "time_limit", limit: "work" });
    expect(cut.work).toBeLessThan(full.work as number);
    expect(cut.bound).toBeLessThan(full.objective as number);
    // The same limit gives the same answer: iterations do not depend on the machine's load.
    const again = solve({ model: cover(), kind: "mip", timeLimitSeconds: 20, workLimit: 10 });
    expect(again.objective).toBe(cut.objective);
    expect(again.bound).toBe(cut.bound);
    expect(again.work).toBe(cut.work);
  });

  it("reports progress from a running integer program", () => {
    const seen: MipProgress[] = [];
    const r = solve({
      model: cover(),
      kind: "mip",
      timeLimitSeconds: 20,
      onProgress: (p) => seen.push(p),
    });
    expect(r.status).toBe("optimal");
    // The first checkpoint always reports (later ones at most once a second of solver time).
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) {
      expect(p.work).toBeGreaterThanOrEqual(0);
      if (p.bound !== undefined && p.incumbent !== undefined) {
        expect(p.bound).toBeLessThanOrEqual(p.incumbent + 1e-9);
      }
    }
  });
});
