import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currency, type Money, major, money } from "../../src/core/money.js";
import {
  analyseTiers,
  buyUpPoint,
  forecastTiers,
  type TierPosition,
} from "../../src/core/tier-forecast.js";
import { type PriceBook, priceBook, type RatePeriod, type TierMode } from "../../src/core/tiers.js";

const GBP = currency("GBP");
const USD = currency("USD");

type Row = readonly [from: number, to: number | undefined, rate: number | string];
function book(
  rows: readonly Row[],
  mode: TierMode = "all-units",
  code = USD,
  period: RatePeriod = "month",
): PriceBook {
  const tiers = rows.map(([from, to, rate]) => ({ from, to, rate: major(rate, code) }));
  const r = priceBook(tiers, mode, period, code);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function position(b: PriceBook, quantity: number): TierPosition {
  const r = analyseTiers(b, quantity);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const usd = (amount: number | string): Money => major(amount, USD);
const gbp = (amount: number | string): Money => major(amount, GBP);

const SMALL: readonly Row[] = [
  [1, 5, 7],
  [6, undefined, "6.50"],
];
const HUNDRED: readonly Row[] = [
  [1, 99, 50],
  [100, undefined, 45],
];
const HALO: readonly Row[] = [
  [1, 99, 75],
  [100, 249, 70],
  [250, undefined, 62],
];

describe("next break (all-units)", () => {
  it("5 seats @ $7 vs buying up to 6 @ $6.50: buying up is NOT cheaper", () => {
    const p = position(book(SMALL), 5);
    // stay: 5 × $7 = $35/mo; buy up: 6 × $6.50 = $39/mo
    expect(p.monthly).toEqual(usd(35));
    expect(p.nextBreak?.buyUp.monthly).toEqual(usd(39));
    expect(p.nextBreak?.buyUpCheaper).toBe(false);
    // $35 − $39 = −$4 a month
    expect(p.nextBreak?.buyUpSaving.monthly).toEqual(usd(-4));
    expect(p.nextBreak?.seatsAway).toBe(1);
    // ⌈6 × 650 ÷ 700⌉ = ⌈5.57⌉ = 6, which is the break itself: no buy-up point in 1-5
    expect(p.nextBreak?.buyUpPoint).toBeUndefined();
  });

  it("95 seats @ $50 vs 100 @ $45: buying up IS cheaper by $250/mo ($3,000/yr)", () => {
    const p = position(book(HUNDRED), 95);
    // stay: 95 × $50 = $4,750; buy up: 100 × $45 = $4,500
    expect(p.monthly).toEqual(usd(4_750));
    expect(p.annual).toEqual(usd(57_000));
    const nb = p.nextBreak;
    expect(nb?.buyUp).toEqual({ monthly: usd(4_500), annual: usd(54_000) });
    expect(nb?.buyUpCheaper).toBe(true);
    // $4,750 − $4,500 = $250/mo; × 12 = $3,000/yr
    expect(nb?.buyUpSaving).toEqual({ monthly: usd(250), annual: usd(3_000) });
    // ask: 95 × $45 = $4,275; saving $475/mo, $5,700/yr
    expect(nb?.ask.monthly).toEqual(usd(4_275));
    expect(nb?.askSaving).toEqual({ monthly: usd(475), annual: usd(5_700) });
    expect(nb?.seatsAway).toBe(5);
  });

  it("the buy-up point for 1-99 @ 50, 100+ @ 45 is 90 seats (100 × 45 = 4,500 = 90 × 50)", () => {
    const b = book(HUNDRED);
    expect(position(b, 95).nextBreak?.buyUpPoint).toBe(90);
    // at 89: 89 × 50 = 4,450 < 4,500 → not cheaper; at 90: equal → not strictly cheaper
    expect(position(b, 89).nextBreak?.buyUpCheaper).toBe(false);
    expect(position(b, 90).nextBreak?.buyUpCheaper).toBe(false);
    expect(position(b, 90).nextBreak?.buyUpSaving.monthly).toEqual(usd(0));
    expect(position(b, 91).nextBreak?.buyUpCheaper).toBe(true);
  });

  it("no buy-up point when the next rate is not lower", () => {
    const b = book([
      [1, 99, 50],
      [100, undefined, 55],
    ]);
    const [low, high] = b.tiers;
    if (!low || !high) throw new Error("two tiers expected");
    expect(buyUpPoint(low, high)).toBeUndefined();
  });

  it("the buy-up point is at least the tier's own start", () => {
    // ⌈6 × 100 ÷ 700⌉ = 1 → the whole 1-5 tier
    const b = book([
      [1, 5, 7],
      [6, undefined, 1],
    ]);
    expect(position(b, 3).nextBreak?.buyUpPoint).toBe(1);
  });

  it("240 seats all-units: £16,800/mo at £70; the 250+ break is 10 away; the ask saves £23,040/yr", () => {
    const p = position(book(HALO, "all-units", GBP), 240);
    // 240 × £70 = £16,800; × 12 = £201,600
    expect(p.monthly).toEqual(gbp(16_800));
    expect(p.annual).toEqual(gbp(201_600));
    expect(p.nextBreak?.seatsAway).toBe(10);
    // ask: 240 × £62 = £14,880; saving (70 − 62) × 240 = £1,920/mo; × 12 = £23,040
    expect(p.nextBreak?.askSaving).toEqual({ monthly: gbp(1_920), annual: gbp(23_040) });
    // buy up: 250 × £62 = £15,500 < £16,800 → cheaper by £1,300/mo
    expect(p.nextBreak?.buyUp.monthly).toEqual(gbp(15_500));
    expect(p.nextBreak?.buyUpCheaper).toBe(true);
    // ⌈250 × 62 ÷ 70⌉ = ⌈221.43⌉ = 222
    expect(p.nextBreak?.buyUpPoint).toBe(222);
  });

  it("the last tier has no next break", () => {
    expect(position(book(HALO), 300).nextBreak).toBeUndefined();
  });

  it("a yearly book keeps the annual figure exact and rounds the month once", () => {
    // 7 × $1,000.01/yr = $7,000.07/yr; ÷ 12 = $583.339… → $583.34/mo
    const p = position(book([[1, undefined, "1000.01"]], "all-units", USD, "year"), 7);
    expect(p.annual).toEqual(usd("7000.07"));
    expect(p.monthly).toEqual(usd("583.34"));
  });
});

describe("next break (graduated)", () => {
  const graduated = book(HALO, "graduated", GBP);

  it("240 seats: 99 × 75 + 141 × 70 = £17,295/mo", () => {
    const p = position(graduated, 240);
    expect(p.monthly).toEqual(gbp(17_295));
    expect(p.annual).toEqual(gbp(207_540));
  });

  it("the ask prices the 100-249 band at £62: 7,425 + 141 × 62 = £16,167/mo", () => {
    const nb = position(graduated, 240).nextBreak;
    expect(nb?.ask.monthly).toEqual(gbp(16_167));
    // 17,295 − 16,167 = 1,128 = 141 × (70 − 62)
    expect(nb?.askSaving.monthly).toEqual(gbp(1_128));
  });

  it("buying up never pays: 250 seats cost 7,425 + 150 × 70 + 1 × 62 = £17,987", () => {
    const nb = position(graduated, 240).nextBreak;
    expect(nb?.buyUp.monthly).toEqual(gbp(17_987));
    expect(nb?.buyUpCheaper).toBe(false);
    expect(nb?.buyUpPoint).toBeUndefined();
  });
});

describe("forecast", () => {
  const halo = book(HALO, "all-units", GBP);

  it("260 within 6 months from 240 crosses the 250+ break: ask £62 now, worth £23,040 a year", () => {
    const r = forecastTiers(position(halo, 240), 260, 6);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.tier.from).toBe(250);
    expect(r.value.crossesBreak).toBe(true);
    expect(r.value.recommend).toBe(true);
    expect(r.value.withinMonths).toBe(6);
    // 240 × (70 − 62) × 12 = 23,040
    expect(r.value.saving.annual).toEqual(gbp(23_040));
    expect(r.value.ask.monthly).toEqual(gbp(14_880));
  });

  it("a forecast that stays in the tier recommends nothing", () => {
    const r = forecastTiers(position(halo, 240), 245);
    expect(r.ok && r.value.crossesBreak).toBe(false);
    expect(r.ok && r.value.recommend).toBe(false);
    expect(r.ok && r.value.saving.annual).toEqual(gbp(0));
  });

  it("crossing two breaks asks for the landing tier's rate (95 → 300: £62 on 95 seats)", () => {
    const r = forecastTiers(position(halo, 95), 300, 12);
    // 95 × (75 − 62) × 12 = 95 × 13 × 12 = 14,820
    expect(r.ok && r.value.saving.annual).toEqual(gbp(14_820));
  });

  it("graduated: the saving is the current band at the forecast rate (141 × 8 × 12 = £13,536)", () => {
    const r = forecastTiers(position(book(HALO, "graduated", GBP), 240), 260, 6);
    expect(r.ok && r.value.saving.annual).toEqual(gbp(13_536));
  });

  it("does not recommend when the landing tier's rate is not lower", () => {
    const rising = book(
      [
        [1, 99, 50],
        [100, undefined, 55],
      ],
      "all-units",
      GBP,
    );
    const r = forecastTiers(position(rising, 90), 120, 3);
    expect(r.ok && r.value.crossesBreak).toBe(true);
    expect(r.ok && r.value.recommend).toBe(false);
  });

  it.each([
    [
      200,
      6,
      "forecast.below_quantity",
      "your forecast of 200 is below today's 240 seats; a forecast here is growth",
    ],
    [
      260,
      0,
      "forecast.months_not_positive",
      "the forecast horizon must be a whole number of months, at least 1 (it is 0)",
    ],
    [2.5, 6, "quantity.not_whole", "your forecast of 2.5 is not a whole number of seats"],
  ])("rejects a forecast of %s within %s months", (n, months, code, message) => {
    const r = forecastTiers(position(halo, 240), n, months);
    expect(!r.ok && r.issues[0]).toMatchObject({ code, message });
  });

  it("rejects a forecast above a closed last tier", () => {
    const closed = book(
      [
        [1, 99, 75],
        [100, 249, 70],
      ],
      "all-units",
      GBP,
    );
    const r = forecastTiers(position(closed, 240), 300, 6);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: "tiers.above_last",
      message: "your forecast of 300 is above the last tier, which ends at 249",
    });
  });
});

