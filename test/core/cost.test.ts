import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedMoney, costLine, costScenario, savingAgainst } from "../../src/core/cost.js";
import type { LicenceLine, LicenceType, PricePeriod, Scenario } from "../../src/core/licence.js";
import { currency, major, money } from "../../src/core/money.js";
import { compare, ratio, ZERO } from "../../src/core/ratio.js";

const GBP = currency("GBP");
const JPY = currency("JPY");
const line = (
  type: LicenceType,
  quantity: number,
  price: number | string,
  period: PricePeriod = "month",
): LicenceLine => ({ type, quantity, unitPrice: major(price, GBP), period });
const plan = (name: string, ...lines: LicenceLine[]): Scenario => ({ name, lines });

function costed(s: Scenario, years = 1) {
  const r = costScenario(s, years);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("costLine", () => {
  it("costs a monthly price: 150 × £70 × 12 = £126,000 a year, 150 × £70 = £10,500 a month", () => {
    const r = costLine(line("named", 150, 70));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.seatAnnual).toEqual(major(840, GBP)); // £70 × 12
    expect(r.value.annual).toEqual(major(126_000, GBP));
    expect(r.value.monthly).toEqual(major(10_500, GBP));
    expect(r.value.monthlyExact).toBe(true);
  });

  it("costs a /yr price: 100 × £1,680 = £168,000 a year, ÷ 12 = £14,000 a month", () => {
    const r = costLine(line("concurrent", 100, 1680, "year"));
    expect(r.ok && r.value.annual).toEqual(major(168_000, GBP));
    expect(r.ok && r.value.monthly).toEqual(major(14_000, GBP));
    expect(r.ok && r.value.monthlyExact).toBe(true);
  });

  it("rounds a /yr price's monthly figure once: 100 × £1,000 ÷ 12 = £8,333.333… → £8,333.33", () => {
    const r = costLine(line("concurrent", 100, 1000, "year"));
    expect(r.ok && r.value.annual).toEqual(major(100_000, GBP));
    expect(r.ok && r.value.monthly).toEqual(major("8333.33", GBP));
    expect(r.ok && r.value.monthlyExact).toBe(false);
  });

  it("rounds half a penny away from zero: 1 × £0.06/yr ÷ 12 = 0.5p → 1p", () => {
    const r = costLine(line("named", 1, "0.06", "year"));
    expect(r.ok && r.value.monthly).toEqual(money(1, GBP));
  });

  it("works in a currency without minor units: 3 × ¥1,000 × 12 = ¥36,000", () => {
    const r = costLine({
      type: "named",
      quantity: 3,
      unitPrice: major(1000, JPY),
      period: "month",
    });
    expect(r.ok && r.value.annual).toEqual(money(36_000, JPY));
  });

  it("refuses a total too large to keep exact instead of throwing", () => {
    // 1,000,000 seats × £9,999,999,999 × 12 ≈ 1.2 × 10^19 pence, far above 2^51.
    const r = costLine(line("named", 1_000_000, 9_999_999_999));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: "money.too_large",
      message: "the cost of 1000000 named is too large to calculate exactly",
    });
  });
});

describe("costScenario", () => {
  const mixed = plan("mixed", line("named", 150, 70), line("concurrent", 100, 140));

  it("adds the lines: £126,000 + £168,000 = £294,000 a year, £24,500 a month", () => {
    const c = costed(mixed);
    expect(c.annual).toEqual(major(294_000, GBP));
    expect(c.monthly).toEqual(major(24_500, GBP));
    expect(c.term).toBeUndefined(); // one year: no term figures
  });

  it("gives a flat term only when years > 1: £294,000 × 3 = £882,000", () => {
    expect(costed(mixed, 3).term).toEqual(major(882_000, GBP));
    expect(costed(mixed, 3).annual).toEqual(major(294_000, GBP)); // no uplift
  });

  it("rounds the plan's monthly figure once from the exact total, not line by line", () => {
    // Lines: 1 × £1.01/yr and 1 × £1.01/yr: each 101/12 = 8.4166p → 8p, but the plan is
    // 202/12 = 16.833p → 17p (line-by-line rounding would give 16p).
    const c = costed(plan("p", line("named", 1, "1.01", "year"), line("named", 1, "1.01", "year")));
    expect(c.lines.map((l) => l.monthly.minor)).toEqual([8, 8]);
    expect(c.monthly).toEqual(money(17, GBP));
    expect(c.monthlyExact).toBe(false);
  });

  it("fails on an empty plan", () => {
    const r = costScenario(plan("empty"), 1);
    expect(!r.ok && r.issues[0]?.code).toBe("scenario.empty");
  });
});

