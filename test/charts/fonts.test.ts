import { describe, expect, it } from "vitest";
import { chartFont, textWidth } from "../../src/charts/fonts.js";

describe("chartFont", () => {
  it("loads DejaVu Sans once, regular and bold", () => {
    const font = chartFont();
    expect(chartFont()).toBe(font);
    expect(font.files.map((f) => f.split("/").pop())).toEqual([
      "DejaVuSans.ttf",
      "DejaVuSans-Bold.ttf",
    ]);
  });

  it("reads the font's own widths: equal digits, a narrow i, a wide W, bold wider", () => {
    const { regular, bold } = chartFont();
    // DejaVu Sans has tabular figures: every digit has the same advance.
    const digits = [..."0123456789"].map((d) => textWidth(regular, d, 10));
    expect(new Set(digits).size).toBe(1);
    expect(textWidth(regular, "i", 10)).toBeLessThan(textWidth(regular, "W", 10));
    expect(textWidth(bold, "pool of 7", 16)).toBeGreaterThan(textWidth(regular, "pool of 7", 16));
    // Width grows with the size in proportion, and is about 0.5–0.7 em a character for text,
    // well under vega's 0.8 em guess.
    const line = "People online over time";
    expect(textWidth(regular, line, 20)).toBeCloseTo(2 * textWidth(regular, line, 10), 9);
    expect(textWidth(regular, line, 10) / (10 * line.length)).toBeGreaterThan(0.5);
    expect(textWidth(regular, line, 10) / (10 * line.length)).toBeLessThan(0.7);
    expect(textWidth(regular, "", 10)).toBe(0);
  });
});
