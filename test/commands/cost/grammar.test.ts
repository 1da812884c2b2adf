import { describe, expect, it } from "vitest";
import { parseCostText, parseLine, splitPieces } from "../../../src/commands/cost/grammar.js";
import { kindOf, planSubject, scenarioNames } from "../../../src/commands/cost/names.js";
import { toDecimalString } from "../../../src/core/ratio.js";

describe("splitPieces", () => {
  it("splits @ and + off words but keeps a thousands comma", () => {
    expect(splitPieces("150named@70+100c@1,680/yr,")).toEqual([
      "150named",
      "@",
      "70",
      "+",
      "100c",
      "@",
      "1,680/yr",
      ",",
    ]);
  });
});

describe("splitPieces with a semicolon", () => {
  it("splits ; off words like +", () => {
    expect(splitPieces("150n@70;100c@140")).toEqual(["150n", "@", "70", ";", "100c", "@", "140"]);
  });
});

describe("parseLine", () => {
  it.each([
    ["150 named @ 70", 150, "named", "70", undefined],
    ["150 named at £70/mo", 150, "named", "70", "month"],
    ["100 concurrent @ 140", 100, "concurrent", "140", undefined],
    ["100 conc @ 140", 100, "concurrent", "140", undefined],
    ["150 n @ 70", 150, "named", "70", undefined],
    ["100 c @ 1,680/yr", 100, "concurrent", "1680", "year"],
    ["150n @ 70", 150, "named", "70", undefined],
    ["150 named seats @ 70 per user per month", 150, "named", "70", "month"],
    ["100 concurrent pool @ 1.68k a year", 100, "concurrent", "1680", "year"],
    ["1,200 named @ 70 /yr", 1200, "named", "70", "year"],
    ["150 agents @ 70", 150, "named", "70", undefined],
    ["150agents@70", 150, "named", "70", undefined],
    ["150 named agents @ 70", 150, "named", "70", undefined],
  ])("reads %s", (text, quantity, type, price, period) => {
    const r = parseLine(text.split(" ").flatMap(splitPieces));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.quantity).toBe(quantity);
    expect(r.value.type).toBe(type);
    expect(toDecimalString(r.value.price.value)).toBe(price);
    expect(r.value.period).toBe(period);
  });
});

describe("parseCostText", () => {
  it("splits plans at vs and lines at +, comma, and", () => {
    const r = parseCostText("150 n @ 70, 100 c @ 140 and 5 n @ 90 vs 500 n @ 100");
    expect(r.ok && r.value.scenarios.map((s) => s.lines.length)).toEqual([3, 1]);
  });

  it("reads `for N users`, currency words, signs and --years", () => {
    const r = parseCostText("150 n @ £70 + 100 c @ 140 for 350 users vs 500 n @ 100 GBP years 3");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.scenarios[0]?.usersCovered).toBe(350);
    expect(r.value.codes).toEqual(["GBP"]);
    expect(r.value.signs).toEqual(["£"]);
    expect(r.value.years).toBe(3);
  });

  it("splits lines at plus and ; too, and reads a lower-case currency code", () => {
    const r = parseCostText("150 n @ 70 plus 100 c @ 140; 5 agents @ 90 vs 500 n @ 100 gbp");
    expect(r.ok && r.value.scenarios.map((s) => s.lines.map((l) => l.type))).toEqual([
      ["named", "concurrent", "named"],
      ["named"],
    ]);
    expect(r.ok && r.value.codes).toEqual(["gbp"]);
  });

  it("does not mistake grammar words in capitals for currency codes", () => {
    const r = parseCostText("150 n @ 70 AND 100 CON @ 140");
    expect(r.ok && r.value.codes).toEqual([]);
  });

  it.each([
    ["--years 0", "years.out_of_range", "the number of years must be from 1 to 50, not 0"],
    ["--years three", "count.not_whole", 'the number of years "three" is not a whole number'],
    ["--colour red", "option.unknown", "I don't know the option --colour"],
    ["--year 3", "option.unknown", "I don't know the option --year — did you mean --years?"],
    [
      "--currancy GBP",
      "option.unknown",
      "I don't know the option --currancy — did you mean --currency?",
    ],
  ])("rejects 150 n @ 70 %s", (options, code, message) => {
    const r = parseCostText(`150 n @ 70 ${options}`);
    expect(!r.ok && r.issues[0]).toMatchObject({ code, message });
  });
});

describe("plan names", () => {
  it("names plans by kind", () => {
    expect(kindOf(["named", "concurrent"])).toBe("mixed");
    expect(kindOf(["concurrent", "concurrent"])).toBe("concurrent-only");
    expect(scenarioNames(["mixed", "concurrent-only", "named-only"])).toEqual([
      "mixed",
      "concurrent-only",
      "named-only",
    ]);
  });
  it("falls back to positions for duplicate kinds", () => {
    expect(scenarioNames(["mixed", "mixed", "named-only"])).toEqual([
      "option 1",
      "option 2",
      "named-only",
    ]);
    expect(scenarioNames(["named-only", "named-only"])).toEqual(["option 1", "baseline"]);
  });
  it("starts sentences with the plan", () => {
    expect(planSubject("mixed")).toBe("The mixed plan");
    expect(planSubject("option 2")).toBe("Option 2");
  });
});
