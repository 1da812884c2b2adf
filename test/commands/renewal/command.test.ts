import { describe, expect, it } from "vitest";
import { renewalCommand } from "../../../src/commands/renewal/command.js";
import { compactRenewalText } from "../../../src/commands/renewal/grammar.js";
import type { Reply } from "../../../src/commands/reply.js";
import { testContext } from "../context.js";

const ctx = testContext();

function reply(text: string): Reply {
  const outcome = renewalCommand.run(text, ctx);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.reply;
}

function rejection(text: string) {
  const outcome = renewalCommand.run(text, ctx);
  if (outcome.ok) throw new Error(`expected "${text}" to be rejected`);
  expect(outcome.command).toBe("renewal");
  expect(outcome.usage).toContain("renewal");
  return outcome.issues[0];
}

describe("renewal command", () => {
  it("THE CHECK, bare form: $2m over 3 years at a 3% cap against a 7% list uplift", () => {
    // 2,000,000 + 2,060,000 + 2,121,800 = 6,181,800; list: 2,000,000 + 2,140,000 + 2,289,800
    // = 6,429,800; difference 248,000
    const r = reply("$2m 3y cap 3% list 7%");
    expect(r.headline).toBe(
      "Over 3 years at a 3% cap you pay $6,181,800 — $248,000 less than an uncapped 7% list uplift.",
    );
    expect(r.tables[0]?.rows.map((row) => row[5])).toEqual([
      "$2,000,000",
      "$2,060,000",
      "$2,121,800",
      "$6,181,800",
    ]);
    expect(r.tables[1]?.rows.at(-1)).toEqual(["total", "", "", "$6,429,800", "$248,000"]);
    expect(r.working).toContain(
      "Year 2: $2,000,000 × 1.03 = $2,060,000 — full 3% cap (worst case)",
    );
    expect(r.working).toContain("Difference: $6,429,800 − $6,181,800 = $248,000");
  });

  it("reads the dashed form with --currency and works out a GBP term", () => {
    // 294,000; × 1.03 = 302,820; × 1.03 = 311,904.60; total 908,724.60
    const r = reply("294000 --currency GBP --years 3 --cap 3%");
    expect(r.headline).toBe("Over 3 years at a 3% cap you pay £908,724.60.");
    expect(r.data.total).toMatchObject({ minor: 90_872_460, amount: "908724.60" });
    expect(r.notes).toContain(
      "No uncapped comparison: add --list 7% (or whatever list uplift the vendor would apply) to see what this rule saves.",
    );
    expect(r.next[0]).toBe("renewal 294000 GBP years 3 cap 3% list 7%");
  });

  it("lesser-of caps CPI and compares with CPI alone, naming the unused CPI value", () => {
    // capped 6,181,800; CPI alone 2,000,000 + 2,082,000 + 2,148,624 = 6,230,624; diff 48,824
    const r = reply("2000000 --currency USD --years 3 --cpi 4.1,3.2,2.8 --lesser-of 3%");
    expect(r.headline).toBe(
      "Over 3 years at the lesser of CPI and 3% you pay $6,181,800 — $48,824 less than CPI alone.",
    );
    expect(r.tables[0]?.rows.map((row) => row[2])).toEqual([
      "base year",
      "CPI 4.1% capped at 3%",
      "CPI 3.2% capped at 3%",
      "",
    ]);
    expect(r.notes).toContain("CPI value 2.8% is beyond year 3 and was ignored.");
    expect(r.data.unusedCpiPercents).toEqual([2.8]);
  });

  it("greater-of with a floor, bare form, in the data contract", () => {
    // 294,000; × 1.041 = 306,054; × 1.032 = 315,847.728 → 315,847.73; total 915,901.73
    const r = reply("294k GBP years 3 cpi 4.1,3.2 greater-of 3% floor 1%");
    expect(r.headline).toBe(
      "Over 3 years at the greater of CPI and 3% with a 1% floor you pay £915,901.73 — the same as CPI alone.",
    );
    const rows = r.data.rows as { upliftPercent: number | null; net: { amount: string } }[];
    expect(rows.map((row) => row.upliftPercent)).toEqual([null, 4.1, 3.2]);
    expect(rows.map((row) => row.net.amount)).toEqual(["294000.00", "306054.00", "315847.73"]);
    expect(r.data.policy).toMatchObject({
      kind: "greater-of",
      minimumPercent: 3,
      floorPercent: 1,
      cpiPercents: [4.1, 3.2],
      discountPercent: 0,
    });
    expect(r.data.trap).toBeUndefined();
    expect(r.working).toContain(
      "Year 3: £306,054 × 1.032 = £315,847.73 (exactly 315847.728, rounded half away from zero) — CPI 3.2%, over the 3% minimum",
    );
  });

  it("takes a multi-year discount off every year", () => {
    // nets 1,900,000 + 1,957,000 + 2,015,710 = 5,872,710
    const r = reply("$2m 3y cap 3% discount 5%");
    expect(r.headline).toBe(
      "Over 3 years at a 3% cap you pay $5,872,710 after a 5% multi-year discount.",
    );
    expect(r.tables[0]?.rows[2]).toEqual([
      "3",
      "3%",
      "full 3% cap (worst case)",
      "$2,121,800",
      "$106,090",
      "$2,015,710",
    ]);
    expect(r.working).toContain(
      "Year 3 discount: $2,121,800 × 5% = $106,090; net $2,121,800 − $106,090 = $2,015,710",
    );
  });

  it("flags the per-year cap charged for the whole term, with the figures", () => {
    // 3 × 3% = 9%; 1.03³ − 1 = 9.2727%; 2,000,000 × 1.09 = 2,180,000; × 1.092727 = 2,185,454
    const r = reply("$2m 3y cap 3%");
    expect(r.notes).toContain(
      "Watch the wording: if the 3% per-year cap is charged for the whole 3-year term at renewal, 3% a year becomes 9% (9.27% compounded), making the first year $2,180,000 (or $2,185,454) instead of $2,000,000. Ask for the cap to apply once per 12 months.",
    );
    expect(r.data.trap).toMatchObject({
      perYearCapPercent: 3,
      years: 3,
      simplePercent: 9,
      compoundPercent: 9.27,
      firstYearIfChargedForTerm: { amount: "2180000.00" },
      firstYearIfCompounded: { amount: "2185454.00" },
    });
  });

  it("does not flag the trap for a one-year term", () => {
    const r = reply("$2m 1y cap 3%");
    expect(r.headline).toBe("Over 1 year at a 3% cap you pay $2,000,000.");
    expect(r.data.trap).toBeUndefined();
  });

  it("assumes the default currency and says so; a /mo base is × 12", () => {
    // £24,500 × 12 = £294,000
    const r = reply("24500/mo years 1 cap 3%");
    expect(r.data.base).toMatchObject({ currency: "GBP", amount: "294000.00" });
    expect(r.notes).toContain("No currency given, so GBP was assumed.");
    expect(r.working[0]).toBe("£24,500 × 12 = £294,000 a year");
  });

  it("reads --years=3 and a lone --list as the uplift itself", () => {
    // 1,000 × 1.07 = 1,070; × 1.07 = 1,144.90; total 3,214.90
    const r = reply("1000 USD --years=3 --list 7%");
    expect(r.headline).toBe("Over 3 years at an uncapped 7% list uplift you pay $3,214.90.");
    expect(r.data.uncapped).toBeUndefined();
    expect(r.data.policy).toMatchObject({ kind: "list", listPercent: 7 });
  });

  it("shows the half-penny rounding in the working", () => {
    // 10,050p × 1.01 = 10,150.5p → £101.51
    const r = reply("£100.50 2y cap 1%");
    expect(r.working[1]).toBe(
      "Year 2: £100.50 × 1.01 = £101.51 (exactly 101.505, rounded half away from zero) — full 1% cap (worst case)",
    );
  });
});

