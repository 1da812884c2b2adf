import { describe, expect, it } from "vitest";
import type { Reply } from "../../../src/commands/reply.js";
import { tiersCommand } from "../../../src/commands/tiers/command.js";
import type { Issue } from "../../../src/core/result.js";
import { testContext } from "../context.js";

const ctx = testContext();
const HALO = "1-99@75, 100-249@70, 250+@62";

function reply(text: string): Reply {
  const outcome = tiersCommand.run(text, ctx);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.reply;
}

function issue(text: string): Issue {
  const outcome = tiersCommand.run(text, ctx);
  if (outcome.ok) throw new Error(`expected a rejection: ${outcome.reply.headline}`);
  expect(outcome.command).toBe("tiers");
  expect(outcome.usage).toContain("tiers SEATS");
  return outcome.issues[0] as Issue;
}

/** A MoneyJson's exact decimal amount, e.g. "16800.00". */
function amount(data: Readonly<Record<string, unknown>>, ...path: string[]): unknown {
  let at: unknown = data;
  for (const key of path) at = (at as Record<string, unknown>)[key];
  return (at as { amount: string }).amount;
}

describe("the checks", () => {
  it("5 seats on 1-5 @ $7, 6+ @ $6.50: staying $35/mo, buying up $39/mo → NOT cheaper", () => {
    const r = reply('5 --tiers "1-5 @ 7, 6+ @ 6.50" --currency USD');
    // 5 × $7 = $35; 6 × $6.50 = $39
    expect(amount(r.data, "monthly")).toBe("35.00");
    expect(amount(r.data, "nextBreak", "buyUpMonthly")).toBe("39.00");
    expect((r.data.nextBreak as { buyUpCheaper: boolean }).buyUpCheaper).toBe(false);
    expect(r.headline).toBe(
      "5 seats cost $35 a month ($420 a year) at the 1-5 rate of $7; the 6+ break is 1 seat away.",
    );
    expect(r.notes).toContain("Buying up to 6 costs more than staying anywhere in 1-5.");
  });

  it("95 seats on 1-99 @ 50, 100+ @ 45: $4,750 vs $4,500 → buying up IS cheaper by $250/mo", () => {
    const r = reply('95 --tiers "1-99 @ 50, 100+ @ 45" --currency USD');
    expect(r.headline).toBe("Buy up: 100 seats at $45 cost $250 a month less than 95 at $50.");
    // 95 × 50 = 4,750; 100 × 45 = 4,500; 4,750 − 4,500 = 250 a month, × 12 = 3,000 a year
    expect(amount(r.data, "monthly")).toBe("4750.00");
    expect(amount(r.data, "nextBreak", "buyUpMonthly")).toBe("4500.00");
    expect(amount(r.data, "nextBreak", "buyUpSavingMonthly")).toBe("250.00");
    expect(amount(r.data, "nextBreak", "buyUpSavingAnnual")).toBe("3000.00");
    expect((r.data.nextBreak as { buyUpPoint: number }).buyUpPoint).toBe(90);
    expect(r.working).toContain("buy-up point 90: 90 × $50 = $4,500 ≥ 100 × $45 = $4,500");
  });

  it("90 seats: buying up costs exactly the same (90 × 50 = 100 × 45 = 4,500)", () => {
    const r = reply("90 1-99@50, 100+@45 USD");
    expect((r.data.nextBreak as { buyUpCheaper: boolean }).buyUpCheaper).toBe(false);
    expect(r.notes).toContain(
      "Buying up to 100 costs the same as staying at 90: 10 seats more for nothing.",
    );
  });

  it("240 graduated: 99 × 75 + 141 × 70 = 7,425 + 9,870 = £17,295/mo", () => {
    const r = reply(`240 ${HALO} graduated GBP`);
    expect(r.headline).toBe(
      "240 seats cost £17,295 a month (£207,540 a year), the last 141 at the 100-249 rate of £70; the 250+ break is 10 seats away.",
    );
    expect(r.working[0]).toBe("240 seats: 99 × £75 + 141 × £70 = £17,295 a month");
    expect(r.tables[0]?.rows).toEqual([
      ["1-99", "£75", "99", "£7,425"],
      ["100-249", "£70", "141", "£9,870"],
      ["250+", "£62", "", ""],
      ["total", "", "240", "£17,295"],
    ]);
  });

  it("240 all-units: 240 × 70 = £16,800/mo, and buying up to 250 × 62 = £15,500 is cheaper", () => {
    const r = reply(`240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode all-units`);
    // 16,800 − 15,500 = 1,300
    expect(r.headline).toBe("Buy up: 250 seats at £62 cost £1,300 a month less than 240 at £70.");
    expect(r.notes[0]).toBe(
      "240 seats cost £16,800 a month (£201,600 a year) at the 100-249 rate of £70; the 250+ break is 10 seats away.",
    );
    expect(amount(r.data, "annual")).toBe("201600.00");
    // ask: 240 × 62 = 14,880 a month
    expect(amount(r.data, "nextBreak", "askMonthly")).toBe("14880.00");
  });

  it("200 all-units: staying is cheaper, so the headline is where the quantity sits", () => {
    // 200 × 70 = 14,000 < 250 × 62 = 15,500
    expect(reply(`200 ${HALO}`).headline).toBe(
      "200 seats cost £14,000 a month (£168,000 a year) at the 100-249 rate of £70; the 250+ break is 50 seats away.",
    );
  });

  it("graduated: the ask prices the 100-249 band at £62 and buying up never pays", () => {
    const r = reply(`240 ${HALO} graduated`);
    // 7,425 + 141 × 62 = 7,425 + 8,742 = 16,167
    expect(amount(r.data, "nextBreak", "askMonthly")).toBe("16167.00");
    // 7,425 + 150 × 70 + 1 × 62 = 17,987
    expect(amount(r.data, "nextBreak", "buyUpMonthly")).toBe("17987.00");
    expect(r.data.nextBreak).not.toHaveProperty("buyUpPoint");
    expect(r.notes).toContain(
      "Under graduated pricing buying up never costs less: each extra seat adds its band's rate.",
    );
    expect(r.notes).toContain(
      "Under graduated pricing the ask prices your 100-249 band (141 seats) at the 250+ rate; lower bands keep their rates.",
    );
  });

  it("the top tier has no next break and no options table", () => {
    const r = reply(`300 ${HALO}`);
    // 300 × 62 = 18,600
    expect(r.headline).toBe(
      "300 seats cost £18,600 a month (£223,200 a year) at the 250+ rate of £62; that is the top tier.",
    );
    expect(r.data).not.toHaveProperty("nextBreak");
    expect(r.tables).toHaveLength(1);
  });
});

