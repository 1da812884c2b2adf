/**
 * The counter figure is the offer less the asks we show, on any deal: every step of the waterfall
 * is one listed ask with the same words and the same money, the steps add up to the total, and the
 * brief's table, its working and the e-mail quote that one figure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../src/core/money.js";
import { benchmarkNote } from "../../src/drafting/benchmark.js";
import { buildBrief, waterfallTable } from "../../src/drafting/brief.js";
import { shippedCatalogue } from "../../src/drafting/catalogue.js";
import { parseDeal } from "../../src/drafting/deal-schema.js";
import { buildEmail } from "../../src/drafting/email.js";
import { analyseDeal, type DealAnalysis, MOVE_OF_STEP } from "../../src/drafting/moves.js";
import { dealFrom, exampleJson, type LooseJson } from "./example-deal.js";

const catalogue = shippedCatalogue();
const pounds = (pence: number) => (pence / 100).toFixed(2);

/** The asks a reader sees with a yearly figure: the moves that are open and priced per year. */
function yearlyAsks(a: DealAnalysis) {
  return a.moves.filter(
    (m) => (m.status === "against us" || m.status === "missing") && m.per === "year" && m.atStake,
  );
}

/**
 * Deals from the example, with every field the chain reads drawn at random or left out. Counts and
 * rates are drawn relative to each other (active as a share of the seats, the pool rate as a
 * multiple of the named rate) so that most deals earn one, two or all three priced asks.
 */
const deals = fc
  .record({
    seats: fc.integer({ min: 1, max: 2000 }),
    ratePence: fc.integer({ min: 100, max: 20_000 }),
    period: fc.constantFrom("month", "year"),
    // Three bands: 1..b1−1, b1..b2−1, b2+; the rate steps are usually falling, sometimes rising.
    tiers: fc.option(
      fc.record({
        b1: fc.integer({ min: 2, max: 500 }),
        width: fc.integer({ min: 1, max: 1000 }),
        top: fc.integer({ min: 100, max: 20_000 }),
        steps: fc.tuple(fc.integer({ min: -10, max: 40 }), fc.integer({ min: -10, max: 40 })),
        mode: fc.constantFrom("all-units", "all-units", "graduated"),
      }),
      { nil: undefined },
    ),
    poolTimes: fc.option(fc.integer({ min: 80, max: 250 }), { nil: undefined }),
    // Mostly no pool in the offer, so the licensing-model ask can be earned.
    offerPool: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 4 },
      { arbitrary: fc.integer({ min: 1, max: 300 }), weight: 1 },
    ),
    activePct: fc.option(fc.integer({ min: 30, max: 110 }), { nil: undefined, freq: 6 }),
    fullPct: fc.option(fc.integer({ min: 20, max: 100 }), { nil: undefined, freq: 4 }),
    peakPct: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined, freq: 6 }),
    forecastPct: fc.option(fc.integer({ min: 50, max: 200 }), { nil: undefined }),
    benchPct: fc.option(fc.integer({ min: 50, max: 120 }), { nil: undefined }),
  })
  .map((g): LooseJson => {
    const json = exampleJson();
    const of = (n: number, pct: number) => Math.floor((n * pct) / 100);
    json.offer.ratePeriod = g.period;
    json.offer.named = { seats: g.seats, rate: pounds(g.ratePence) };
    if (g.tiers) {
      const { b1, width, top, steps, mode } = g.tiers;
      const second = Math.max(1, top - of(top, steps[0]));
      const third = Math.max(1, second - of(second, steps[1]));
      json.offer.tiers = {
        mode,
        bands: [
          { from: 1, to: b1 - 1, rate: pounds(top) },
          { from: b1, to: b1 + width - 1, rate: pounds(second) },
          { from: b1 + width, rate: pounds(third) },
        ],
      };
    } else delete json.offer.tiers;
    const pool = g.poolTimes === undefined ? undefined : of(g.ratePence, g.poolTimes) || 1;
    if (pool === undefined) delete json.offer.concurrentRate;
    else json.offer.concurrentRate = pounds(pool);
    if (g.offerPool !== undefined && pool !== undefined) {
      json.offer.concurrent = { seats: g.offerPool, rate: pounds(pool) };
    }
    const active = g.activePct === undefined ? undefined : of(g.seats, g.activePct);
    const base = active ?? g.seats;
    const fullTime = g.fullPct === undefined ? undefined : of(base, g.fullPct);
    json.usage = {
      ...(active === undefined ? {} : { activeFulfillers: active }),
      ...(fullTime === undefined ? {} : { fullTimeAgents: fullTime }),
      ...(g.peakPct === undefined ? {} : { occasionalPeak: of(base - (fullTime ?? 0), g.peakPct) }),
    };
    if (g.forecastPct === undefined) delete json.forecast;
    else json.forecast = { seats: Math.max(1, of(g.seats, g.forecastPct)), withinMonths: 12 };
    if (g.benchPct === undefined) delete json.leverage.benchmarkRate;
    else json.leverage.benchmarkRate = pounds(of(g.ratePence, g.benchPct) || 1);
    return json;
  });

