import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HitBuckets } from "../../../src/core/split/hit-buckets.js";

describe("HitBuckets", () => {
  it("by hand: the highest count wins, then time online, ties listed by index", () => {
    // Users 0..4 online 5, 9, 9, 1, 9 ms; counts 0: 1, 1: 2, 2: 2, 3: 0, 4: 2.
    const b = new HitBuckets([5, 9, 9, 1, 9]);
    b.add(0, 1);
    for (const u of [1, 2, 4]) {
      b.add(u, 1);
      b.add(u, 1);
    }
    expect(b.top()).toBe(2);
    expect(b.leaders()).toEqual([1, 2, 4]);
    b.drop(2); // named: gone for good, later adds ignored
    b.add(2, 1);
    expect(b.leaders()).toEqual([1, 4]);
    b.add(1, -1);
    b.add(4, -1);
    b.add(4, -1);
    // Counts now 0: 1, 1: 1, 4: 0 → both at 1; user 1 is online longer (9 > 5).
    expect(b.leaders()).toEqual([1]);
    expect(b.countOf(0)).toBe(1);
    b.add(1, -1);
    b.add(0, -1);
    expect(b.top()).toBe(0);
    expect(b.leaders()).toEqual([]);
  });

  it("refuses a count below zero", () => {
    expect(() => new HitBuckets([1]).add(0, -1)).toThrow(/below 0/);
  });

  it("agrees with sorting the counted users, after any moves", () => {
    const op = fc.record({ user: fc.nat(69), kind: fc.constantFrom("up", "down", "drop") });
    fc.assert(
      fc.property(
        // Few distinct times online, so ties are common; 70 users span three bit words.
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 70, maxLength: 70 }),
        fc.array(op, { maxLength: 400 }),
        (onlineMs, ops) => {
          const b = new HitBuckets(onlineMs);
          const count = new Array<number>(70).fill(0);
          const dropped = new Set<number>();
          for (const { user, kind } of ops) {
            if (kind === "drop") {
              b.drop(user);
              dropped.add(user);
              count[user] = 0;
            } else if (kind === "up") {
              b.add(user, 1);
              if (!dropped.has(user)) count[user] = (count[user] as number) + 1;
            } else if ((count[user] as number) > 0 || dropped.has(user)) {
              b.add(user, -1);
              if (!dropped.has(user)) count[user] = (count[user] as number) - 1;
            }
            const ranked = count
              .map((c, u) => ({ c, u, ms: onlineMs[u] as number }))
              .filter((x) => x.c > 0)
              .sort((x, y) => y.c - x.c || y.ms - x.ms || x.u - y.u);
            const first = ranked[0];
            expect(b.top()).toBe(first?.c ?? 0);
            const leaders = first
              ? ranked.filter((x) => x.c === first.c && x.ms === first.ms).map((x) => x.u)
              : [];
            expect(b.leaders()).toEqual(leaders);
          }
          for (let u = 0; u < 70; u++) expect(b.countOf(u)).toBe(count[u]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