describe("forecast", () => {
  it("recommends asking for £62 now when 240 grows to 260 within 6 months", () => {
    const r = reply(`240 ${HALO} GBP forecast 260 in 6 months`);
    // 240 × (70 − 62) × 12 = 23,040
    expect(r.headline).toBe(
      "Your forecast of 260 reaches the 250+ break within 6 months: ask for £62 now; on 240 seats that is £23,040 a year.",
    );
    expect(r.data.forecast).toMatchObject({
      quantity: 260,
      withinMonths: 6,
      crossesBreak: true,
      recommend: true,
      tier: { from: 250, to: null },
    });
    expect(amount(r.data, "forecast", "savingAnnual")).toBe("23040.00");
  });

  it("accepts --forecast 260 --within=6 and words the graduated ask on the band", () => {
    const r = reply(`240 --tiers "${HALO}" --mode graduated --forecast 260 --within=6`);
    // 141 × (70 − 62) × 12 = 13,536
    expect(r.headline).toBe(
      "Your forecast of 260 reaches the 250+ break within 6 months: ask for £62 on your 100-249 band now; on 240 seats that is £13,536 a year.",
    );
  });

  it("does not recommend when the forecast stays in the tier", () => {
    const r = reply(`200 ${HALO} --forecast 245 --within 3`);
    expect(r.data.forecast).toMatchObject({ crossesBreak: false, recommend: false });
    expect(r.notes).toContain(
      "Your forecast of 245 stays in the 100-249 tier within 3 months, so growth alone gives no break to ask for.",
    );
    expect(r.headline).toMatch(/^200 seats cost/);
  });

  it("crossing two breaks asks for the landing tier and shows its working", () => {
    const r = reply(`95 ${HALO} --forecast 300 --within 12`);
    // 95 × (75 − 62) × 12 = 14,820
    expect(amount(r.data, "forecast", "savingAnnual")).toBe("14820.00");
    expect(r.working).toContain("ask at the 250+ rate: 95 × £62 = £5,890 a month");
    expect(r.tables[1]?.rows.at(-1)?.[0]).toBe("ask: 250+ rate now");
  });
});

