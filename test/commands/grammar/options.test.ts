import { describe, expect, it } from "vitest";
import { type OptionSpec, parseOptions } from "../../../src/commands/grammar/options.js";
import { tokenize } from "../../../src/commands/grammar/tokens.js";

const SPECS: readonly OptionSpec[] = [
  { name: "named", aliases: ["named-rate", "n"] },
  { name: "concurrent", aliases: ["concurrent-rate", "conc", "c"] },
  { name: "tiers", aliases: ["book"], bare: true },
  { name: "tz", aliases: ["timezone"] },
  { name: "json", flag: true },
];
const EXAMPLE = "split sessions.csv --named 70 --concurrent 140";

function unknown(text: string) {
  const r = parseOptions(tokenize(text), SPECS, EXAMPLE);
  if (r.ok) throw new Error(`expected ${text} to be refused`);
  return r.issues;
}

describe("parseOptions: an unknown option", () => {
  it.each([
    ["--named-rat 70", "I don't know the option --named-rat — did you mean --named-rate?"],
    ["--tier 1-99@50", "I don't know the option --tier — did you mean --tiers?"],
    ["--concurent 140", "I don't know the option --concurent — did you mean --concurrent?"],
    ["--concurent=140", "I don't know the option --concurent=140 — did you mean --concurrent?"],
    ["-jsn", "I don't know the option -jsn — did you mean --json?"],
    ["--TIMEZON Europe/London", "I don't know the option --TIMEZON — did you mean --timezone?"],
    // Nothing close: no guess rather than a wild one.
    ["--colour red", "I don't know the option --colour"],
    // Short names allow one edit only: --ab is two from --tz and from --n.
    ["--ab 3", "I don't know the option --ab"],
  ])("%s → %s", (text, message) => {
    expect(unknown(text)).toEqual([{ code: "option.unknown", message, hint: EXAMPLE }]);
  });

  it("still reads the options it knows and leaves negative numbers positional", () => {
    const r = parseOptions(tokenize("-5 --named-rate 70 tiers 1-99@50 --json"), SPECS, EXAMPLE);
    expect(r.ok && Object.fromEntries(r.value.values)).toEqual({ named: "70", tiers: "1-99@50" });
    expect(r.ok && [...r.value.flags]).toEqual(["json"]);
    expect(r.ok && r.value.positional).toEqual(["-5"]);
  });
});
