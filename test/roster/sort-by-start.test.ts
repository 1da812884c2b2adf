import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortByStart } from "../../src/roster/sort-by-start.js";

/** The reference: a stable comparator sort of indices by start. */
function reference(starts: readonly number[]): number[] {
  return starts
    .map((_, i) => i)
    .sort((a, b) => (starts[a] as number) - (starts[b] as number) || a - b);
}

describe("sortByStart", () => {
  it("orders by start, ties by index", () => {
    expect(Array.from(sortByStart([30, 10, 20, 10]))).toEqual([1, 3, 2, 0]);
    expect(Array.from(sortByStart([]))).toEqual([]);
  });

  it("property: matches a stable comparator sort, on the packed path and the fallback", () => {
    const month = fc.integer({ min: 1_772_000_000_000, max: 1_772_000_000_000 + 30 * 86_400_000 });
    // Spans of centuries with many values overflow the packed key and take the comparator path.
    const wide = fc.integer({ min: -4_000_000_000_000, max: 4_000_000_000_000 });
    fc.assert(
      fc.property(fc.array(fc.oneof(month, wide), { maxLength: 200 }), (starts) => {
        expect(Array.from(sortByStart(starts))).toEqual(reference(starts));
      }),
    );
    const manyWide = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) * 1e12);
    expect(Array.from(sortByStart(manyWide))).toEqual(reference(manyWide));
  });
});
