import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currency, type Money, major, money } from "../../src/core/money.js";
import {
  askCost,
  bandCosts,
  costAt,
  monthAndYear,
  type PriceBook,
  priceBook,
  type TierInput,
  type TierMode,
  tierIndexFor,
  tierLabel,
} from "../../src/core/tiers.js";

const GBP = currency("GBP");
const gbp = (amount: number | string): Money => major(amount, GBP);

type Row = readonly [from: number, to: number | undefined, rate: number | string];
const inputs = (rows: readonly Row[]): TierInput[] =>
  rows.map(([from, to, rate]) => ({ from, to, rate: gbp(rate) }));

function book(rows: readonly Row[], mode: TierMode = "all-units"): PriceBook {
  const r = priceBook(inputs(rows), mode, "month", GBP);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const HALO: readonly Row[] = [
  [1, 99, 75],
  [100, 249, 70],
  [250, undefined, 62],
];

function issuesOf(rows: readonly Row[], mode: TierMode = "all-units") {
  const r = priceBook(inputs(rows), mode, "month", GBP);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

describe("priceBook validation", () => {
  it("accepts a sorted, contiguous book with an open last tier", () => {
    expect(book(HALO).tiers.map(tierLabel)).toEqual(["1-99", "100-249", "250+"]);
  });

  it("rejects an empty book", () => {
    expect(issuesOf([])).toEqual([
      {
        code: "tiers.empty",
        message: "the price book has no tiers",
        hint: 'give the tiers like "1-99 @ 75, 100-249 @ 70, 250+ @ 62"',
      },
    ]);
  });

  it("rejects overlapping tiers, naming where they overlap", () => {
    const [first] = issuesOf([
      [1, 100, 75],
      [100, undefined, 70],
    ]);
    expect(first?.code).toBe("tiers.overlap");
    expect(first?.message).toBe("the tiers 1-100 and 100+ overlap at 100");
  });

  it("names an overlap range", () => {
    const [first] = issuesOf([
      [1, 120, 75],
      [100, 249, 70],
    ]);
    expect(first?.message).toBe("the tiers 1-120 and 100-249 overlap at 100-120");
  });

  it("rejects unsorted tiers", () => {
    const [first] = issuesOf([
      [100, 249, 70],
      [1, 99, 75],
    ]);
    expect(first?.code).toBe("tiers.unsorted");
    expect(first?.message).toBe(
      "the tier 1-99 comes after 100-249; list tiers from the smallest quantity up",
    );
  });

  it("rejects a gap between tiers", () => {
    const [first] = issuesOf([
      [1, 99, 75],
      [120, undefined, 70],
    ]);
    expect(first?.code).toBe("tiers.gap");
    expect(first?.message).toBe("no tier covers 100-119 (between 1-99 and 120+)");
    expect(first?.hint).toBe("start the tier after 1-99 at 100");
  });

  it("rejects an open tier that is not the last", () => {
    const [first] = issuesOf([
      [1, 99, 75],
      [100, undefined, 70],
      [250, undefined, 62],
    ]);
    expect(first?.code).toBe("tiers.open_not_last");
    expect(first?.message).toBe(
      "only the last tier can be open-ended, but 100+ is followed by more tiers",
    );
    // the end that makes 250+ follow on: 250 − 1 = 249
    expect(first?.hint).toBe("give it an end, e.g. 100-249, and keep the + for the last tier");
  });

  it.each([
    [0, "the 100+ rate must be above zero (it is £0)"],
    [-5, "the 100+ rate must be above zero (it is -£5)"],
  ])("rejects a rate of %s", (rate, message) => {
    const [first] = issuesOf([
      [1, 99, 75],
      [100, undefined, rate],
    ]);
    expect(first).toMatchObject({ code: "tiers.rate_not_positive", message });
  });

  it("rejects a tier that ends before it starts", () => {
    const [first] = issuesOf([[99, 1, 75]]);
    expect(first).toMatchObject({
      code: "tiers.range_backwards",
      message: "the tier 99-1 ends before it starts",
      hint: "write the smaller number first, e.g. 1-99",
    });
  });

  it("rejects a tier starting at 0", () => {
    const [first] = issuesOf([[0, undefined, 75]]);
    expect(first?.code).toBe("tiers.from_not_positive");
  });

  it("allows an all-units book to start above 1 (a minimum purchase) but not a graduated one", () => {
    const rows: Row[] = [
      [25, 99, 75],
      [100, undefined, 70],
    ];
    expect(priceBook(inputs(rows), "all-units", "month", GBP).ok).toBe(true);
    const [first] = issuesOf(rows, "graduated");
    expect(first?.code).toBe("tiers.graduated_not_from_one");
  });

  it("reports every problem at once", () => {
    const codes = issuesOf([
      [1, 99, 0],
      [120, 249, 70],
    ]).map((i) => i.code);
    expect(codes).toEqual(["tiers.rate_not_positive", "tiers.gap"]);
  });
});

describe("tierIndexFor", () => {
  const halo = book(HALO);
  it.each([
    [1, 0],
    [99, 0],
    [100, 1],
    [249, 1],
    [250, 2],
    [100_000, 2],
  ])("puts %i seats in tier %i", (quantity, index) => {
    expect(tierIndexFor(halo, quantity)).toEqual({ ok: true, value: index });
  });

  it("rejects a quantity above a closed last tier", () => {
    const closed = book([
      [1, 99, 75],
      [100, 249, 70],
    ]);
    const r = tierIndexFor(closed, 300);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: "tiers.above_last",
      message: "300 seats is above the last tier, which ends at 249",
    });
  });

  it("rejects a quantity below the first tier", () => {
    const minimum = book([[25, undefined, 75]]);
    const r = tierIndexFor(minimum, 10);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: "tiers.below_first",
      message: "10 seats is below the first tier, which starts at 25",
    });
  });

  it.each([
    [0, "quantity.not_positive", "0 seats is not a quantity to price; it must be at least 1 seat"],
    [
      -5,
      "quantity.not_positive",
      "-5 seats is not a quantity to price; it must be at least 1 seat",
    ],
    [2.5, "quantity.not_whole", "2.5 seats is not a whole number of seats"],
  ])("rejects %s seats", (quantity, code, message) => {
    const r = tierIndexFor(halo, quantity);
    expect(!r.ok && r.issues[0]).toMatchObject({ code, message });
  });
});

