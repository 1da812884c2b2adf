/** Text widths in the body font (Helvetica's widths, which Liberation Sans and Arial share). */
import { describe, expect, it } from "vitest";
import { charWidth, fontMeasure, textEms } from "../../../src/drafting/docx/metrics.js";

describe("text metrics", () => {
  it("reads each ASCII character's width from the right place in the table", () => {
    // First, a digit, capitals, lower case and the last entry: a shifted table fails one of these.
    expect([" ", "0", "A", "W", "a", "i", "m", "z", "~"].map(charWidth)).toEqual([
      278, 556, 667, 944, 556, 222, 833, 500, 584,
    ]);
  });

  it("measures a figure: £156,240 is £ 556 + six digits 6 × 556 + a comma 278 = 4170", () => {
    expect(textEms("£156,240", false)).toBe(4170);
    // In 9 pt type: 4170 / 1000 em × 9 pt × 20 twips a point = 750.6 twips.
    expect(fontMeasure(9)("£156,240", false)).toBeCloseTo(750.6, 6);
  });

  it("counts bold 10% wider, and an unknown character wider than most letters", () => {
    // "ab": 556 + 556 = 1112; bold × 1.1 = 1223.2.
    expect(textEms("ab", true)).toBeCloseTo(1223.2, 6);
    expect(charWidth("ß")).toBe(667);
  });
});