describe("renewal command: notes", () => {
  it("says a floor under a fixed cap doesn't change the worst case", () => {
    const r = reply("£1000 2y cap 3% floor 1%");
    expect(r.notes).toContain(
      "The worst case under a fixed cap is the full cap every year, so the 1% floor doesn't change these figures.",
    );
  });

  it("warns when negative CPI makes the price fall", () => {
    // £1,000 × (1 − 0.005) = £995
    const r = reply("£1000 2y cpi -0.5");
    expect(r.data.total).toMatchObject({ amount: "1995.00" });
    expect(r.notes).toContain(
      "CPI is negative in at least one year, so the price falls that year; a floor would stop that.",
    );
  });
});

describe("renewal command: bad input", () => {
  it.each([
    ["$2m 3y cap 150%", "renewal.percent_over_100", "the cap 150% is over 100%"],
    ["$2m 3y cap -3%", "renewal.percent_negative", "the cap -3% is negative"],
    ["0 USD 3y cap 3%", "renewal.base_not_positive", "the base annual cost must be more than zero"],
    [
      "-5 USD 3y cap 3%",
      "renewal.base_not_positive",
      "the base annual cost must be more than zero",
    ],
    ["abc 3y cap 3%", "amount.not_a_number", 'the base annual cost "abc" is not an amount'],
    ["2m XYZ 3y cap 3%", "currency.unknown", '"XYZ" is not a currency I know'],
    ["$2m years 0 cap 3%", "renewal.years_out_of_range", "the term must be 1 to 10 years, not 0"],
    ["$2m years 11 cap 3%", "renewal.years_out_of_range", "the term must be 1 to 10 years, not 11"],
    [
      "$2m 3y cpi 4.1 lesser-of 3%",
      "renewal.cpi_too_few",
      "a 3-year term needs 2 CPI values (for years 2 and 3); got 1",
    ],
    [
      "$2m 3y cap 3% cpi 4.1,3.2",
      "renewal.cap_and_cpi_without_rule",
      "a cap and CPI together need a rule: is the uplift the lesser or the greater of CPI and the cap?",
    ],
    [
      "$2m 3y lesser-of 3%",
      "renewal.rule_without_cpi",
      "lesser-of compares CPI with a percentage, but no CPI values were given",
    ],
    ["$2m 3y cap 3% floor 4%", "renewal.floor_above_cap", "the floor 4% is above the 3% cap"],
    [
      "$2m 3y cpi 4.1,3.2 lesser-of 3% greater-of 2%",
      "renewal.two_rules",
      "choose one rule: lesser-of or greater-of, not both",
    ],
    ["$2m 3y", "renewal.no_policy", "say how the price rises each year"],
    ["3y cap 3%", "renewal.no_base", "give the annual cost the term starts from"],
    ["$2m cap 3%", "renewal.no_years", "say how many years the term is"],
    ["$2m 3y cap 3% please", "renewal.unexpected_word", 'I don\'t understand "please"'],
    ["$2m 3y cap lots", "percent.not_a_number", 'the cap "lots" is not a percentage'],
    [
      "$2m 3y list 7% floor 1%",
      "renewal.floor_without_rule",
      "a floor needs a cap or CPI to apply to",
    ],
  ])("rejects %j", (text, code, message) => {
    const issue = rejection(text);
    expect(issue).toMatchObject({ code, message });
    expect(issue?.hint).toBeTruthy();
  });
});

