import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currency, type Money, major, money, toDecimal } from "../../src/core/money.js";
import { percent } from "../../src/core/percent.js";
import { type Ratio, ratio, toDecimalString } from "../../src/core/ratio.js";
import {
  comparisonPolicy,
  projectRenewal,
  type RenewalInput,
  type RenewalProjection,
} from "../../src/core/renewal.js";
import type { UpliftPolicy } from "../../src/core/uplift.js";

const USD = currency("USD");
const GBP = currency("GBP");
const JPY = currency("JPY");
const cap3: UpliftPolicy = { kind: "cap", cap: percent(3) };

function project(input: RenewalInput): RenewalProjection {
  const r = projectRenewal(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** Major-unit decimal strings, e.g. "2060000.00", for compact comparisons. */
const amounts = (ms: readonly Money[]): string[] => ms.map(toDecimal);

function issueOf(input: RenewalInput) {
  const r = projectRenewal(input);
  if (r.ok) throw new Error("expected a failure");
  return r.issues[0];
}

describe("projectRenewal: hand-computed terms", () => {
  it("THE CHECK: $2,000,000 at a 3% cap over 3 years", () => {
    // 2,000,000; 2,000,000 × 1.03 = 2,060,000; 2,060,000 × 1.03 = 2,121,800; total 6,181,800
    const p = project({ base: major(2_000_000, USD), years: 3, policy: cap3 });
    expect(amounts(p.rows.map((r) => r.net))).toEqual(["2000000.00", "2060000.00", "2121800.00"]);
    expect(p.total).toEqual(major(6_181_800, USD));
    expect(p.uncapped).toBeUndefined();
  });

  it("compares with an uncapped 7% list uplift when one is given", () => {
    // 2,000,000; × 1.07 = 2,140,000; × 1.07 = 2,289,800; total 6,429,800; 6,429,800 − 6,181,800 = 248,000
    const p = project({ base: major(2_000_000, USD), years: 3, policy: cap3, list: percent(7) });
    expect(amounts(p.uncapped?.rows.map((r) => r.gross) ?? [])).toEqual([
      "2000000.00",
      "2140000.00",
      "2289800.00",
    ]);
    expect(p.uncapped?.total).toEqual(major(6_429_800, USD));
    expect(p.uncapped?.difference).toEqual(major(248_000, USD));
  });

  it("lesser-of CPI 4.1%, 3.2% and 3% gives 3%, 3%; CPI alone is the comparison", () => {
    // capped: same as the 3% cap, 6,181,800.
    // CPI alone: 2,000,000 × 1.041 = 2,082,000; × 1.032 = 2,148,624; total 6,230,624; diff 48,824
    const policy: UpliftPolicy = {
      kind: "lesser-of",
      cpi: [percent("4.1"), percent("3.2")],
      cap: percent(3),
    };
    const p = project({ base: major(2_000_000, USD), years: 3, policy });
    expect(p.rows.map((r) => r.uplift && toDecimalString(r.uplift))).toEqual([
      undefined,
      "0.03",
      "0.03",
    ]);
    expect(p.total).toEqual(major(6_181_800, USD));
    expect(p.uncapped?.total).toEqual(major(6_230_624, USD));
    expect(p.uncapped?.difference).toEqual(major(48_824, USD));
  });

  it("greater-of CPI 4.1%, 3.2% and 3% gives 4.1%, 3.2%, the same as CPI alone", () => {
    // 2,000,000 + 2,082,000 + 2,148,624 = 6,230,624
    const policy: UpliftPolicy = {
      kind: "greater-of",
      cpi: [percent("4.1"), percent("3.2")],
      minimum: percent(3),
    };
    const p = project({ base: major(2_000_000, USD), years: 3, policy });
    expect(p.rows.map((r) => r.reason)).toEqual([
      "base year",
      "CPI 4.1%, over the 3% minimum",
      "CPI 3.2%, over the 3% minimum",
    ]);
    expect(p.total).toEqual(major(6_230_624, USD));
    expect(p.uncapped?.difference).toEqual(major(0, USD));
    expect(p.trap).toBeUndefined();
  });

  it("a 1% floor lifts CPI 0.5% under lesser-of", () => {
    // £100,000; × 1.01 (floor) = £101,000; × 1.02 (CPI 2%) = £103,020; total £304,020
    const policy: UpliftPolicy = {
      kind: "lesser-of",
      cpi: [percent("0.5"), percent(2)],
      cap: percent(3),
      floor: percent(1),
    };
    const p = project({ base: major(100_000, GBP), years: 3, policy });
    expect(amounts(p.rows.map((r) => r.gross))).toEqual(["100000.00", "101000.00", "103020.00"]);
    expect(p.total).toEqual(major(304_020, GBP));
  });

  it("a 5% multi-year discount comes off every year", () => {
    // gross 2,000,000 / 2,060,000 / 2,121,800; discount 100,000 / 103,000 / 106,090;
    // net 1,900,000 / 1,957,000 / 2,015,710; total 5,872,710
    const p = project({
      base: major(2_000_000, USD),
      years: 3,
      policy: cap3,
      discount: percent(5),
    });
    expect(amounts(p.rows.map((r) => r.discount))).toEqual(["100000.00", "103000.00", "106090.00"]);
    expect(amounts(p.rows.map((r) => r.net))).toEqual(["1900000.00", "1957000.00", "2015710.00"]);
    expect(p.total).toEqual(major(5_872_710, USD));
  });

  it("rounds a half penny away from zero each year, and builds on the rounded price", () => {
    // 10,050p × 1.01 = 10,150.5p → 10,151p (£101.51); 10,151p × 1.01 = 10,252.51p → 10,253p
    // total 10,050 + 10,151 + 10,253 = 30,454p = £304.54
    const p = project({
      base: major("100.50", GBP),
      years: 3,
      policy: { kind: "cap", cap: percent(1) },
    });
    expect(p.rows.map((r) => r.gross.minor)).toEqual([10_050, 10_151, 10_253]);
    expect(p.rows[1]?.unrounded).toEqual(ratio(20_301n, 2n));
    expect(p.total).toEqual(major("304.54", GBP));
  });

  it("rounds a half-penny discount away from zero: 5% of £100.50 is £5.03", () => {
    // 10,050p × 5% = 502.5p → 503p; net 10,050 − 503 = 9,547p
    const p = project({ base: major("100.50", GBP), years: 1, policy: cap3, discount: percent(5) });
    expect(p.rows[0]?.discount.minor).toBe(503);
    expect(p.total).toEqual(money(9_547, GBP));
  });

  it("rounds to whole yen for JPY", () => {
    // ¥1,000,001 × 1.03 = ¥1,030,001.03 → ¥1,030,001
    const p = project({ base: major(1_000_001, JPY), years: 2, policy: cap3 });
    expect(p.rows[1]?.gross).toEqual(major(1_030_001, JPY));
  });

  it("names the trap of a per-year cap charged for the whole term", () => {
    // simple 3 × 3% = 9% → 2,000,000 × 1.09 = 2,180,000
    // compound 1.03³ − 1 = 0.092727 → 2,000,000 × 1.092727 = 2,185,454
    const p = project({ base: major(2_000_000, USD), years: 3, policy: cap3 });
    expect(p.trap && toDecimalString(p.trap.simple)).toBe("0.09");
    expect(p.trap && toDecimalString(p.trap.compound)).toBe("0.092727");
    expect(p.trap?.firstYearIfChargedForTerm).toEqual(major(2_180_000, USD));
    expect(p.trap?.firstYearIfCompounded).toEqual(major(2_185_454, USD));
  });

  it("has no trap for a one-year term or a policy without a per-year cap", () => {
    expect(project({ base: major(1000, GBP), years: 1, policy: cap3 }).trap).toBeUndefined();
    const list: UpliftPolicy = { kind: "list", uplift: percent(7) };
    expect(project({ base: major(1000, GBP), years: 3, policy: list }).trap).toBeUndefined();
  });

  it("reports CPI values beyond the term as unused", () => {
    const policy: UpliftPolicy = {
      kind: "cpi",
      cpi: [percent("4.1"), percent("3.2"), percent("2.8")],
    };
    const p = project({ base: major(1000, GBP), years: 3, policy });
    expect(p.unusedCpi.map((r) => toDecimalString(r))).toEqual(["0.028"]);
  });

  it("compares a fixed cap only with a list uplift that was given", () => {
    expect(comparisonPolicy(cap3, undefined)).toBeUndefined();
    expect(comparisonPolicy(cap3, percent(7))).toEqual({ kind: "list", uplift: percent(7) });
    expect(comparisonPolicy({ kind: "list", uplift: percent(7) }, percent(7))).toBeUndefined();
  });
});

describe("projectRenewal: bad input", () => {
  const base = major(1000, GBP);
  it.each<[string, RenewalInput, string, string]>([
    [
      "a zero base",
      { base: major(0, GBP), years: 3, policy: cap3 },
      "renewal.base_not_positive",
      "the base annual cost must be more than zero",
    ],
    [
      "0 years",
      { base, years: 0, policy: cap3 },
      "renewal.years_out_of_range",
      "the term must be 1 to 10 years, not 0",
    ],
    [
      "11 years",
      { base, years: 11, policy: cap3 },
      "renewal.years_out_of_range",
      "the term must be 1 to 10 years, not 11",
    ],
    [
      "a cap over 100%",
      { base, years: 3, policy: { kind: "cap", cap: percent(150) } },
      "renewal.percent_over_100",
      "the cap 150% is over 100%",
    ],
    [
      "a negative cap",
      { base, years: 3, policy: { kind: "cap", cap: percent(-3) } },
      "renewal.percent_negative",
      "the cap -3% is negative",
    ],
    [
      "a floor above the cap",
      { base, years: 3, policy: { kind: "cap", cap: percent(3), floor: percent(4) } },
      "renewal.floor_above_cap",
      "the floor 4% is above the 3% cap",
    ],
    [
      "too few CPI values",
      {
        base,
        years: 4,
        policy: { kind: "lesser-of", cpi: [percent("4.1"), percent("3.2")], cap: percent(3) },
      },
      "renewal.cpi_too_few",
      "a 4-year term needs 3 CPI values (for years 2 to 4); got 2",
    ],
    [
      "a CPI of -100%",
      { base, years: 2, policy: { kind: "cpi", cpi: [percent(-100)] } },
      "renewal.cpi_out_of_range",
      "the CPI value -100% is not a plausible inflation rate",
    ],
    [
      "a 100% discount",
      { base, years: 2, policy: cap3, discount: percent(100) },
      "renewal.discount_out_of_range",
      "the multi-year discount 100% must be at least 0% and under 100%",
    ],
    [
      "a negative list uplift",
      { base, years: 2, policy: cap3, list: percent(-7) },
      "renewal.percent_negative",
      "the list uplift -7% is negative",
    ],
  ])("rejects %s", (_label, input, code, message) => {
    expect(issueOf(input)).toMatchObject({ code, message });
    expect(issueOf(input)?.hint).toBeTruthy();
  });
});

describe("projectRenewal: properties", () => {
  const bps = (min: number, max: number) =>
    fc.integer({ min, max }).map((n): Ratio => ratio(BigInt(n), 10_000n));
  const baseArb = fc.integer({ min: 1, max: 10_000_000_000 }).map((n) => money(n, GBP));
  const yearsArb = fc.integer({ min: 1, max: 10 });
  const cpiArb = fc.array(bps(-500, 1500), { minLength: 9, maxLength: 9 });

  it("with a non-negative cap, every year costs at least the previous one", () => {
    fc.assert(
      fc.property(baseArb, yearsArb, bps(0, 10_000), (base, years, cap) => {
        const p = project({ base, years, policy: { kind: "cap", cap } });
        for (let i = 1; i < p.rows.length; i++) {
          expect(p.rows[i]?.gross.minor).toBeGreaterThanOrEqual(p.rows[i - 1]?.gross.minor ?? 0);
        }
      }),
    );
  });

  it("lesser-of never costs more than greater-of for the same CPI and percentage", () => {
    fc.assert(
      fc.property(baseArb, yearsArb, cpiArb, bps(0, 1000), (base, years, cpi, cap) => {
        const lesser = project({ base, years, policy: { kind: "lesser-of", cpi, cap } });
        const greater = project({ base, years, policy: { kind: "greater-of", cpi, minimum: cap } });
        expect(lesser.total.minor).toBeLessThanOrEqual(greater.total.minor);
      }),
    );
  });

  it("the total is exactly the sum of the yearly nets, with or without a discount", () => {
    fc.assert(
      fc.property(baseArb, yearsArb, cpiArb, bps(0, 9_999), (base, years, cpi, discount) => {
        const p = project({ base, years, policy: { kind: "cpi", cpi }, discount });
        const sum = p.rows.reduce((acc, r) => acc + r.net.minor, 0);
        expect(p.total.minor).toBe(sum);
        for (const r of p.rows) expect(r.net.minor).toBe(r.gross.minor - r.discount.minor);
      }),
    );
  });

  it("the full fixed cap is the worst case of lesser-of at the same cap", () => {
    fc.assert(
      fc.property(baseArb, yearsArb, cpiArb, bps(0, 1000), (base, years, cpi, cap) => {
        const full = project({ base, years, policy: { kind: "cap", cap } });
        const lesser = project({ base, years, policy: { kind: "lesser-of", cpi, cap } });
        expect(lesser.total.minor).toBeLessThanOrEqual(full.total.minor);
      }),
    );
  });
});
