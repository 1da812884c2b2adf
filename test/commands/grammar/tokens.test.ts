import { describe, expect, it } from "vitest";
import { joinArgs, tokenize } from "../../../src/commands/grammar/tokens.js";

describe("tokenize", () => {
  it("splits on spaces and keeps quoted words together", () => {
    expect(tokenize('tiers 240 --tiers "1-99 @ 75, 100+ @ 70"')).toEqual([
      "tiers",
      "240",
      "--tiers",
      "1-99 @ 75, 100+ @ 70",
    ]);
  });

  it("treats smart quotes from Slack or a phone as quotes", () => {
    expect(tokenize("--map start=\u201cLogin Time\u201d")).toEqual(["--map", "start=Login Time"]);
  });

  it("keeps an empty quoted value", () => {
    expect(tokenize('a "" b')).toEqual(["a", "", "b"]);
  });
});

describe("joinArgs", () => {
  it("reads a quoted expression word by word, as if typed in chat", () => {
    expect(joinArgs(["cost", "150 named @ 70 vs 500 named @ 100", "--currency", "GBP"])).toBe(
      "cost 150 named @ 70 vs 500 named @ 100 --currency GBP",
    );
  });

  it("keeps an option's value with spaces in one piece", () => {
    const text = joinArgs(["tiers", "240", "--tiers", "1-99 @ 75, 100+ @ 70"]);
    expect(text).toBe('tiers 240 --tiers "1-99 @ 75, 100+ @ 70"');
    expect(tokenize(text)).toEqual(["tiers", "240", "--tiers", "1-99 @ 75, 100+ @ 70"]);
  });

  it("keeps key=value with spaces in one piece", () => {
    expect(joinArgs(["--map", "start=Login Time"])).toBe('--map "start=Login Time"');
  });
});