describe("renewal command: help", () => {
  it("documents the grammar and runs every example", () => {
    expect(renewalCommand.name).toBe("renewal");
    expect(renewalCommand.aliases).toEqual(["renew", "term"]);
    for (const example of renewalCommand.examples) {
      const text = example.replace(/^renewal /, "");
      expect(renewalCommand.run(text, ctx).ok).toBe(true);
    }
    expect(renewalCommand.help.join(" ")).toContain("--lesser-of");
  });
});

describe("renewal text as people type it", () => {
  it("reads `3 years` and a CPI list with spaces after the commas", () => {
    const spaced = renewalCommand.run("$2m 3 years cpi 4.1, 3.2 lesser-of 3%", ctx);
    const compact = renewalCommand.run("$2m 3y cpi 4.1,3.2 lesser-of 3%", ctx);
    expect(spaced.ok).toBe(true);
    expect(spaced.ok && compact.ok && spaced.reply.data).toEqual(compact.ok && compact.reply.data);
    // Lesser of CPI and 3%: 3% in both years, so $2,000,000 + $2,060,000 + $2,121,800.
    expect(spaced.ok && spaced.reply.headline).toContain("$6,181,800");
  });

  it("leaves other text alone", () => {
    expect(compactRenewalText("294k GBP years 3 cap 3%")).toBe("294k GBP years 3 cap 3%");
    expect(compactRenewalText("294k 1 year cap 3%")).toBe("294k 1y cap 3%");
  });
});