describe("grammar and notes", () => {
  it("assumes all-units, per month and the default currency, and says so", () => {
    const r = reply(`240 ${HALO}`);
    expect(r.data).toMatchObject({ mode: "all-units", period: "month", currency: "GBP" });
    expect(r.notes).toEqual(
      expect.arrayContaining([
        "Mode all-units assumed: every seat is priced at the rate of the tier reached; add `graduated` if each band has its own rate.",
        "Rates are per user per month (none was written /yr).",
        "Currency GBP assumed; add a code such as USD or a £, $ or € sign to change it.",
      ]),
    );
  });

  it("takes the currency from signs and drops the assumption notes when told", () => {
    const r = reply("240 seats 1-99 @ €75/mo, 100+ @ €70/mo all units");
    expect(r.data).toMatchObject({ currency: "EUR", mode: "all-units" });
    expect(r.notes.some((n) => n.includes("assumed"))).toBe(false);
    expect(r.notes.some((n) => n.includes("per user per month"))).toBe(false);
  });

  it("reads yearly rates and leads with the year", () => {
    const r = reply("240 1-99@900/yr, 100-249@840/yr, 250+@744/yr graduated");
    // 99 × 900 + 141 × 840 = 89,100 + 118,440 = 207,540 a year; ÷ 12 = 17,295 a month
    expect(r.data.period).toBe("year");
    expect(r.headline).toBe(
      "240 seats cost £207,540 a year (£17,295 a month), the last 141 at the 100-249 rate of £840/yr; the 250+ break is 10 seats away.",
    );
  });

  it("reads --seats, thousands and words in the tier list", () => {
    const r = reply('--seats 1,500 --tiers "1 to 999 at £40; 1,000 and up at £35"');
    // 1,500 × 35 = 52,500
    expect(amount(r.data, "monthly")).toBe("52500.00");
    expect(r.data.tiers).toHaveLength(2);
  });

  it("keeps number columns right-aligned", () => {
    const [book, options] = reply(`240 ${HALO}`).tables;
    expect(book?.columns.map((c) => c.align)).toEqual(["left", "right", "right", "right"]);
    expect(options?.columns.slice(1).every((c) => c.align === "right")).toBe(true);
  });

  it("suggests a forecast, the other mode and pricing at the break", () => {
    expect(reply(`240 ${HALO}`).next).toEqual([
      'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode all-units --currency GBP --forecast 250 --within 12',
      'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode graduated --currency GBP',
      'tiers 250 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode all-units --currency GBP',
    ]);
  });

  it("has a stable data contract", () => {
    const data = reply(`240 ${HALO} forecast 260 in 6`).data;
    expect(Object.keys(data)).toEqual([
      "currency",
      "mode",
      "period",
      "quantity",
      "tiers",
      "current",
      "monthly",
      "annual",
      "bands",
      "nextBreak",
      "forecast",
      "assumed",
    ]);
    expect(data.current).toMatchObject({ from: 100, to: 249, label: "100-249" });
    expect(Object.keys(data.nextBreak as object)).toEqual([
      "from",
      "to",
      "rate",
      "label",
      "seatsAway",
      "askMonthly",
      "askAnnual",
      "askSavingMonthly",
      "askSavingAnnual",
      "buyUpMonthly",
      "buyUpAnnual",
      "buyUpSavingMonthly",
      "buyUpSavingAnnual",
      "buyUpCheaper",
      "buyUpPoint",
    ]);
    expect(data.monthly).toEqual({
      currency: "GBP",
      minor: 1_680_000,
      amount: "16800.00",
      text: "£16,800",
    });
  });

  it("answers to its aliases and documents the default mode in help", () => {
    expect(tiersCommand.aliases).toEqual(["tier", "breaks", "volume"]);
    expect(tiersCommand.help.join(" ")).toContain("--mode all-units (default");
    for (const example of tiersCommand.examples) {
      expect(tiersCommand.run(example.replace(/^tiers /, ""), ctx).ok).toBe(true);
    }
  });
});

