import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textRanks } from "../../src/core/time-order.js";

/** What textRanks must give: each name's place after the default sort (UTF-16 code units). */
function reference(names: readonly string[]): number[] {
  const sorted = [...names].sort();
  const place = new Map<string, number>();
  for (const [r, s] of sorted.entries()) place.set(s, r);
  return names.map((s) => place.get(s) as number);
}

describe("textRanks", () => {
  it("ranks hand-checked names: a shared prefix, a shorter name first, capitals before lower case", () => {
    // By code unit "0" (48) < "1" (49) < "2" (50) < "@" (64) < "B" (66) < "a" (97), so sorted:
    // "p10@x", "p1@x", "p1@xy", "p2@x", "pB", "pa" → ranks in input order 3, 0, 1, 5, 4, 2.
    expect(Array.from(textRanks(["p2@x", "p10@x", "p1@x", "pa", "pB", "p1@xy"]))).toEqual([
      3, 0, 1, 5, 4, 2,
    ]);
    expect(Array.from(textRanks([]))).toEqual([]);
    expect(Array.from(textRanks(["only"]))).toEqual([0]);
  });

  it("agrees with sorting the text, for e-mail-like and any Unicode names", () => {
    const emailLike = fc
      .tuple(fc.nat(999_999), fc.constantFrom("@example.com", "@x.org", ""))
      .map(([i, d]) => `person${String(i).padStart(6, "0")}${d}`);
    const anyText = fc.string({ unit: "binary", maxLength: 12 });
    const prefixed = fc.tuple(fc.constantFrom("", "abc", "é"), anyText).map(([p, s]) => p + s);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(emailLike, anyText, prefixed), { maxLength: 200 }),
        (names) => {
          expect(Array.from(textRanks(names))).toEqual(reference(names));
        },
      ),
      { numRuns: 500 },
    );
  });
});
