import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Attribution,
  attribute,
  averageSeatAnnual,
  compareUsers,
  rateChanges,
} from "../../src/core/attribution.js";
import { costScenario, type ScenarioCost } from "../../src/core/cost.js";
import type { LicenceLine, LicenceType, PricePeriod, Scenario } from "../../src/core/licence.js";
import { currency, major, money } from "../../src/core/money.js";
import { ONE, ratio } from "../../src/core/ratio.js";

const GBP = currency("GBP");
const named = (quantity: number, price: number | string, period: PricePeriod = "month") =>
  ({ type: "named", quantity, unitPrice: major(price, GBP), period }) as LicenceLine;
const conc = (quantity: number, price: number | string, period: PricePeriod = "month") =>
  ({ type: "concurrent", quantity, unitPrice: major(price, GBP), period }) as LicenceLine;
const plan = (name: string, lines: LicenceLine[], usersCovered?: number): Scenario =>
  usersCovered === undefined ? { name, lines } : { name, lines, usersCovered };

function costed(s: Scenario): ScenarioCost {
  const r = costScenario(s, 1);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function attributed(option: Scenario, baseline: Scenario): Attribution {
  const r = attribute(costed(option), costed(baseline));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const pounds = (a: Attribution) => ({
  quantity: a.quantity.minor / 100,
  rate: a.rate.minor / 100,
  mix: a.mix.minor / 100,
  total: a.total.minor / 100,
});

const baseline500 = plan("named-only", [named(500, 100)]);

describe("attribute", () => {
  it("THE CHECK: 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100", () => {
    // C0 = 500 × 100 × 12 = 600,000. The option states no users, so it is assumed to cover the
    // baseline's 500: C1 = 600,000 → quantity 0. C2 = 500 × 70 × 12 = 420,000 → rate
    // 600,000 − 420,000 = 180,000 (= 500 × (100 − 70) × 12). C3 = 294,000 → mix 126,000.
    const a = attributed(plan("mixed", [named(150, 70), conc(100, 140)]), baseline500);
    expect(pounds(a)).toEqual({ quantity: 0, rate: 180_000, mix: 126_000, total: 306_000 });
    expect(a.users).toEqual({ basis: "option-assumed", baseline: 500, option: 500, factor: ONE });
    expect(a.rescaledAnnual).toEqual(major(600_000, GBP));
    expect(a.repricedAnnual).toEqual(major(420_000, GBP));
    expect(rateChanges(a)).toEqual([{ type: "named", lower: true }]);
  });

  it("a pure seat reduction is all quantity: 400 vs 500 named @ 100 → £120,000", () => {
    // C0 = 600,000; C1 = 600,000 × 400/500 = 480,000; C2 = 400 × 1,200 = 480,000 = C3.
    const a = attributed(plan("fewer", [named(400, 100)]), baseline500);
    expect(pounds(a)).toEqual({ quantity: 120_000, rate: 0, mix: 0, total: 120_000 });
    expect(a.users.basis).toBe("both-known");
  });

  it("a stated `for 350 users` rescales the baseline first", () => {
    // Option: 150 × 70 × 12 + 100 × 1,680 = 126,000 + 168,000 = 294,000, for 350 users.
    // C1 = 600,000 × 350/500 = 420,000 → quantity 180,000. C2 = 350 × 70 × 12 = 294,000 →
    // rate 126,000. mix = 294,000 − 294,000 = 0. Total 306,000.
    const option = plan("mixed", [named(150, 70), conc(100, 1680, "year")], 350);
    const a = attributed(option, baseline500);
    expect(pounds(a)).toEqual({ quantity: 180_000, rate: 126_000, mix: 0, total: 306_000 });
  });

  it("costs more: 100 concurrent @ 700 vs 500 named @ 100 is all licensing model, −£240,000", () => {
    // C0 = C1 = C2 = 600,000 (the option has no named rate, so the baseline's is kept);
    // C3 = 100 × 700 × 12 = 840,000 → mix = 600,000 − 840,000 = −240,000.
    const a = attributed(plan("conc", [conc(100, 700)]), baseline500);
    expect(pounds(a)).toEqual({ quantity: 0, rate: 0, mix: -240_000, total: -240_000 });
    expect(a.repriced[0]?.rateFrom).toBe("baseline");
    expect(rateChanges(a)).toEqual([]);
  });

  it("counts seats when neither side knows its users but both buy the same types", () => {
    // C0 = 120 × 130 × 12 = 187,200; C1 = 187,200 × 100/120 = 156,000 → quantity 31,200;
    // C2 = 100 × 140 × 12 = 168,000 → rate −12,000 (a higher rate); mix 0; total 19,200.
    const a = attributed(plan("a", [conc(100, 140)]), plan("b", [conc(120, 130)]));
    expect(a.users.basis).toBe("seats-counted");
    expect(pounds(a)).toEqual({ quantity: 31_200, rate: -12_000, mix: 0, total: 19_200 });
    expect(rateChanges(a)).toEqual([{ type: "concurrent", lower: false }]);
  });

  it("assumes equal users when neither side knows and the types differ", () => {
    // C0 = 100 × 60 × 12 + 50 × 150 × 12 = 72,000 + 90,000 = 162,000 = C1.
    // C2 = 100 named at the baseline's 720/yr (option has none) + 50 conc at 1,680/yr
    //    = 72,000 + 84,000 = 156,000 → rate 6,000. C3 = 100 × 140 × 12 = 168,000 → mix −12,000.
    const a = attributed(
      plan("conc", [conc(100, 140)]),
      plan("mixed", [named(100, 60), conc(50, 150)]),
    );
    expect(a.users).toEqual({ basis: "assumed-equal", factor: ONE });
    expect(pounds(a)).toEqual({ quantity: 0, rate: 6_000, mix: -12_000, total: -6_000 });
  });

  it("assumes the baseline covers the option's users when only the option's are known", () => {
    // Option 300 named @ 90 covers 300; baseline 100 conc @ 150 is assumed to cover 300 too.
    // C0 = C1 = C2 = 180,000 (no concurrent rate in the option); C3 = 324,000 → mix −144,000.
    const a = attributed(plan("named", [named(300, 90)]), plan("conc", [conc(100, 150)]));
    expect(a.users).toMatchObject({ basis: "baseline-assumed", baseline: 300, option: 300 });
    expect(pounds(a)).toEqual({ quantity: 0, rate: 0, mix: -144_000, total: -144_000 });
  });

  it("rounds each intermediate once and still sums exactly (fractional seats)", () => {
    // Seats counted: 250 vs 340. C0 = 324,000 + 76,800 = 400,800.
    // C1 = 40,080,000p × 250/340 = 29,470,588.235p → £294,705.88; quantity £106,094.12.
    // C2 = (300 × 96,000p + 40 × 180,000p) × 250/340 = 26,470,588.235p → £264,705.88;
    // rate £30,000. C3 = 192,000 + 90,000 = 282,000; mix −£17,294.12. Sum 118,800.
    const a = attributed(
      plan("opt", [named(200, 80), conc(50, 150)]),
      plan("base", [named(300, 90), conc(40, 160)]),
    );
    expect(a.rescaledAnnual).toEqual(money(29_470_588, GBP));
    expect(a.repricedAnnual).toEqual(money(26_470_588, GBP));
    expect(pounds(a)).toEqual({
      quantity: 106_094.12,
      rate: 30_000,
      mix: -17_294.12,
      total: 118_800,
    });
    expect(a.repriced[0]?.seats).toEqual(ratio(7500, 34)); // 300 × 250/340
  });

  it("uses the option's average rate over several lines of one type", () => {
    // Option: 100 @ 60 + 100 @ 80 named → 72,000 + 96,000 = 168,000; average 840/yr per seat.
    // C0 = C1 = 200 × 1,200 = 240,000; C2 = 200 × 840 = 168,000 → rate 72,000; mix 0.
    const option = costed(plan("two", [named(100, 60), named(100, 80)]));
    expect(averageSeatAnnual(option, "named")).toEqual(ratio(84_000)); // pence per seat-year
    expect(averageSeatAnnual(option, "concurrent")).toBeUndefined();
    const a = attribute(option, costed(plan("base", [named(200, 100)])));
    expect(a.ok && pounds(a.value)).toEqual({ quantity: 0, rate: 72_000, mix: 0, total: 72_000 });
  });

  it("refuses a rescaled baseline too large to keep exact", () => {
    // Baseline 1 concurrent for 1 user vs an option for 10,000,000 users: the baseline at
    // £10,000,000/mo × 12 = 1.2 × 10^10 pence, × 10,000,000 users ≈ 1.2 × 10^17, above 2^51.
    const r = attribute(
      costed(plan("o", [conc(1, 1)], 10_000_000)),
      costed(plan("b", [conc(1, 10_000_000)], 1)),
    );
    expect(!r.ok && r.issues[0]?.code).toBe("money.too_large");
  });
});

describe("compareUsers", () => {
  it("takes both counts when both are known", () => {
    const u = compareUsers(baseline500, plan("m", [named(100, 1), conc(10, 1)], 250));
    expect(u).toEqual({ basis: "both-known", baseline: 500, option: 250, factor: ratio(1, 2) });
  });
  it("counts seats of mixed plans that state no users", () => {
    const u = compareUsers(
      plan("b", [named(100, 1), conc(50, 1)]),
      plan("o", [named(80, 1), conc(40, 1)]),
    );
    expect(u).toEqual({ basis: "seats-counted", baseline: 150, option: 120, factor: ratio(4, 5) });
  });
});

const lineArb = fc.record({
  type: fc.constantFrom<LicenceType>("named", "concurrent"),
  quantity: fc.integer({ min: 1, max: 3000 }),
  minor: fc.integer({ min: 1, max: 2_000_000 }),
  period: fc.constantFrom<PricePeriod>("month", "year"),
});
const planArb = fc
  .tuple(
    fc.array(lineArb, { minLength: 1, maxLength: 4 }),
    fc.option(fc.integer({ min: 0, max: 20_000 })),
  )
  .map(([lines, extra]): Scenario => {
    const built = lines.map((l) => ({
      type: l.type,
      quantity: l.quantity,
      unitPrice: money(l.minor, GBP),
      period: l.period,
    }));
    const namedSeats = built.filter((l) => l.type === "named").reduce((n, l) => n + l.quantity, 0);
    const hasPool = built.some((l) => l.type === "concurrent");
    // A valid `for N users` only exists for plans with a pool, and covers at least the named seats.
    return hasPool && extra !== null
      ? { name: "p", lines: built, usersCovered: Math.max(1, namedSeats + extra) }
      : { name: "p", lines: built };
  });

describe("attribution properties", () => {
  it("quantity + rate + mix = baseline − option, exactly, whatever the plans", () => {
    fc.assert(
      fc.property(planArb, planArb, (option, baseline) => {
        const a = attribute(costed(option), costed(baseline));
        expect(a.ok).toBe(true);
        if (!a.ok) return;
        const { quantity, rate, mix, total } = a.value;
        expect(quantity.minor + rate.minor + mix.minor).toBe(total.minor);
        expect(total.minor).toBe(costed(baseline).annual.minor - costed(option).annual.minor);
      }),
      { numRuns: 500 },
    );
  });

  it("comparing a plan with itself attributes nothing", () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const a = attribute(costed(p), costed(p));
        expect(a.ok && [a.value.quantity.minor, a.value.rate.minor, a.value.mix.minor]).toEqual([
          0, 0, 0,
        ]);
      }),
    );
  });
});
