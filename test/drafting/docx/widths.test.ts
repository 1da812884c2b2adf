/**
 * Column widths from content. With a measure of 100 twips a character (bold or not) the arithmetic
 * is done by hand below: a column's need is ceil(text × 1.06) + padding, where 1.06 is the
 * widths module's safety margin and the padding here is 40 twips.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocTable } from "../../../src/drafting/document.js";
import { fontMeasure, type Measure } from "../../../src/drafting/docx/metrics.js";
import { columnWidths } from "../../../src/drafting/docx/widths.js";

const perChar: Measure = (text) => text.length * 100;
const options = (totalTwips: number) => ({ totalTwips, measure: perChar, cellPaddingTwips: 40 });

const LONG = "aaaa bbbb cccc dddd eeee ffff gggg hhhh"; // 39 characters, words of 4

describe("column widths", () => {
  it("gives short columns their whole text and the long one the rest", () => {
    const t: DocTable = {
      columns: [
        { header: "step", align: "left" },
        { header: "ask", align: "left" },
        { header: "worth", align: "right" },
      ],
      rows: [["abc", LONG, "£15,360 a year"]],
    };
    // step: header 400 → ceil(424) + 40 = 464 (min = max).
    // ask: min = word 400 → 464; max = 3900 → ceil(4134) + 40 = 4174.
    // worth: 14 characters 1400 → ceil(1484) + 40 = 1524, kept whole (1524 ≤ 40% of 4000).
    // Even share 4000 / 3 = 1333: step fits (464). Then 3536 / 2 = 1768: worth fits (1524).
    // ask gets the rest: 4000 − 464 − 1524 = 2012.
    expect(columnWidths(t, options(4000))).toEqual([464, 2012, 1524]);
  });

  it("lets a long figure cell wrap between words but never inside a figure", () => {
    const t: DocTable = {
      columns: [
        { header: "ask", align: "left" },
        { header: "worth", align: "right" },
      ],
      rows: [[LONG, "£15,360 a year"]],
    };
    // worth whole is 1524 > 40% of 2000 (800), so its min is its widest word "£15,360":
    // 700 → ceil(742) + 40 = 782 (header "worth" 500 → 570 is narrower). Its max is 1524.
    // ask: min 464, max 4174. Neither fits an even share of 1000.
    // Spare 2000 − (464 + 782) = 754, shared by want (4174 − 464 = 3710) and (1524 − 782 = 742):
    // ask 464 + 754 × 3710 / 4452 = 1092.33; worth 782 + 754 × 742 / 4452 = 907.67.
    // Rounded down 1092 + 907 = 1999; the missing twip goes to the widest: [1093, 907].
    const widths = columnWidths(t, options(2000));
    expect(widths).toEqual([1093, 907]);
    expect(widths[1]).toBeGreaterThanOrEqual(782);
  });

  it("squeezes every column alike when even the longest words do not fit", () => {
    const t: DocTable = {
      columns: [
        { header: "ask", align: "left" },
        { header: "worth", align: "right" },
      ],
      rows: [[LONG, "£15,360 a year"]],
    };
    // Mins 464 + 782 = 1246 > 1000: 464 × 1000 / 1246 = 372.39, 782 × 1000 / 1246 = 627.61;
    // rounded down 372 + 627 = 999, and the widest takes the missing twip: [372, 628].
    expect(columnWidths(t, options(1000))).toEqual([372, 628]);
  });

  it("spreads spare room in proportion when everything fits on one line", () => {
    const t: DocTable = {
      columns: [
        { header: "x", align: "left" },
        { header: "y", align: "right" },
      ],
      rows: [["abcde fghij", "£12,345"]],
    };
    // x: 1100 → ceil(1166) + 40 = 1206; y: 700 → ceil(742) + 40 = 782; both fit 5000.
    // Spare 10000 − 1988 = 8012: x 1206 + 8012 × 1206 / 1988 = 6066.40,
    // y 782 + 8012 × 782 / 1988 = 3933.60; rounded down 6066 + 3933 = 9999, +1 to x.
    expect(columnWidths(t, options(10000))).toEqual([6067, 3933]);
  });

  it("always fills the width exactly in whole, non-negative twips", () => {
    const cellText = fc.string({ maxLength: 60 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            columns: fc.array(
              fc.record({
                header: cellText,
                align: fc.constantFrom("left" as const, "right" as const),
              }),
              { minLength: n, maxLength: n },
            ),
            rows: fc.array(fc.array(cellText, { minLength: n, maxLength: n }), { maxLength: 8 }),
          }),
        ),
        fc.integer({ min: 500, max: 12000 }),
        (t, total) => {
          const widths = columnWidths(t, { ...options(total), measure: fontMeasure(9) });
          expect(widths).toHaveLength(t.columns.length);
          expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
          for (const w of widths) {
            expect(Number.isInteger(w)).toBe(true);
            expect(w).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
