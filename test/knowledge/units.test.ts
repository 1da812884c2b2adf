/**
 * parseUnits on its own: the loader refuses an empty article before it gets here, so these cases
 * pin the unit reader's own answers for a caller that hands it a body directly.
 */
import { describe, expect, it } from "vitest";
import { parseUnits } from "../../src/knowledge/units.js";

describe("parseUnits", () => {
  it("says an empty body has no units, at the body's first line", () => {
    const { units, issues } = parseUnits("empty.md", "", 7);
    expect(units).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        code: "article.no_units",
        message: expect.stringContaining("empty.md"),
      }),
    ]);
  });

  it("reads a unit's question, one-sentence answer and detail", () => {
    const body =
      "## Q: What is a true-up?\nA: A count of seats in use, billed at the agreed rate.\n\nMore detail.";
    const { units, issues } = parseUnits("true-up.md", body, 5);
    expect(issues).toEqual([]);
    expect(units).toEqual([
      expect.objectContaining({
        questions: ["What is a true-up?"],
        answer: "A count of seats in use, billed at the agreed rate.",
        detail: "More detail.",
        line: 5,
      }),
    ]);
  });
});
