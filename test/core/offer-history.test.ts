import { describe, expect, it } from "vitest";
import { currency, major } from "../../src/core/money.js";
import { offerHistory } from "../../src/core/offer-history.js";
import { annualCost, effectiveTerms, type OfferRound } from "../../src/core/offer-terms.js";

const GBP = currency("GBP");
const gbp = (n: number) => major(n, GBP);

const vendor = { kind: "vendor" } as const;
const us = { kind: "us" } as const;

/** Three rounds of a HaloITSM deal: the vendor's opening, our counter, the vendor's reply. */
const rounds: OfferRound[] = [
  {
    round: 1,
    date: "2026-10-01",
    offeredBy: vendor,
    currency: GBP,
    terms: {
      namedSeats: 240,
      namedRate: gbp(80),
      concurrentSeats: 30,
      concurrentRate: gbp(150),
      cap: { kind: "cap", percent: "5" },
      termYears: 3,
      implementation: gbp(15_000),
    },
  },
  {
    round: 2,
    date: "2026-10-15",
    offeredBy: us,
    currency: GBP,
    terms: { namedRate: gbp(65), cap: { kind: "cap", percent: "2" }, implementation: gbp(5_000) },
  },
  {
    round: 3,
    date: "2026-11-20",
    offeredBy: vendor,
    currency: GBP,
    terms: {
      namedSeats: 240,
      namedRate: gbp(72),
      cap: { kind: "cap", percent: "3" },
      termYears: 3,
      implementation: gbp(10_000),
    },
  },
];

const target = {
  currency: GBP,
  terms: { namedRate: gbp(65), cap: { kind: "cap", percent: "2" }, implementation: gbp(5_000) },
} as const;
const walkAway = {
  currency: GBP,
  terms: { namedRate: gbp(75), cap: { kind: "cap", percent: "4" }, implementation: gbp(12_000) },
} as const;

describe("terms in force", () => {
  it("carries levers a round did not restate, naming the round they come from", () => {
    const e = effectiveTerms(rounds);
    // Round 2 said nothing about seats, the concurrent pool or the term: round 1's stand.
    expect(e[1]?.terms.namedSeats).toBe(240);
    expect(e[1]?.terms.namedRate).toEqual(gbp(65));
    expect([...(e[1]?.carried ?? [])]).toEqual([
      ["namedSeats", 1],
      ["concurrentSeats", 1],
      ["concurrentRate", 1],
      ["termYears", 1],
    ]);
    // Round 3 restated everything but the pool.
    expect([...(e[2]?.carried ?? [])]).toEqual([
      ["concurrentSeats", 1],
      ["concurrentRate", 1],
    ]);
  });

  it("prices a year of named and concurrent seats", () => {
    const a = annualCost(effectiveTerms(rounds)[0]?.terms ?? {}, GBP);
    // 240 × £80 × 12 = £230,400; 30 × £150 × 12 = £54,000; together £284,400.
    expect(a?.annual).toEqual(gbp(284_400));
    expect(a?.working).toEqual([
      "named: 240 × £80 × 12 = £230,400 a year",
      "concurrent: 30 × £150 × 12 = £54,000 a year",
      "total: £230,400 + £54,000 = £284,400",
    ]);
  });

  it("prices named seats on the tiers when no named rate is given", () => {
    const a = annualCost(
      {
        namedSeats: 95,
        tiers: {
          mode: "all-units",
          period: "month",
          tiers: [
            { from: 1, to: 99, rate: gbp(50) },
            { from: 100, rate: gbp(45) },
          ],
        },
      },
      GBP,
    );
    // All-units: 95 seats in 1-99 at £50 = £4,750 a month; × 12 = £57,000 a year.
    expect(a?.annual).toEqual(gbp(57_000));
  });

  it("gives no yearly figure when seats have no price, or there are no seats", () => {
    expect(annualCost({ namedSeats: 240 }, GBP)).toBeUndefined();
    expect(
      annualCost({ namedSeats: 240, namedRate: gbp(72), concurrentSeats: 30 }, GBP),
    ).toBeUndefined();
    expect(annualCost({ namedRate: gbp(72) }, GBP)).toBeUndefined();
  });
});