describe("savingAgainst", () => {
  const baseline = plan("named-only", line("named", 500, 100));
  const mixed = plan("mixed", line("named", 150, 70), line("concurrent", 100, 140));

  it("THE CHECK: £600,000 − £294,000 = £306,000, which is 51% of £600,000", () => {
    const s = savingAgainst(costed(mixed), costed(baseline));
    expect(s.annual).toEqual(major(306_000, GBP));
    expect(s.percent).toEqual(ratio(51, 100));
    expect(s.term).toBeUndefined();
  });

  it("over 3 years: £1,800,000 − £882,000 = £918,000", () => {
    const s = savingAgainst(costed(mixed, 3), costed(baseline, 3));
    expect(s.term).toEqual(major(918_000, GBP));
  });

  it("is negative when the option costs more: 600 × £100 × 12 = £720,000 → −£120,000, −20%", () => {
    const s = savingAgainst(costed(plan("more", line("named", 600, 100))), costed(baseline));
    expect(s.annual).toEqual(major(-120_000, GBP));
    expect(s.percent).toEqual(ratio(-1, 5));
  });

  it("is zero for the same cost", () => {
    const s = savingAgainst(costed(baseline), costed(baseline));
    expect(s.annual.minor).toBe(0);
    expect(s.percent).toEqual(ZERO);
  });
});

describe("checkedMoney", () => {
  it("accepts 2^51 − 1 minor units and refuses 2^51", () => {
    expect(checkedMoney(2n ** 51n - 1n, GBP, "x").ok).toBe(true);
    expect(checkedMoney(2n ** 51n, GBP, "x").ok).toBe(false);
    expect(checkedMoney(-(2n ** 51n), GBP, "x").ok).toBe(false);
  });
});

const lineArb = fc.record({
  type: fc.constantFrom<LicenceType>("named", "concurrent"),
  quantity: fc.integer({ min: 1, max: 5000 }),
  minor: fc.integer({ min: 1, max: 5_000_000 }),
  period: fc.constantFrom<PricePeriod>("month", "year"),
});
const toLine = (l: { type: LicenceType; quantity: number; minor: number; period: PricePeriod }) =>
  ({
    type: l.type,
    quantity: l.quantity,
    unitPrice: money(l.minor, GBP),
    period: l.period,
  }) as const;

describe("properties", () => {
  it("annual = 12 × monthly exactly when every price is monthly", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 5 }), (lines) => {
        const s = plan("p", ...lines.map((l) => toLine({ ...l, period: "month" })));
        const c = costed(s);
        expect(c.annual.minor).toBe(12 * c.monthly.minor);
        expect(c.monthlyExact).toBe(true);
      }),
    );
  });

  it("the plan's annual cost is the sum of its lines' annual costs", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 5 }), (lines) => {
        const c = costed(plan("p", ...lines.map(toLine)));
        expect(c.annual.minor).toBe(c.lines.reduce((n, l) => n + l.annual.minor, 0));
      }),
    );
  });

  it("the saving percent has the sign of the saving", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 4 }),
        fc.array(lineArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (a, b, years) => {
          const s = savingAgainst(
            costed(plan("a", ...a.map(toLine)), years),
            costed(plan("b", ...b.map(toLine)), years),
          );
          expect(compare(s.percent, ZERO)).toBe(Math.sign(s.annual.minor) || 0);
          if (years > 1) expect(s.term?.minor).toBe(s.annual.minor * years);
        },
      ),
    );
  });
});
