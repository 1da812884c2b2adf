import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LoadTracker } from "../../../src/core/split/loads.js";
import { peakAfterNaming, peakAfterPooling } from "../../../src/core/split/peak-moves.js";
import { buildProblem } from "../../../src/core/split/problem.js";
import type { Session } from "../../../src/core/usage.js";

const s = (user: string, start: number, end: number): Session => ({ user, start, end });

describe("peak after one move, read from the instants at the peak", () => {
  it("by hand", () => {
    // a 0–10, b 2–8, c 4–12, d 10–14 → instants 4 {a,b,c} (load 3) and 10 {c,d} (load 2).
    const p = buildProblem(
      [s("a", 0, 10), s("b", 2, 8), s("c", 4, 12), s("d", 10, 14)],
      new Set(),
      new Set(),
    );
    // Peak 3 at instant 0 only: naming a (in it) → 2; naming d (not in it) → 3.
    expect(peakAfterNaming(p, 0, 3, [0])).toBe(2);
    expect(peakAfterNaming(p, 3, 3, [0])).toBe(3);
    // With a and c named the loads are 1, 1: pooling a again (instant 0) → 2.
    expect(peakAfterPooling(p, 0, 1, [0, 1])).toBe(2);
    // Everyone named: the peak is 0 and pooling anyone makes it 1.
    expect(peakAfterPooling(p, 3, 0, [])).toBe(1);
    expect(peakAfterNaming(p, 3, 0, [])).toBe(0);
  });

  it("agrees with making the move in the load tree, from any state", () => {
    const users = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
    const sessions = fc.array(
      fc
        .record({
          user: fc.constantFrom(...users),
          from: fc.integer({ min: 0, max: 1500 }),
          length: fc.integer({ min: 1, max: 200 }),
        })
        .map(({ user, from, length }) => s(user, from, from + length)),
      { minLength: 1, maxLength: 120 },
    );
    fc.assert(
      fc.property(
        sessions,
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (list, bits) => {
          const p = buildProblem(list, new Set(), new Set());
          const t = new LoadTracker(p);
          t.reset(Uint8Array.from(p.users, (_, u) => (bits[u] ? 1 : 0)));
          const peak = t.peak();
          const atPeak = t.atPeak();
          for (let u = 0; u < p.users.length; u++) {
            const naming = !t.named[u];
            const predicted = naming
              ? peakAfterNaming(p, u, peak, atPeak)
              : peakAfterPooling(p, u, peak, atPeak);
            if (naming) t.name(u);
            else t.pool(u);
            expect(predicted).toBe(t.peak());
            if (naming) t.pool(u);
            else t.name(u);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