describe("costs", () => {
  it("all-units prices every seat at the reached tier: 240 × £70 = £16,800", () => {
    expect(costAt(book(HALO), 240, 1)).toEqual(gbp(16_800));
  });

  it("graduated prices each band: 99 × £75 + 141 × £70 = £7,425 + £9,870 = £17,295", () => {
    const graduated = book(HALO, "graduated");
    expect(bandCosts(graduated, 240, 1).map((b) => [b.seats, b.cost.minor])).toEqual([
      [99, 742_500],
      [141, 987_000],
    ]);
    expect(costAt(graduated, 240, 1)).toEqual(gbp(17_295));
  });

  it("graduated across all three bands: 99 × 75 + 150 × 70 + 11 × 62 = 7,425 + 10,500 + 682", () => {
    // 7,425 + 10,500 + 682 = 18,607
    expect(costAt(book(HALO, "graduated"), 260, 2)).toEqual(gbp(18_607));
  });

  it("the graduated ask prices the current band at the next rate: 7,425 + 141 × 62 = 16,167", () => {
    // 141 × 62 = 8,742; 7,425 + 8,742 = 16,167
    expect(askCost(book(HALO, "graduated"), 240, 1, 2)).toEqual(gbp(16_167));
  });

  it("the all-units ask prices everyone at the next rate: 240 × 62 = 14,880", () => {
    expect(askCost(book(HALO), 240, 1, 2)).toEqual(gbp(14_880));
  });

  it("converts a yearly cost to a month with one rounding: £1,000.00 ÷ 12 = £83.33", () => {
    // 100000 pence ÷ 12 = 8333.33… → 8333
    expect(monthAndYear(gbp(1000), "year")).toEqual({ monthly: gbp("83.33"), annual: gbp(1000) });
    expect(monthAndYear(gbp(70), "month")).toEqual({ monthly: gbp(70), annual: gbp(840) });
  });
});

