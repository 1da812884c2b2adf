import { describe, expect, it } from "vitest";
import { type OptionSpec, parseOptions } from "../../../src/commands/grammar/options.js";
import { tokenize } from "../../../src/commands/grammar/tokens.js";

const SPECS: readonly OptionSpec[] = [
  { name: "currency", aliases: ["cur"], bare: true },
  { name: "years", bare: true },
  { name: "as-of" },
  { name: "named" },
  { name: "seats" },
  { name: "json", flag: true },
];
const EXAMPLE = "cost 150 named @ 70 --currency GBP";

function parse(text: string) {
  return parseOptions(tokenize(text), SPECS, EXAMPLE);
}

describe("parseOptions: a bare word meant as an option", () => {
  it.each([
    ["150 named @ 70 currancy GBP", 'I don\'t know the word "currancy" — did you mean --currency?'],
    [
      "roster.csv as-of 2026-01-01",
      '"as-of" is an option here only with its dashes — did you mean --as-of?',
    ],
    ["294000 yeers 3", 'I don\'t know the word "yeers" — did you mean --years?'],
    ["150 named @ 70 json", '"json" is an option here only with its dashes — did you mean --json?'],
  ])("%s → %s", (text, message) => {
    expect(parse(text)).toEqual({
      ok: false,
      issues: [{ code: "option.bare_slip", message, hint: EXAMPLE }],
    });
  });

  it.each([
    // No value follows, so the word stays positional: a file may be called "roster".
    "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
    "named @ 70",
    "as-of",
    // Three-letter words are never guessed at (cap, vs, GBP).
    "150 named @ 70 XYZ",
    // A word one edit away but followed by another word, not a value.
    "years term",
    // Option names that are also the words of a plan or a quote keep their plain sense, even
    // with a figure after them: a tier line, a named-seat count, a singular of `years`.
    "240 seats 1-99 @ 75, 100+ @ 70",
    "sessions.csv named 70",
    "294000 year 3",
  ])("leaves %j as it was", (text) => {
    const r = parse(text);
    expect(r.ok).toBe(true);
  });
});
