import { describe, expect, it } from "vitest";
import { implementationCommand } from "../../../src/commands/impl/command.js";
import { parseOverrun } from "../../../src/commands/impl/grammar.js";
import type { Reply } from "../../../src/commands/reply.js";
import { toDecimalString } from "../../../src/core/ratio.js";
import { testContext } from "../context.js";

const ctx = testContext();

function reply(text: string): Reply {
  const outcome = implementationCommand.run(text, ctx);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.reply;
}

function rejection(text: string) {
  const outcome = implementationCommand.run(text, ctx);
  if (outcome.ok) throw new Error(`expected "${text}" to be rejected`);
  expect(outcome.command).toBe("impl");
  return outcome.issues[0];
}

const HEADLINE_60 =
  "Fixed price £45,000 caps the work; time and materials is £72,000 at estimate and up to £100,800 with a 40% overrun.";

describe("impl command", () => {
  it("compares fixed with T&M and gives the first-year TCO (dashed form)", () => {
    // 60 × £1,200 = £72,000; × 1.1 = £79,200; × 1.4 = £100,800
    // first year: £294,000 + £45,000 = £339,000; + £72,000 = £366,000; + £79,200 = £373,200;
    // + £100,800 = £394,800
    const r = reply("--fixed 45k --days 60 --day-rate 1200 --overrun 10-40% --annual 294k GBP");
    expect(r.headline).toBe(HEADLINE_60);
    expect(r.tables[0]?.rows).toEqual([
      ["fixed price", "£45,000", "£339,000"],
      ["T&M at estimate (60 days × £1,200)", "£72,000", "£366,000"],
      ["T&M + 10% overrun", "£79,200", "£373,200"],
      ["T&M + 40% overrun", "£100,800", "£394,800"],
    ]);
    expect(r.working).toEqual([
      "60 days × £1,200 = £72,000",
      "£72,000 × 1.1 = £79,200",
      "£72,000 × 1.4 = £100,800",
      "First year, fixed: £294,000 + £45,000 = £339,000",
      "First year, T&M at estimate: £294,000 + £72,000 = £366,000",
      "First year, T&M low: £294,000 + £79,200 = £373,200",
      "First year, T&M high: £294,000 + £100,800 = £394,800",
    ]);
  });

  it("reads the bare form the same way and fills the data contract", () => {
    const r = reply("fixed 45k days 60 rate 1200 overrun 10-40% annual 294k GBP");
    expect(r.headline).toBe(HEADLINE_60);
    expect(r.data).toMatchObject({
      currency: "GBP",
      fixed: { minor: 4_500_000, amount: "45000.00" },
      timeAndMaterials: {
        days: 60,
        dayRate: { amount: "1200.00" },
        estimate: { amount: "72000.00" },
        low: { amount: "79200.00" },
        high: { amount: "100800.00" },
        overrunLowPercent: 10,
        overrunHighPercent: 40,
      },
      annualSubscription: { amount: "294000.00" },
      firstYearTco: {
        fixed: { amount: "339000.00" },
        tmEstimate: { amount: "366000.00" },
        tmLow: { amount: "373200.00" },
        tmHigh: { amount: "394800.00" },
      },
      cheaper: "fixed",
    });
    expect(r.notes).not.toContain("No currency given, so GBP was assumed.");
  });

  it("says when T&M is cheaper at estimate but not past the break-even overrun", () => {
    // 40 × $1,000 = $40,000; × 1.4 = $56,000; break-even 45,000 ÷ 40,000 − 1 = 12.5%
    const r = reply("fixed $45k days 40 rate $1,000 overrun 10-40%");
    expect(r.headline).toBe(
      "Time and materials is $40,000 at estimate against a $45,000 fixed price, but up to $56,000 with a 40% overrun: past a 12.5% overrun the fixed price is cheaper.",
    );
    expect(r.data.breakEvenOverrunPercent).toBe(12.5);
    expect(r.data.cheaper).toBe("time-and-materials");
    expect(r.working).toContain("Break-even overrun: $45,000 ÷ $40,000 − 1 = 12.5%");
  });

  it("says when T&M is cheaper even at the worst case", () => {
    // 40 × £1,000 = £40,000; × 1.25 = £50,000 < £60,000
    const r = reply("fixed 60k days 40 rate 1000 overrun 0-25%");
    expect(r.headline).toBe(
      "Time and materials is cheaper even with a 25% overrun: £40,000 at estimate and at most £50,000, against a £60,000 fixed price.",
    );
  });

  it("gives the first-year cost for a fixed price alone, with a monthly subscription", () => {
    // £24,500 × 12 = £294,000; + £45,000 = £339,000
    const r = reply("fixed 45k annual 24500/mo");
    expect(r.headline).toBe(
      "Fixed price £45,000 caps the work; with the £294,000 subscription the first year costs £339,000.",
    );
    expect(r.data.cheaper).toBeNull();
    expect(r.notes).toContain("No currency given, so GBP was assumed.");
    expect(r.notes).toContain("The subscription was given per month, so the year is 12 times it.");
    expect(r.working).toContain("£24,500 × 12 = £294,000 a year");
  });

  it("reads a single overrun as 0 to that, and says so", () => {
    // 10 × £500 = £5,000; × 1.3 = £6,500
    const r = reply("days 10 rate 500 overrun 30%");
    expect(r.headline).toBe(
      "Time and materials is £5,000 at estimate and up to £6,500 with a 30% overrun.",
    );
    expect(r.notes).toContain("A single overrun was read as a range from 0% to 30%.");
  });

  it("shows T&M at estimate only when no overrun is given", () => {
    const r = reply("days 10 rate 500");
    expect(r.headline).toBe("Time and materials is £5,000 at estimate.");
    expect(r.notes).toContain(
      "No overrun range given, so T&M is shown at estimate only; add --overrun 10-40%.",
    );
    expect(r.data.timeAndMaterials).toMatchObject({ overrunLowPercent: 0, overrunHighPercent: 0 });
  });

  it("parses overrun ranges written with % on both ends or an en dash", () => {
    for (const text of ["10-40%", "10%-40%", "10–40%", "10-40"]) {
      const r = parseOverrun(text);
      expect(r.ok && [toDecimalString(r.value.low), toDecimalString(r.value.high)]).toEqual([
        "0.1",
        "0.4",
      ]);
    }
  });
});

