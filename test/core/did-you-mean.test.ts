import { describe, expect, it } from "vitest";
import { didYouMean } from "../../src/core/did-you-mean.js";

const COMMANDS = ["cost", "tiers", "renewal", "impl", "split"];
const TEMPLATES = ["renewal-cap", "true-up", "price-protection"];

describe("didYouMean", () => {
  it("guesses the closest name within the edits allowed, ignoring case", () => {
    expect(didYouMean("cots", COMMANDS, { maxEdits: 2 })).toBe("cost");
    expect(didYouMean("RENEWL", COMMANDS, { maxEdits: 2 })).toBe("renewal");
  });

  it("makes no guess further away than that", () => {
    expect(didYouMean("xyzzy", COMMANDS, { maxEdits: 2 })).toBeUndefined();
    // "price" is 11 edits from price-protection: only containing finds it.
    expect(didYouMean("price", TEMPLATES, { maxEdits: 3 })).toBeUndefined();
  });

  it("with byContaining, a candidate containing the word wins first (3 letters or more)", () => {
    expect(didYouMean("price", TEMPLATES, { maxEdits: 3, byContaining: true })).toBe(
      "price-protection",
    );
    expect(didYouMean("up", TEMPLATES, { maxEdits: 1, byContaining: true })).toBeUndefined();
  });
});
