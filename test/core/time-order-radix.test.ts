import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderByTime } from "../../src/core/time-order.js";
import { sortByStart } from "../../src/roster/sort-by-start.js";

/** The comparator sort orderByTime must agree with: by time, ties by index. */
function reference(times: readonly number[]): number[] {
  return times
    .map((_, i) => i)
    .sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
}

const YEAR_MS = 365 * 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

describe("orderByTime past the packed key's 2^53 (the radix sort)", () => {
  it("orders hand-checked times spanning a year, equal times by index", () => {
    // span × n = 31,536,000,000 × 5 ≈ 1.6e11, well under 2^53, so widen with a 300-year span:
    // 9.46e12 ms × 1,000 entries passes 2^53 ≈ 9.007e15 and takes the radix path.
    const wide = [T0 + 300 * YEAR_MS, T0, T0 + 5, T0, T0 + 300 * YEAR_MS - 1];
    const times = [...wide, ...Array.from({ length: 995 }, () => T0 + 7)];
    const order = Array.from(orderByTime(times));
    // T0 at indices 1 and 3 first (index order), then T0+5 (2), then the 995 at T0+7 (5..999),
    // then T0+300y−1 (4), then T0+300y (0).
    expect(order.slice(0, 3)).toEqual([1, 3, 2]);
    expect(order.slice(3, 998)).toEqual(Array.from({ length: 995 }, (_, k) => k + 5));
    expect(order.slice(998)).toEqual([4, 0]);
  });

  it("agrees with the comparator sort on any whole-ms times, whatever the span", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(1, 60_000, 86_400_000, YEAR_MS, 2 ** 40, 2 ** 50),
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        (slots, scale, origin) => {
          // Few distinct slots so ties are common; the scale makes span × n pass 2^53 often.
          const times = slots.map((s, i) => origin + s * scale + (i % 3));
          expect(Array.from(orderByTime(times))).toEqual(reference(times));
          expect(Array.from(sortByStart(times))).toEqual(reference(times));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees on spans up to 2^53 − 1 (four radix passes)", () => {
    const times = [2 ** 53 - 1, 0, 2 ** 52, 2 ** 48 + 1, 2 ** 48, 2 ** 32, 2 ** 32 - 1, 0, 65_536];
    expect(Array.from(orderByTime(times))).toEqual(reference(times));
  });

  it("still orders fractional times (the comparator fallback)", () => {
    const times = [2.5, 1.25, 2.5, 0.5];
    expect(Array.from(orderByTime(times))).toEqual([3, 1, 0, 2]);
  });
});
