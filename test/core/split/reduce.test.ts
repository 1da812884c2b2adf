import { describe, expect, it } from "vitest";
import { maximalOnlineSets } from "../../../src/core/split/instants.js";
import { removeDominated } from "../../../src/core/split/reduce.js";
import { mergePresence } from "../../../src/core/timeline.js";

const p = (user: string, start: number, end: number) => ({ user, start, end });

describe("maximalOnlineSets", () => {
  it("keeps only the sets just before a logout, after logins", () => {
    // a 0–10, b 2–8, c 4–12, d 10–14 (d logs in as a logs out: no overlap).
    // Online: 0 {a}, 2 {a,b}, 4 {a,b,c} → logout at 8: maximal {a,b,c} at 4.
    // 8 {a,c}, 10 {c,d} (a out, d in) → logout at 12: maximal {c,d} at 10. 12 {d} → 14 {}.
    const presence = mergePresence([p("a", 0, 10), p("b", 2, 8), p("c", 4, 12), p("d", 10, 14)]);
    const index = new Map([
      ["a", 0],
      ["b", 1],
      ["c", 2],
      ["d", 3],
    ]);
    const { sets, at } = maximalOnlineSets(presence, index);
    expect(sets.map((s) => [...s])).toEqual([
      [0, 1, 2],
      [2, 3],
    ]);
    expect(at).toEqual([4, 10]);
  });
});

describe("removeDominated", () => {
  it("drops duplicates, subsets and empty sets, keeping the largest first", () => {
    const sets = [[0, 1], [0, 1, 2], [3], [0, 1], [], [2, 3], [1, 3]].map((s) =>
      Int32Array.from(s),
    );
    // {0,1} ⊂ {0,1,2}; {3} ⊂ {2,3}; the repeated {0,1} and the empty set go; {1,3} stays.
    const r = removeDominated(sets, [0, 1, 2, 3, 4, 5, 6], 4);
    expect(r.sets.map((s) => [...s])).toEqual([
      [0, 1, 2],
      [2, 3],
      [1, 3],
    ]);
    expect(r.at).toEqual([1, 5, 6]);
  });
});
