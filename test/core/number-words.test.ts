import { describe, expect, it } from "vitest";
import { NUMBER_WORDS_PATTERN, wordNumber } from "../../src/core/number-words.js";

describe("wordNumber", () => {
  it.each([
    ["three", 3],
    ["Twelve", 12],
    ["twenty-four", 24],
    ["thirty six", 36],
    ["two hundred", 200], // 2 × 100
    ["two hundred and fifty", 250], // 2 × 100 + 50
    ["twelve thousand", 12_000], // 12 × 1000
    ["one thousand two hundred", 1200], // 1 × 1000 + 2 × 100
    ["hundred", 100],
  ])("%s → %d", (text, value) => {
    expect(wordNumber(text)).toBe(value);
  });

  it.each(["", "dozen", "three apples", "and"])("%j is not a number in words", (text) => {
    expect(wordNumber(text)).toBeUndefined();
  });

  it("finds numbers in words inside prose, whole words only", () => {
    const found = "a three-year term for two hundred agents, not someone".match(
      new RegExp(NUMBER_WORDS_PATTERN, "gi"),
    );
    expect(found).toEqual(["three", "two hundred"]);
  });
});
