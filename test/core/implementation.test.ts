import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareImplementation,
  type ImplementationComparison,
  type ImplementationInput,
  worstCaseOverFixed,
} from "../../src/core/implementation.js";
import { currency, major, money } from "../../src/core/money.js";
import { percent } from "../../src/core/percent.js";
import { ratio, toDecimalString } from "../../src/core/ratio.js";

const GBP = currency("GBP");
const tm60 = {
  days: ratio(60n),
  dayRate: major(1200, GBP),
  overrunLow: percent(10),
  overrunHigh: percent(40),
};

function compare(input: ImplementationInput): ImplementationComparison {
  const r = compareImplementation(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function issueOf(input: ImplementationInput) {
  const r = compareImplementation(input);
  if (r.ok) throw new Error("expected a failure");
  return r.issues[0];
}

describe("compareImplementation", () => {
  it("costs fixed vs T&M with an overrun range and the first-year TCO", () => {
    // T&M: 60 × £1,200 = £72,000; × 1.1 = £79,200; × 1.4 = £100,800
    // TCO: £294,000 + £45,000 = £339,000; + £72,000 = £366,000; + £79,200 = £373,200;
    //      + £100,800 = £394,800
    const c = compare({
      fixed: major(45_000, GBP),
      timeAndMaterials: tm60,
      annualSubscription: major(294_000, GBP),
    });
    expect(c.timeAndMaterials?.estimate).toEqual(major(72_000, GBP));
    expect(c.timeAndMaterials?.low).toEqual(major(79_200, GBP));
    expect(c.timeAndMaterials?.high).toEqual(major(100_800, GBP));
    expect(c.firstYearTco).toEqual({
      fixed: major(339_000, GBP),
      tmEstimate: major(366_000, GBP),
      tmLow: major(373_200, GBP),
      tmHigh: major(394_800, GBP),
    });
    expect(c.cheaper).toBe("fixed");
    expect(c.breakEvenOverrun).toBeUndefined();
    // worst case over fixed: £100,800 − £45,000 = £55,800
    expect(worstCaseOverFixed(c)).toEqual(major(55_800, GBP));
  });

  it("finds the overrun at which a cheaper T&M estimate reaches the fixed price", () => {
    // 40 × £1,000 = £40,000 < £45,000; break-even 45,000 ÷ 40,000 − 1 = 12.5%
    const c = compare({
      fixed: major(45_000, GBP),
      timeAndMaterials: { ...tm60, days: ratio(40n), dayRate: major(1000, GBP) },
    });
    expect(c.cheaper).toBe("time-and-materials");
    expect(c.breakEvenOverrun && toDecimalString(c.breakEvenOverrun)).toBe("0.125");
    expect(c.firstYearTco).toBeUndefined();
  });

  it("calls equal quotes equal", () => {
    const c = compare({ fixed: major(72_000, GBP), timeAndMaterials: tm60 });
    expect(c.cheaper).toBe("equal");
  });

  it("rounds a fractional-day estimate once, half away from zero", () => {
    // 2.5 × 33,333p = 83,332.5p → 83,333p; × 1.1 = 91,666.3p → 91,666p
    const c = compare({
      timeAndMaterials: {
        days: ratio(5n, 2n),
        dayRate: major("333.33", GBP),
        overrunLow: percent(10),
        overrunHigh: percent(10),
      },
    });
    expect(c.timeAndMaterials?.estimate).toEqual(money(83_333, GBP));
    expect(c.timeAndMaterials?.high).toEqual(money(91_666, GBP));
    expect(c.cheaper).toBeUndefined();
  });

  it("gives a fixed-only TCO without T&M figures", () => {
    const c = compare({ fixed: major(45_000, GBP), annualSubscription: major(294_000, GBP) });
    expect(c.firstYearTco).toEqual({ fixed: major(339_000, GBP) });
    expect(worstCaseOverFixed(c)).toBeUndefined();
  });

  it.each<[string, ImplementationInput, string, string]>([
    [
      "neither quote",
      { annualSubscription: major(1000, GBP) },
      "impl.nothing_to_compare",
      "give a fixed price, or days and a day rate for time and materials (or both)",
    ],
    [
      "zero days",
      { timeAndMaterials: { ...tm60, days: ratio(0n) } },
      "impl.days_not_positive",
      "the number of days must be more than zero, not 0",
    ],
    [
      "a zero day rate",
      { timeAndMaterials: { ...tm60, dayRate: major(0, GBP) } },
      "impl.day_rate_not_positive",
      "the day rate must be more than zero",
    ],
    [
      "a reversed overrun range",
      { timeAndMaterials: { ...tm60, overrunLow: percent(40), overrunHigh: percent(10) } },
      "impl.overrun_reversed",
      "the overrun range 40-10% runs backwards",
    ],
    [
      "a negative overrun",
      { timeAndMaterials: { ...tm60, overrunLow: percent(-10) } },
      "impl.overrun_negative",
      "the overrun range -10%–40% can't be negative",
    ],
    [
      "a negative fixed price",
      { fixed: major(-5, GBP) },
      "impl.fixed_not_positive",
      "the fixed price must be more than zero",
    ],
  ])("rejects %s", (_label, input, code, message) => {
    expect(issueOf(input)).toMatchObject({ code, message });
  });

  it("property: T&M cost never falls as the days grow", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (halfDays, extraHalfDays, rateMinor, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const cost = (half: number) =>
            compare({
              timeAndMaterials: {
                days: ratio(BigInt(half), 2n),
                dayRate: money(rateMinor, GBP),
                overrunLow: percent(low),
                overrunHigh: percent(high),
              },
            }).timeAndMaterials;
          const fewer = cost(halfDays);
          const more = cost(halfDays + extraHalfDays);
          expect(more?.estimate.minor).toBeGreaterThanOrEqual(fewer?.estimate.minor ?? 0);
          expect(more?.low.minor).toBeGreaterThanOrEqual(fewer?.low.minor ?? 0);
          expect(more?.high.minor).toBeGreaterThanOrEqual(fewer?.high.minor ?? 0);
        },
      ),
    );
  });
});
