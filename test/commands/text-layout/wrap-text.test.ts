import { describe, expect, it } from "vitest";
import { displayWidth } from "../../../src/commands/text-layout/display-width.js";
import { wrapProse, wrapWords } from "../../../src/commands/text-layout/wrap-text.js";

describe("wrapWords", () => {
  it("breaks only at spaces, so a money figure stays whole", () => {
    expect(wrapWords("saves £1,234,567.89 a year", 14)).toEqual([
      "saves",
      "£1,234,567.89",
      "a year",
    ]);
  });

  it("cuts a word only when it is wider than the line itself", () => {
    expect(wrapWords("see abcdefghij", 4)).toEqual(["see", "abcd", "efgh", "ij"]);
  });

  it("keeps an empty cell as one empty line", () => {
    expect(wrapWords("", 10)).toEqual([""]);
  });
});

describe("wrapProse", () => {
  it("hangs a bullet's continuation under its first word", () => {
    expect(wrapProse("• Prices are per user per month unless written /yr", 24)).toBe(
      ["• Prices are per user", "  per month unless", "  written /yr"].join("\n"),
    );
  });

  it("keeps a line's indentation and leaves short lines exactly as written", () => {
    expect(wrapProse("Assumed:\n  – Times without a zone read as UTC", 20)).toBe(
      ["Assumed:", "  – Times without a", "    zone read as UTC"].join("\n"),
    );
  });

  it("wraps flush left when the indent would leave less than half the line", () => {
    expect(wrapProse(`${" ".repeat(15)}one two three`, 20)).toBe("one two three");
  });
});

describe("displayWidth", () => {
  it("counts CJK and emoji as two columns and a combining accent as none", () => {
    expect(displayWidth("日本語")).toBe(6);
    expect(displayWidth("👍")).toBe(2);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("£1,234")).toBe(6);
  });
});