describe("properties", () => {
  /** Two-tier all-units books: 1..(B−1) @ r, B+ @ r′. */
  const arbTwoTier = fc
    .record({
      breakAt: fc.integer({ min: 2, max: 1_000 }),
      rate: fc.integer({ min: 1, max: 100_000 }),
      nextRate: fc.integer({ min: 1, max: 100_000 }),
    })
    .chain(({ breakAt, rate, nextRate }) =>
      fc.tuple(
        fc.constant(
          priceBook(
            [
              { from: 1, to: breakAt - 1, rate: money(rate, USD) },
              { from: breakAt, rate: money(nextRate, USD) },
            ],
            "all-units",
            "month",
            USD,
          ),
        ),
        fc.integer({ min: 1, max: breakAt - 1 }),
      ),
    );

  it("under all-units, buying up costs no more exactly from the buy-up point", () => {
    fc.assert(
      fc.property(arbTwoTier, ([r, q]) => {
        if (!r.ok) throw new Error("invalid book");
        const nb = position(r.value, q).nextBreak;
        if (!nb) throw new Error("no next break");
        const noMore = nb.buyUpSaving.monthly.minor >= 0;
        expect(noMore).toBe(nb.buyUpPoint !== undefined && q >= nb.buyUpPoint);
        expect(nb.buyUpCheaper).toBe(nb.buyUpSaving.monthly.minor > 0);
      }),
    );
  });

  it("the ask never costs more than staying when the next rate is lower", () => {
    fc.assert(
      fc.property(
        arbTwoTier,
        fc.constantFrom<TierMode>("all-units", "graduated"),
        ([r, q], mode) => {
          if (!r.ok) throw new Error("invalid book");
          const b = { ...r.value, mode };
          const [low, high] = b.tiers;
          fc.pre(high !== undefined && low !== undefined && high.rate.minor < low.rate.minor);
          const p = position(b, q);
          expect(p.nextBreak?.askSaving.monthly.minor).toBeGreaterThan(0);
        },
      ),
    );
  });
});