describe("the counter figure is the offer less the asks shown (property)", () => {
  it("every waterfall step is a listed ask, and the asks add up to the counter", () => {
    fc.assert(
      fc.property(deals, (json) => {
        const d = parseDeal(json);
        if (!d.ok) return;
        const a = analyseDeal(d.value);
        const w = a.waterfall;
        const asks = yearlyAsks(a);
        // One ask per step, same words, same money, in the same order.
        expect(asks.map((m) => [m.key, m.ask, m.atStake?.minor])).toEqual(
          w.steps.map((s) => [MOVE_OF_STEP[s.key], s.ask, s.saving.minor]),
        );
        const asked = asks.reduce((n, m) => n + (m.atStake?.minor ?? 0), 0);
        expect(w.counterAnnual.minor).toBe(w.offerAnnual.minor - asked);
        expect(w.totalAnnual.minor).toBe(asked);
        // Each step's "after" is the running total: offer − the asks so far.
        let running = w.offerAnnual.minor;
        for (const s of w.steps) {
          running -= s.saving.minor;
          expect(s.saving.minor).toBeGreaterThan(0);
          expect(s.afterAnnual.minor).toBe(running);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the brief's table, its sentence, its working and the e-mail all quote that figure", () => {
    fc.assert(
      fc.property(deals, (json) => {
        const d = parseDeal(json);
        if (!d.ok) return;
        const a = analyseDeal(d.value);
        const counter = formatMoney(a.waterfall.counterAnnual);
        const table = waterfallTable(a).rows;
        const last = table.find((r) => r[0] === "Counter-proposal");
        expect(last?.[2]).toBe(counter);
        // Between the offer row and the counter row there is exactly one row per ask.
        expect(table.length).toBe(2 + a.waterfall.steps.length + (a.renewalSaving ? 1 : 0));
        const brief = buildBrief(a, catalogue, "2026-06-01");
        if (!brief.ok) throw new Error(brief.issues.map((i) => i.message).join("; "));
        const paragraphs = brief.value.document.blocks.flatMap((b) =>
          b.kind === "paragraph" ? [b.text] : b.kind === "list" ? b.items : [],
        );
        expect(paragraphs[0]).toContain(`The counter-proposal costs ${counter} a year`);
        // The last waterfall working line ends on the counter figure.
        const lastStep = a.waterfall.steps.at(-1);
        if (lastStep) {
          expect(lastStep.working.at(-1)).toContain(`= ${counter}; saving`);
        }
        expect(paragraphs.some((p) => p.startsWith("Rate:"))).toBe(false);
        const email = buildEmail(a, catalogue, {}).body;
        if (a.waterfall.steps.length > 0) {
          expect(email).toContain(`the annual subscription comes to ${counter},`);
        }
        for (const s of a.waterfall.steps) expect(email).toContain(`${s.ask}.`);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the benchmark rate", () => {
  const a = (json: LooseJson) => analyseDeal(dealFrom(json));

  it("does not move the counter figure", () => {
    const json = exampleJson();
    const withBench = a(json).waterfall.counterAnnual;
    delete json.leverage.benchmarkRate;
    expect(a(json).waterfall.counterAnnual).toEqual(withBench);
    // 193,440 − 15,360 − 5,520 − 16,320 = £156,240 either way.
    expect(formatMoney(withBench)).toBe("£156,240");
  });

  it("is priced against the rate the asks name", () => {
    const ex = a(exampleJson());
    // 170 named × (£62 − £58) × 12 = £8,160.
    expect(benchmarkNote(ex.waterfall, ex.deal.leverage.benchmarkRate)).toBe(
      "The benchmark rate of £58 per named seat per month is leverage, not an ask: £4 below the £62 the asks name, it would be worth a further £8,160 a year if matched (170 × £4 × 12). The counter figure does not count on it.",
    );
  });

  it("on yearly rates has no × 12", () => {
    const json = exampleJson();
    json.offer.ratePeriod = "year";
    json.offer.named = { seats: 100, rate: "800" };
    delete json.offer.tiers;
    delete json.offer.concurrentRate;
    json.usage = { activeFulfillers: 90 };
    json.leverage.benchmarkRate = "750";
    const v = a(json);
    // Right-sized to 90 at £800/yr = £72,000; 90 × (800 − 750) = £4,500.
    expect(formatMoney(v.waterfall.counterAnnual)).toBe("£72,000");
    expect(benchmarkNote(v.waterfall, v.deal.leverage.benchmarkRate)).toBe(
      "The benchmark rate of £750 per named seat per year is leverage, not an ask: £50 below the £800 the asks name, it would be worth a further £4,500 a year if matched (90 × £50). The counter figure does not count on it.",
    );
  });

  it("says it adds nothing when it is not below the asked rate", () => {
    const json = exampleJson();
    json.leverage.benchmarkRate = "62";
    const v = a(json);
    expect(benchmarkNote(v.waterfall, v.deal.leverage.benchmarkRate)).toBe(
      "The benchmark rate of £62 per named seat per month is not below the £62 the asks name, so it adds nothing to them.",
    );
  });

  it("says nothing when the deal has none", () => {
    const json = exampleJson();
    delete json.leverage.benchmarkRate;
    const v = a(json);
    expect(benchmarkNote(v.waterfall, v.deal.leverage.benchmarkRate)).toBeUndefined();
  });
});
