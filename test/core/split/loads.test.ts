import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maximalInstants, maximalOnlineSets } from "../../../src/core/split/instants.js";
import { LoadTracker } from "../../../src/core/split/loads.js";
import { MemberIndex } from "../../../src/core/split/members.js";
import { buildProblem } from "../../../src/core/split/problem.js";
import { mergePresence } from "../../../src/core/timeline.js";
import type { Session } from "../../../src/core/usage.js";

const s = (user: string, start: number, end: number): Session => ({ user, start, end });

describe("LoadTracker (segment tree over instants)", () => {
  it("tracks loads, the peak and the busiest instants by hand", () => {
    // a 0–10, b 2–8, c 4–12, d 10–14 → instants 4 {a,b,c} and 10 {c,d} (see reduce.test.ts).
    const p = buildProblem(
      [s("a", 0, 10), s("b", 2, 8), s("c", 4, 12), s("d", 10, 14)],
      new Set(),
      new Set(),
    );
    expect(p.at).toEqual([4, 10]);
    expect([...p.sizes]).toEqual([3, 2]);
    const t = new LoadTracker(p);
    expect(t.peak()).toBe(3);
    expect(t.atPeak()).toEqual([0]);
    t.name(2); // c is in both: loads 2, 1
    expect([...t.loads()]).toEqual([2, 1]);
    t.name(0); // a: loads 1, 1 → both at the peak
    expect(t.peak()).toBe(1);
    expect(t.atPeak()).toEqual([0, 1]);
    expect(t.namedCount()).toBe(2);
    t.reset(Uint8Array.from([0, 0, 0, 0]));
    expect([...t.loads()]).toEqual([3, 2]);
    expect(t.namedCount()).toBe(0);
  });

  it("agrees with counting members at every instant, after any moves", () => {
    const users = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
    const sessions = fc.array(
      fc
        .record({
          user: fc.constantFrom(...users),
          from: fc.integer({ min: 0, max: 1500 }),
          length: fc.integer({ min: 1, max: 60 }),
        })
        .map(({ user, from, length }) => s(user, from, from + length)),
      // Up to ~100 instants: several blocks of the member index (32 instants each).
      { minLength: 1, maxLength: 150 },
    );
    fc.assert(
      fc.property(sessions, fc.array(fc.nat(15), { maxLength: 30 }), (list, moves) => {
        const p = buildProblem(list, new Set(), new Set());
        const presence = mergePresence(list);
        const index = new Map(p.users.map((u, i) => [u, i]));
        const raw = maximalOnlineSets(presence, index);
        // The count-only sweep finds the same instants; the block index the same members.
        expect(p.at).toEqual(raw.at);
        expect(maximalInstants(presence)).toEqual(raw.at);
        const members = new MemberIndex(p);
        for (const [j, set] of raw.sets.entries()) {
          expect([...members.membersAt(j)]).toEqual([...set]);
        }
        const t = new LoadTracker(p);
        const named = new Uint8Array(p.users.length);
        for (const m of moves) {
          const u = m % p.users.length;
          if (m >= 8) t.name(u);
          else t.pool(u);
          named[u] = m >= 8 ? 1 : 0;
          const loads = raw.sets.map((set) => set.filter((v) => !named[v]).length);
          const peak = Math.max(0, ...loads);
          expect([...t.loads()]).toEqual(loads);
          expect(t.peak()).toBe(peak);
          expect(t.atPeak()).toEqual(
            peak === 0 ? [] : loads.flatMap((l, j) => (l === peak ? [j] : [])),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reset to any plan gives the loads of moving its users one by one", () => {
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
    const plan = fc.array(fc.boolean(), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(sessions, fc.array(plan, { minLength: 1, maxLength: 6 }), (list, plans) => {
        const p = buildProblem(list, new Set(), new Set());
        const t = new LoadTracker(p);
        for (const bits of plans) {
          // Whole-plan switches take the rebuild; a one-user change the moves.
          const named = Uint8Array.from(p.users, (_, u) => (bits[u] ? 1 : 0));
          t.reset(named);
          const byMoves = new LoadTracker(p);
          for (let u = 0; u < p.users.length; u++) if (named[u]) byMoves.name(u);
          expect([...t.loads()]).toEqual([...byMoves.loads()]);
          expect(t.peak()).toBe(byMoves.peak());
          expect(t.atPeak()).toEqual(byMoves.atPeak());
          expect(t.namedCount()).toBe(byMoves.namedCount());
          expect([...t.named]).toEqual([...named]);
          // Moves after a rebuild still land right.
          t.name(0);
          byMoves.name(0);
          expect([...t.loads()]).toEqual([...byMoves.loads()]);
          expect(t.peak()).toBe(byMoves.peak());
        }
      }),
      { numRuns: 200 },
    );
  });
});
