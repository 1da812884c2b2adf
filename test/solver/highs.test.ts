import { beforeAll, describe, expect, it } from "vitest";
import type { SolveMip } from "../../src/core/split/solver.js";
import { createHighsSolver } from "../../src/solver/highs.js";

let solve: SolveMip;
beforeAll(async () => {
  solve = await createHighsSolver();
});

// min 3 x0 + 3 x1 + 3 x2 + 5 k  s.t.  x0 + x1 + k ≥ 2,  x1 + x2 + k ≥ 2.
// x1 serves both rows for 3, k serves both for 5, x0 and x2 one row each for 3. Each row needs 2:
// x1 = 1 (3), then one more unit per row: k = 1 (5) beats x0 = x2 = 1 (6). Optimum 8, and the
// relaxation (0 ≤ x ≤ 1) cannot do better for the same reason: x1 is capped at 1.
const mip = `Minimize
 obj: 3 x0 + 3 x1 + 3 x2 + 5 k
Subject To
 c0: x0 + x1 + k >= 2
 c1: x1 + x2 + k >= 2
Bounds
 k >= 0
Binary
 x0 x1 x2
General
 k
End
`;

describe("HiGHS adapter", () => {
  it("solves a small MIP from a starting solution, with values in the caller's column order", () => {
    const r = solve({
      lp: mip,
      columns: ["k", "x0", "x1", "x2"],
      start: [2, 0, 0, 0],
      timeLimitSeconds: 5,
      integralObjective: true,
    });
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(8, 9);
    expect(r.values).toEqual([1, 0, 1, 0]);
    expect(r.bound).toBeLessThanOrEqual(8 + 1e-9);
    expect(r.bound).toBeGreaterThan(7);
  });

  it("gives the relaxation's optimum as its bound", () => {
    const relaxed = mip
      .replace(/Binary[\s\S]*End/, "End")
      .replace(" k >= 0", " k >= 0\n 0 <= x0 <= 1\n 0 <= x1 <= 1\n 0 <= x2 <= 1");
    const r = solve({ lp: relaxed, columns: ["x0", "x1", "x2", "k"], timeLimitSeconds: 5 });
    expect(r.status).toBe("optimal");
    expect(r.bound).toBeCloseTo(8, 9);
  });

  it("reports a model it cannot read as an error, not an exception", () => {
    const r = solve({ lp: "this is not a model", columns: ["x"], timeLimitSeconds: 1 });
    expect(r.status).toBe("error");
  });

  it("reports a column list that does not match the model as an error", () => {
    const r = solve({ lp: mip, columns: ["x0"], timeLimitSeconds: 1 });
    expect(r).toMatchObject({ status: "error", message: "column list does not match model" });
  });
});