describe("what moved since the first offer", () => {
  const h = offerHistory({ rounds, target, walkAway });
  const move = (lever: string) => h.moves.find((m) => m.lever === lever);

  it("shows each lever's move in money and percent", () => {
    // £80 → £72: −£8; −8 ÷ 80 = −10%.
    expect(move("namedRate")).toMatchObject({
      first: "£80/mo",
      latest: "£72/mo",
      change: "−£8 (−10%)",
    });
    // £15,000 → £10,000: −£5,000; −5,000 ÷ 15,000 = −33.3%.
    expect(move("implementation")?.change).toBe("−£5,000 (−33.3%)");
    // 5% → 3%: two points down.
    expect(move("cap")?.change).toBe("−2 points");
    expect(move("termYears")?.change).toBe("no move");
    expect(move("concurrentRate")?.change).toBe("no move");
  });

  it("moves the yearly cost by the named seats' saving only", () => {
    // Round 3: 240 × £72 × 12 = £207,360 + the pool's £54,000 = £261,360.
    // £261,360 − £284,400 = −£23,040; −23,040 ÷ 284,400 = −8.10…% → −8.1%.
    expect(move("annual")).toMatchObject({
      first: "£284,400",
      latest: "£261,360",
      change: "−£23,040 (−8.1%)",
      delta: gbp(-23_040),
    });
  });

  it("says a lever first named in a later round is new there", () => {
    const h2 = offerHistory({
      rounds: [
        rounds[0] as OfferRound,
        { ...(rounds[2] as OfferRound), round: 2, terms: { termYears: 5 } },
        {
          ...(rounds[2] as OfferRound),
          round: 3,
          terms: {
            tiers: { mode: "all-units", period: "month", tiers: [{ from: 1, rate: gbp(70) }] },
          },
        },
      ],
    });
    expect(h2.moves.find((m) => m.lever === "tiers")).toMatchObject({
      first: "—",
      latest: "1+ @ £70",
      change: "new in round 3",
    });
    expect(h2.moves.find((m) => m.lever === "termYears")?.change).toBe("+2 years");
  });
});

describe("what is left to our target and our walk-away", () => {
  const h = offerHistory({ rounds, target, walkAway });
  const to = (lever: string) => h.target?.gaps.find((g) => g.lever === lever);
  const walk = (lever: string) => h.walkAway?.gaps.find((g) => g.lever === lever);

  it("gives the target gap per lever, and a year on the latest seats for a rate", () => {
    // £72 − £65 = £7 a user a month; £7 × 240 × 12 = £20,160 a year.
    expect(to("namedRate")).toMatchObject({ status: "to-go", text: "£7 to go (£20,160 a year)" });
    expect(to("namedRate")?.perYear).toEqual(gbp(20_160));
    expect(to("cap")?.text).toBe("1 point to go");
    // £10,000 − £5,000 = £5,000, one-off.
    expect(to("implementation")?.text).toBe("£5,000 to go");
  });

  it("prices the target on the latest offer's seats for the yearly gap", () => {
    // Target on round 3: 240 × £65 × 12 = £187,200 + £54,000 = £241,200.
    // £261,360 − £241,200 = £20,160 a year still to go.
    expect(h.target?.annual?.annual).toEqual(gbp(241_200));
    expect(to("annual")).toMatchObject({
      latest: "£261,360",
      position: "£241,200",
      status: "to-go",
      text: "£20,160 to go",
    });
  });

  it("says the latest offer is inside the walk-away, and by how much", () => {
    // £72 against £75: £3 inside; £3 × 240 × 12 = £8,640 a year.
    expect(walk("namedRate")?.text).toBe("£3 inside (£8,640 a year)");
    expect(walk("cap")).toMatchObject({ status: "inside", text: "1 point inside" });
    expect(walk("implementation")?.text).toBe("£2,000 inside");
    // Walk-away on round 3: 240 × £75 × 12 = £216,000 + £54,000 = £270,000; £261,360 is £8,640 inside.
    expect(walk("annual")).toMatchObject({ status: "inside", text: "£8,640 inside" });
  });

  it("says a lever over the walk-away is over, a met target met, a missing one not offered", () => {
    const h2 = offerHistory({
      rounds,
      target: { currency: GBP, terms: { implementation: gbp(10_000), concurrentSeats: 40 } },
      walkAway: {
        currency: GBP,
        terms: {
          namedRate: gbp(70),
          tiers: { mode: "all-units", period: "month", tiers: [{ from: 1, rate: gbp(70) }] },
        },
      },
    });
    expect(h2.target?.gaps.find((g) => g.lever === "implementation")?.text).toBe("met");
    expect(h2.target?.gaps.find((g) => g.lever === "concurrentSeats")?.text).toBe("10 fewer");
    // £72 against a £70 walk-away: £2 over; £2 × 240 × 12 = £5,760 a year.
    expect(h2.walkAway?.gaps.find((g) => g.lever === "namedRate")).toMatchObject({
      status: "over",
      text: "£2 over (£5,760 a year)",
    });
    expect(h2.walkAway?.gaps.find((g) => g.lever === "tiers")?.text).toBe("not offered yet");
  });

  it("does not compare a fixed cap with a CPI rule as numbers", () => {
    const h2 = offerHistory({
      rounds,
      target: { currency: GBP, terms: { cap: { kind: "lesser-of", percent: "3" } } },
    });
    expect(h2.target?.gaps).toEqual([
      {
        lever: "cap",
        latest: "3%",
        position: "lesser of CPI and 3%",
        status: "differs",
        text: "a different rule",
      },
    ]);
    // No priced lever in the target: no yearly gap is claimed.
    expect(h2.target?.annual).toBeUndefined();
  });
});
