import { describe, expect, it } from "vitest";
import {
  type Comparison,
  type ComparisonInput,
  compareOffers,
} from "../../../src/core/compare/compare.js";
import type { LinePrice, VendorOffer } from "../../../src/core/compare/offer.js";
import type { Usage } from "../../../src/core/compare/usage.js";
import { currency, type Money, major, toDecimal } from "../../../src/core/money.js";
import { percent } from "../../../src/core/percent.js";
import { type PriceBook, priceBook, type TierMode } from "../../../src/core/tiers.js";

const GBP = currency("GBP");
const USD = currency("USD");
const gbp = (n: number | string): Money => major(n, GBP);
const monthly = (n: number): LinePrice => ({ kind: "flat", rate: gbp(n), period: "month" });
const yearly = (n: number): LinePrice => ({ kind: "flat", rate: gbp(n), period: "year" });

function book(mode: TierMode): PriceBook {
  const r = priceBook(
    [
      { from: 1, to: 99, rate: gbp(75) },
      { from: 100, to: 249, rate: gbp(65) },
      { from: 250, rate: gbp(60) },
    ],
    mode,
    "month",
    GBP,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const usage: Usage = { people: 240, pool: 60, split: { named: 150, pool: 25 } };

function offer(name: string, o: Partial<VendorOffer>): VendorOffer {
  return { name, currency: GBP, fees: [], ...o };
}

function run(input: ComparisonInput): Comparison {
  const r = compareOffers(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function issues(input: ComparisonInput) {
  const r = compareOffers(input);
  if (r.ok) throw new Error("expected a failure");
  return r.issues;
}

const decimals = (ms: readonly Money[]): string[] => ms.map(toDecimal);
const subs = (c: Comparison, i: number) =>
  decimals((c.vendors[i]?.years ?? []).map((y) => y.subscription));

/** Three vendor shapes over 3 years. */
const halo3 = offer("HaloITSM", {
  named: monthly(70),
  term: 3,
  uplift: { kind: "list", uplift: percent(5) },
  implementation: gbp(12_000),
});
const rival3 = offer("Rival", {
  concurrent: monthly(140),
  term: 3,
  uplift: { kind: "cap", cap: percent(3) },
  implementation: gbp(20_000),
  fees: [{ label: "training", amount: gbp(3_000) }],
});
const tiered3 = offer("Ivanti", {
  named: { kind: "tiered", book: book("all-units") },
  concurrent: monthly(130),
  term: 3,
  uplift: { kind: "list", uplift: percent(4) },
  implementation: gbp(15_000),
});

describe("compareOffers over 3 years: named-only, concurrent-only, tiered mixed", () => {
  const c = run({ offers: [halo3, rival3, tiered3], usage });

  it("prices the named-only vendor on every user", () => {
    // 240 named × £70 × 12 = £201,600; × 1.05 = £211,680; × 1.05 = £222,264
    expect(c.vendors[0]?.seats).toEqual({ named: 240, concurrent: 0 });
    expect(subs(c, 0)).toEqual(["201600.00", "211680.00", "222264.00"]);
    // 201,600 + 211,680 + 222,264 = 635,544; + implementation 12,000 = 647,544
    expect(c.vendors[0]?.tco).toEqual(gbp(647_544));
    expect(c.vendors[0]?.years[0]?.oneOff).toEqual(gbp(12_000));
    expect(c.vendors[0]?.years[1]?.oneOff).toEqual(gbp(0));
  });

  it("prices the concurrent-only vendor on the measured pool", () => {
    // pool 60 × £140 × 12 = £100,800; × 1.03 = £103,824; × 1.03 = £106,938.72
    expect(c.vendors[1]?.seats).toEqual({ named: 0, concurrent: 60 });
    expect(subs(c, 1)).toEqual(["100800.00", "103824.00", "106938.72"]);
    // 100,800 + 103,824 + 106,938.72 = 311,562.72; + 20,000 + 3,000 one-off = 334,562.72
    expect(c.vendors[1]?.oneOff).toEqual(gbp(23_000));
    expect(c.vendors[1]?.tco).toEqual(gbp("334562.72"));
  });

  it("prices the mixed vendor on the split, its named seats on the all-units book", () => {
    // 150 named reach 100-249 @ £65: 150 × 65 × 12 = £117,000; pool 25 × £130 × 12 = £39,000
    expect(c.vendors[2]?.lines.map((l) => toDecimal(l.annual))).toEqual(["117000.00", "39000.00"]);
    expect(c.vendors[2]?.lines[0]?.tier).toBe("100-249");
    // year 1 £156,000; × 1.04 = £162,240; × 1.04 = £168,729.60
    expect(subs(c, 2)).toEqual(["156000.00", "162240.00", "168729.60"]);
    // 156,000 + 162,240 + 168,729.60 = 486,969.60; + 15,000 = 501,969.60
    expect(c.vendors[2]?.tco).toEqual(gbp("501969.60"));
  });

  it("marks the cheapest and sets the first vendor against the cheapest other", () => {
    expect(c.years).toBe(3);
    expect(c.cheapest).toEqual([1]);
    expect(c.chosen).toBe(0);
    expect(c.rival).toBe(1);
    // 647,544 − 334,562.72 = 312,981.28
    expect(c.difference).toEqual(gbp("312981.28"));
    expect(c.unused).toEqual([]);
    expect(c.assumptions).toEqual([]);
  });

  it("shows each step of the working", () => {
    const w = c.vendors[2]?.working ?? [];
    expect(w).toContain(
      "Ivanti named: 150 seats (all-units: every seat at the 100-249 tier's rate) 150 × £65/mo × 12 = £117,000 a year",
    );
    expect(w).toContain("Ivanti concurrent: 25 × £130/mo × 12 = £39,000 a year");
    expect(w).toContain("Ivanti year-1 subscription: £117,000 + £39,000 = £156,000");
    expect(w).toContain("Ivanti year 2: £156,000 × 1.04 (list uplift 4%) = £162,240");
    expect(w).toContain("Ivanti one-off, in year 1: implementation £15,000");
    expect(w).toContain(
      "Ivanti total cost of ownership over 3 years: £156,000 + £162,240 + £168,729.60 + £15,000 = £501,969.60",
    );
    expect(c.vendors[1]?.working).toContain(
      "Rival one-off, in year 1: implementation £20,000 + training £3,000 = £23,000",
    );
  });
});

/** The same shapes over 5 years: a yearly rate, a graduated book and a lesser-of-CPI cap. */
const halo5 = { ...halo3, term: 5 };
const rival5 = offer("Rival", {
  concurrent: yearly(1_500),
  term: 5,
  uplift: { kind: "list", uplift: percent("3.5") },
  implementation: gbp(25_000),
});
const tiered5 = offer("Ivanti", {
  named: { kind: "tiered", book: book("graduated") },
  concurrent: monthly(130),
  term: 5,
  uplift: {
    kind: "lesser-of",
    cpi: [percent("4.1"), percent("3.2"), percent("2.8"), percent("2.5")],
    cap: percent(3),
  },
  implementation: gbp(15_000),
});

describe("compareOffers over 5 years", () => {
  const c = run({ offers: [halo5, rival5, tiered5], usage });

  it("compounds the named-only vendor's uplift, rounding each year", () => {
    // 201,600; 211,680; 222,264; 222,264 × 1.05 = 233,377.20; 233,377.20 × 1.05 = 245,046.06
    expect(subs(c, 0)).toEqual(["201600.00", "211680.00", "222264.00", "233377.20", "245046.06"]);
    // 201,600 + 211,680 + 222,264 + 233,377.20 + 245,046.06 = 1,113,967.26; + 12,000
    expect(c.vendors[0]?.tco).toEqual(gbp("1125967.26"));
  });

  it("prices a yearly concurrent rate and rounds half away from zero", () => {
    // 60 × £1,500 = £90,000; × 1.035 = 93,150; × 1.035 = 96,410.25;
    // × 1.035 = 99,784.60875 → 99,784.61; × 1.035 = 103,277.07135 → 103,277.07
    expect(subs(c, 1)).toEqual(["90000.00", "93150.00", "96410.25", "99784.61", "103277.07"]);
    // 90,000 + 93,150 + 96,410.25 + 99,784.61 + 103,277.07 = 482,621.93; + 25,000
    expect(c.vendors[1]?.tco).toEqual(gbp("507621.93"));
  });

  it("prices graduated named bands and the lesser of CPI and the cap", () => {
    // 99 × £75 = 7,425 + 51 × £65 = 3,315 → £10,740/mo × 12 = £128,880; pool 25 × 130 × 12 = 39,000
    expect(c.vendors[2]?.lines.map((l) => toDecimal(l.annual))).toEqual(["128880.00", "39000.00"]);
    // y1 167,880; y2 CPI 4.1% capped at 3%: 172,916.40; y3 CPI 3.2% capped: 178,103.892 → 178,103.89;
    // y4 CPI 2.8%: 178,103.89 × 1.028 = 183,090.79892 → 183,090.80; y5 2.5%: 187,668.07
    expect(subs(c, 2)).toEqual(["167880.00", "172916.40", "178103.89", "183090.80", "187668.07"]);
    // 167,880 + 172,916.40 + 178,103.89 + 183,090.80 + 187,668.07 = 889,659.16; + 15,000
    expect(c.vendors[2]?.tco).toEqual(gbp("904659.16"));
    expect(c.vendors[2]?.working).toContain(
      "Ivanti named: 150 seats (graduated: each band at its own rate, up to the 100-249 tier) 99 × £75 + 51 × £65 = £10,740/mo × 12 = £128,880 a year",
    );
  });

  it("sets the first vendor against the cheapest", () => {
    expect(c.cheapest).toEqual([1]);
    // 1,125,967.26 − 507,621.93 = 618,345.33
    expect(c.difference).toEqual(gbp("618345.33"));
  });

  it("sets a chosen vendor against the cheapest of the others", () => {
    const ivanti = run({ offers: [halo5, rival5, tiered5], usage, chosen: "ivanti" });
    expect(ivanti.chosen).toBe(2);
    expect(ivanti.rival).toBe(1);
    // 904,659.16 − 507,621.93 = 397,037.23
    expect(ivanti.difference).toEqual(gbp("397037.23"));
    const rival = run({ offers: [halo5, rival5, tiered5], usage, chosen: "Rival" });
    // the cheapest's competitor is the next cheapest, Ivanti: 507,621.93 − 904,659.16 = −397,037.23
    expect(rival.rival).toBe(2);
    expect(rival.difference).toEqual(gbp("-397037.23"));
  });
});

describe("compareOffers: terms", () => {
  it("refuses quotes for different terms unless the years are stated", () => {
    const found = issues({ offers: [halo3, rival5], usage });
    expect(found[0]?.code).toBe("compare.terms_differ");
    expect(found[0]?.message).toBe(
      "the quotes run for different terms (HaloITSM 3 years, Rival 5 years), so they aren't like for like",
    );
    expect(found[0]?.hint).toContain("--over 5");
  });

  it("over a stated longer term, continues the shorter quote's rule and says so", () => {
    const c = run({ offers: [halo3, rival5], usage, over: 5 });
    // the same figures as HaloITSM's own 5-year quote: the 5% uplift continues into years 4 and 5
    expect(subs(c, 0)).toEqual(["201600.00", "211680.00", "222264.00", "233377.20", "245046.06"]);
    expect(c.vendors[0]?.years.map((y) => y.beyondTerm)).toEqual([false, false, false, true, true]);
    expect(c.assumptions).toEqual([
      "HaloITSM quotes 3 years; years 4 to 5 are priced as a renewal on the same terms (its uplift rule continues, no new one-off fees).",
    ]);
  });

  it("refuses a stated term that would drop committed years", () => {
    const found = issues({ offers: [halo3, rival5], usage, over: 3 });
    expect(found[0]?.code).toBe("compare.over_shorter_than_term");
    expect(found[0]?.message).toBe(
      "comparing over 3 years would leave out committed years of Rival (5 years)",
    );
  });

  it("asks for a term when no quote states one", () => {
    const { term: _a, ...a } = halo3;
    const { term: _b, ...b } = rival3;
    expect(issues({ offers: [a, b], usage })[0]?.code).toBe("compare.term_missing");
  });

  it("gives a quote without a term the others' term, and says so", () => {
    const { term: _t, ...noTerm } = rival3;
    const c = run({ offers: [halo3, noTerm], usage });
    expect(c.years).toBe(3);
    expect(c.assumptions).toEqual([
      "Rival states no term; priced over the same 3 years as the others.",
    ]);
  });

  it("refuses a term out of range", () => {
    expect(issues({ offers: [halo3, rival3], usage, over: 11 })[0]?.code).toBe(
      "compare.over_out_of_range",
    );
    expect(issues({ offers: [{ ...halo3, term: 0 }, rival3], usage })[0]?.code).toBe(
      "compare.term_out_of_range",
    );
  });
});

describe("compareOffers: refusals", () => {
  it("refuses quotes in different currencies, never converting", () => {
    const dollars = offer("Rival", {
      concurrent: { kind: "flat", rate: major(140, USD), period: "month" },
      currency: USD,
      term: 3,
    });
    const found = issues({ offers: [halo3, dollars], usage });
    expect(found[0]).toEqual({
      code: "compare.currency_mismatch",
      message: "HaloITSM is quoted in GBP and Rival in USD; I don't convert between currencies",
      hint: "give every quote in one currency (convert at the rate you agree, then type it in GBP)",
    });
  });

  it("needs two quotes, each named once", () => {
    expect(issues({ offers: [halo3], usage })[0]?.code).toBe("compare.too_few_vendors");
    expect(issues({ offers: [halo3, { ...halo3, name: "haloitsm" }], usage })[0]?.code).toBe(
      "compare.duplicate_vendor",
    );
  });

  it("says which count each model is missing", () => {
    expect(issues({ offers: [halo3, rival3], usage: { pool: 60 } })[0]).toMatchObject({
      code: "compare.usage_needs_users",
      message: "HaloITSM licenses named seats only, so I need how many people use it",
    });
    expect(issues({ offers: [halo3, rival3], usage: { people: 240 } })[0]?.code).toBe(
      "compare.usage_needs_pool",
    );
    expect(issues({ offers: [halo3, tiered3], usage: { people: 240 } })[0]?.code).toBe(
      "compare.usage_needs_split",
    );
  });

  it("refuses a split that names more people than there are, and bad counts", () => {
    const found = issues({
      offers: [halo3, tiered3],
      usage: { people: 100, split: { named: 150, pool: 25 } },
    });
    expect(found[0]?.code).toBe("compare.split_above_users");
    expect(issues({ offers: [halo3, rival3], usage: { people: 0, pool: 60 } })[0]?.code).toBe(
      "compare.usage_invalid",
    );
  });

  it("names the vendor whose price book does not reach the usage", () => {
    const closed = priceBook([{ from: 1, to: 99, rate: gbp(75) }], "all-units", "month", GBP);
    if (!closed.ok) throw new Error("book");
    const small = offer("Small", { named: { kind: "tiered", book: closed.value }, term: 3 });
    const found = issues({ offers: [halo3, small], usage });
    expect(found[0]?.code).toBe("tiers.above_last");
    expect(found[0]?.message).toBe(
      "Small: 240 named seats for Small is above the last tier, which ends at 99",
    );
  });

  it("names the vendor whose CPI series is too short", () => {
    // four CPI values cover years 2 to 5; a 6-year comparison needs a fifth
    const found = issues({ offers: [halo3, tiered5], usage, over: 6 });
    expect(found[0]?.code).toBe("renewal.cpi_too_few");
    expect(found[0]?.message).toBe(
      "Ivanti: a 6-year term needs 5 CPI values (for years 2 to 6); got 4",
    );
  });

  it("keeps the CPI values a shorter term did not use", () => {
    const c = run({ offers: [halo3, { ...tiered5, term: 3 }], usage });
    // years 2 and 3 use 4.1% and 3.2%; 2.8% and 2.5% are left over
    expect(c.vendors[1]?.unusedCpi).toEqual([percent("2.8"), percent("2.5")]);
  });

  it("refuses an unknown chosen vendor with a guess", () => {
    expect(issues({ offers: [halo3, rival3], usage, chosen: "Rivel" })[0]).toEqual({
      code: "compare.unknown_vendor",
      message: 'no quote is called "Rivel" — did you mean Rival?',
      hint: "the quotes are HaloITSM, Rival",
    });
  });

  it("lists the counts no vendor was priced on", () => {
    const c = run({ offers: [halo3, { ...halo3, name: "Other" }], usage });
    expect(c.unused).toEqual(["pool", "split"]);
    expect(c.cheapest).toEqual([0, 1]);
    expect(c.difference).toEqual(gbp(0));
  });
});