/** Valid books: contiguous tiers from 1, rates in pence, last tier open or closed. */
const arbBook = (falling: boolean) =>
  fc
    .record({
      widths: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 0, maxLength: 5 }),
      firstRate: fc.integer({ min: 100, max: 50_000 }),
      steps: fc.array(fc.integer({ min: falling ? 1 : -500, max: 1_000 }), { maxLength: 6 }),
      openLast: fc.boolean(),
      lastWidth: fc.integer({ min: 1, max: 300 }),
    })
    .map(({ widths, firstRate, steps, openLast, lastWidth }) => {
      const rows: TierInput[] = [];
      let from = 1;
      let rate = firstRate;
      const count = widths.length + 1;
      for (let i = 0; i < count; i++) {
        const last = i === count - 1;
        const width = last ? lastWidth : (widths[i] as number);
        const to = last && openLast ? undefined : from + width - 1;
        rows.push({ from, to, rate: money(rate, GBP) });
        from += width;
        // Falling books never rise (steps ≥ 1, floored at 1p); others may rise or fall.
        rate = Math.max(1, rate - (steps[i] ?? 1));
      }
      const r = priceBook(rows, "all-units", "month", GBP);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.value;
    });

function maxQuantity(b: PriceBook): number {
  const last = b.tiers[b.tiers.length - 1];
  return last?.to ?? (last?.from ?? 1) + 500;
}

/** A book and a quantity it can price (1 … its last closed end, or 500 past an open start). */
const arbPriced = (falling: boolean, mode: TierMode) =>
  arbBook(falling).chain((b) =>
    fc.tuple(fc.constant<PriceBook>({ ...b, mode }), fc.integer({ min: 1, max: maxQuantity(b) })),
  );

describe("properties", () => {
  it("tier lookup finds exactly one tier for every valid quantity", () => {
    fc.assert(
      fc.property(arbPriced(false, "all-units"), ([b, q]) => {
        const containing = b.tiers.filter((t) => q >= t.from && (t.to === undefined || q <= t.to));
        expect(containing).toHaveLength(1);
        const r = tierIndexFor(b, q);
        expect(r.ok && b.tiers[r.value]).toBe(containing[0]);
      }),
    );
  });

  it("all-units cost is never negative", () => {
    fc.assert(
      fc.property(arbPriced(false, "all-units"), ([b, q]) => {
        const r = tierIndexFor(b, q);
        expect(r.ok).toBe(true);
        if (r.ok) expect(costAt(b, q, r.value).minor).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("graduated cost never falls as the quantity grows", () => {
    fc.assert(
      fc.property(arbPriced(false, "graduated"), ([b, q]) => {
        fc.pre(q + 1 <= maxQuantity(b));
        const at = (n: number): number => {
          const r = tierIndexFor(b, n);
          if (!r.ok) throw new Error("lookup failed");
          return costAt(b, n, r.value).minor;
        };
        expect(at(q + 1)).toBeGreaterThanOrEqual(at(q));
      }),
    );
  });

  it("with falling rates, graduated cost ≤ everyone at the first tier's rate", () => {
    fc.assert(
      fc.property(arbPriced(true, "graduated"), ([b, q]) => {
        const r = tierIndexFor(b, q);
        if (!r.ok) throw new Error("lookup failed");
        const firstRate = (b.tiers[0] as { rate: Money }).rate.minor;
        expect(costAt(b, q, r.value).minor).toBeLessThanOrEqual(q * firstRate);
      }),
    );
  });
});