describe("impl command: bad input", () => {
  it.each([
    [
      "fixed 45k days 60 rate 1200 overrun 40-10%",
      "impl.overrun_reversed",
      "the overrun range 40-10% runs backwards",
    ],
    [
      "days 0 rate 1200",
      "impl.days_not_positive",
      "the number of days must be more than zero, not 0",
    ],
    ["days 60 rate 0", "impl.day_rate_not_positive", "the day rate must be more than zero"],
    [
      "annual 294k",
      "impl.nothing_to_compare",
      "give a fixed price, or days and a day rate for time and materials (or both)",
    ],
    ["days 60", "impl.day_rate_missing", "time and materials needs a day rate as well as 60 days"],
    [
      "rate 1200",
      "impl.days_missing",
      "time and materials needs a number of days as well as the day rate",
    ],
    [
      "fixed 45k overrun 10-40%",
      "impl.overrun_without_days",
      "an overrun range needs days and a day rate to apply to",
    ],
    [
      "days 60 rate 1200 overrun lots",
      "impl.overrun_not_a_range",
      'the overrun "lots" is not a range of percentages',
    ],
    [
      "days sixty rate 1200",
      "impl.days_not_a_number",
      'the number of days "sixty" is not a number',
    ],
    [
      "fixed 45k/mo",
      "impl.period_not_allowed",
      'the fixed price "45k/mo" is not a monthly or yearly figure',
    ],
    ["fixed 45k please", "impl.unexpected_word", 'I don\'t understand "please"'],
    ["fixed 45k XYZ", "currency.unknown", '"XYZ" is not a currency I know'],
  ])("rejects %j", (text, code, message) => {
    const issue = rejection(text);
    expect(issue).toMatchObject({ code, message });
    expect(issue?.hint).toBeTruthy();
  });
});

describe("impl command: help", () => {
  it("documents the grammar and runs every example", () => {
    expect(implementationCommand.name).toBe("impl");
    expect(implementationCommand.aliases).toEqual(["implementation"]);
    for (const example of implementationCommand.examples) {
      expect(implementationCommand.run(example.replace(/^impl /, ""), ctx).ok).toBe(true);
    }
  });
});