describe("bad input", () => {
  it.each([
    [
      "overlapping tiers",
      "240 1-100@75, 100+@70",
      "tiers.overlap",
      "the tiers 1-100 and 100+ overlap at 100",
    ],
    [
      "unsorted tiers",
      "240 100-249@70, 1-99@75",
      "tiers.unsorted",
      "the tier 1-99 comes after 100-249; list tiers from the smallest quantity up",
    ],
    [
      "a gap",
      "240 1-99@75, 120+@70",
      "tiers.gap",
      "no tier covers 100-119 (between 1-99 and 120+)",
    ],
    [
      "a non-final open tier",
      "240 1-99@75, 100+@70, 250+@62",
      "tiers.open_not_last",
      "only the last tier can be open-ended, but 100+ is followed by more tiers",
    ],
    [
      "a zero rate",
      "240 1-99@75, 100+@0",
      "tiers.rate_not_positive",
      "the 100+ rate must be above zero (it is £0)",
    ],
    [
      "a negative rate",
      "240 1-99@75, 100+@-70",
      "tiers.rate_not_positive",
      "the 100+ rate must be above zero (it is -£70)",
    ],
    [
      "a zero quantity",
      `0 ${HALO}`,
      "quantity.not_positive",
      "0 seats is not a quantity to price; it must be at least 1 seat",
    ],
    [
      "a negative quantity",
      `-5 ${HALO}`,
      "quantity.not_positive",
      "-5 seats is not a quantity to price; it must be at least 1 seat",
    ],
    [
      "a non-whole quantity",
      `2.5 ${HALO}`,
      "quantity.not_whole",
      "2.5 seats is not a whole number of seats",
    ],
    [
      "an unknown currency",
      `240 ${HALO} XYZ`,
      "currency.unknown",
      '"XYZ" is not a currency I know',
    ],
    [
      "an unknown --currency",
      `240 ${HALO} --currency bitcoin`,
      "currency.unknown",
      '"bitcoin" is not a currency I know',
    ],
    [
      "an unknown mode",
      `240 ${HALO} --mode tiered`,
      "tiers.mode_unknown",
      'I don\'t know the mode "tiered"',
    ],
    [
      "a quantity above a closed last tier",
      "300 1-99@75, 100-249@70",
      "tiers.above_last",
      "300 seats is above the last tier, which ends at 249",
    ],
    ["an empty tier list", "240", "tiers.empty", "the price book has no tiers"],
    ["a blank --tiers", '240 --tiers " , "', "tiers.empty", "the price book has no tiers"],
    [
      "an unreadable tier",
      "240 1-99 @ seventy, 100+ @ 70",
      "tiers.unreadable",
      'I couldn\'t read the tier "1-99 @ seventy"',
    ],
    [
      "a tier with no range",
      "240 1-99@75, 250 @ 62",
      "tiers.not_a_band",
      'the tier "250 @ 62" needs a range of seats',
    ],
    [
      "mixed /yr and monthly rates",
      "240 1-99@900/yr, 100+@70",
      "tiers.mixed_period",
      "some rates are per year (/yr) and others are not",
    ],
    ["a missing quantity", HALO, "quantity.missing", "how many seats? Put the quantity first"],
    [
      "an unknown word",
      `240 ${HALO} tiered`,
      "input.unknown_word",
      'I don\'t know what "tiered" means here',
    ],
    [
      "both modes",
      `240 ${HALO} graduated --mode all-units`,
      "tiers.mode_conflict",
      "the text names both all-units and graduated",
    ],
    [
      "a horizon without a forecast",
      `240 ${HALO} --within 6`,
      "forecast.within_without_forecast",
      '"within 6" needs a forecast to go with it',
    ],
    [
      "a shrinking forecast",
      `240 ${HALO} forecast 200 in 6`,
      "forecast.below_quantity",
      "your forecast of 200 is below today's 240 seats; a forecast here is growth",
    ],
    [
      "a worded horizon",
      `240 ${HALO} forecast 260 in six`,
      "forecast.months_not_a_number",
      'the forecast horizon "six" is not a number of months',
    ],
    [
      "a rate with too many decimals",
      "240 1-99@75.555, 100+@70",
      "money.too_precise",
      'the rate 75.555 in "1-99@75.555" has more decimals than GBP allows',
    ],
  ])("rejects %s", (_what, text, code, message) => {
    expect(issue(text)).toMatchObject({ code, message });
  });

  it("gives a hint with every rejection", () => {
    expect(issue("240 1-99@75, 120+@70").hint).toBe("start the tier after 1-99 at 100");
    expect(issue(`240 ${HALO} --mode tiered`).hint).toBe(
      "use all-units (everyone at the reached tier's rate) or graduated (each band at its own rate)",
    );
  });
});
