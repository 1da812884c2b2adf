import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../src/core/money.js";
import { parseDeal } from "../../src/drafting/deal-schema.js";
import { analyseDeal, byValue, type Move } from "../../src/drafting/moves.js";
import { buildWaterfall } from "../../src/drafting/waterfall.js";
import { dealFrom, exampleJson } from "./example-deal.js";

const money = (m: { minor: number } | undefined) => m?.minor;
const move = (moves: readonly Move[], key: Move["key"]) => moves.find((m) => m.key === key);

describe("savings waterfall on the example deal", () => {
  const w = buildWaterfall(dealFrom(exampleJson()));

  it("costs the offer and each step exactly", () => {
    // Offer: 260 × £62 × 12 = £193,440.
    expect(formatMoney(w.offerAnnual)).toBe("£193,440");
    // Right-sizing: 212 active fall in the 100-249 tier at £70: 212 × 70 × 12 = £178,080;
    //   saving 193,440 − 178,080 = £15,360.
    // Licensing model: 170 × 70 × 12 + 20 × 124 × 12 = 142,800 + 29,760 = £172,560; saving £5,520.
    // Volume break: forecast 250 reaches 250+ @ £62: 170 × 62 × 12 + 29,760 = 126,480 + 29,760
    //   = £156,240; saving £16,320.
    // The benchmark £58 is leverage, not a step: the counter stays at the volume-break rate.
    expect(w.steps.map((s) => [s.key, formatMoney(s.saving), formatMoney(s.afterAnnual)])).toEqual([
      ["right-sizing", "£15,360", "£178,080"],
      ["licensing-model", "£5,520", "£172,560"],
      ["volume-break", "£16,320", "£156,240"],
    ]);
    // 15,360 + 5,520 + 16,320 = 37,200 = 193,440 − 156,240.
    expect(formatMoney(w.counterAnnual)).toBe("£156,240");
    expect(formatMoney(w.totalAnnual)).toBe("£37,200");
  });

  it("asks with the deal's numbers", () => {
    expect(w.steps.map((s) => s.ask)).toEqual([
      "Licence 212 active fulfillers, not 260 provisioned",
      "Name the 170 full-time agents and share a pool of 20 concurrent licences among the other 42",
      "Price 170 named seats at £62, the next tier's rate, without buying up to it",
    ]);
  });

  it("keeps the offer's rate when right-sizing does not cross a break (the seed's £40,320)", () => {
    const json = exampleJson();
    json.offer.named.rate = "70";
    delete json.offer.tiers;
    json.usage = { activeFulfillers: 212 };
    // 48 seats × £70 × 12 = £40,320.
    const s = buildWaterfall(dealFrom(json)).steps[0];
    expect(s?.key).toBe("right-sizing");
    expect(formatMoney(s?.saving ?? w.offerAnnual)).toBe("£40,320");
  });

  it("asks for the next tier's rate when the count is within 20% of the break", () => {
    const json = exampleJson();
    json.usage = { activeFulfillers: 212 };
    delete json.forecast;
    delete json.leverage.benchmarkRate;
    const v = buildWaterfall(dealFrom(json));
    // 212 is 38 below 250: 38 ≤ 20% × 250 = 50. 212 × (70 − 62) × 12 = £20,352.
    expect(v.steps.map((s) => [s.key, formatMoney(s.saving)])).toEqual([
      ["right-sizing", "£15,360"],
      ["volume-break", "£20,352"],
    ]);
  });

  it("does not ask when the break is too far and no forecast crosses it", () => {
    const json = exampleJson();
    delete json.forecast;
    const v = buildWaterfall(dealFrom(json));
    expect(v.skipped["volume-break"]).toBe(
      "170 seats are 80 below the next break at 250: too far to ask for its rate",
    );
  });
});

describe("the five moves", () => {
  const a = analyseDeal(dealFrom(exampleJson()));

  it("marks each move with its status and money at stake", () => {
    expect(a.moves.map((m) => [m.key, m.status, money(m.atStake), m.per])).toEqual([
      ["right-size", "against us", 1_536_000, "year"],
      ["licensing-model", "missing", 552_000, "year"],
      ["volume-break", "missing", 1_632_000, "year"],
      // T&M: 60 × £1,200 = £72,000; +40% = £100,800; at stake £28,800.
      ["implementation", "against us", 2_880_000, "one-off"],
      // From £156,240 over 3 years: 7% gives 156,240 + 167,176.80 + 178,879.18 = 502,295.98;
      // 3% gives 156,240 + 160,927.20 + 165,755.02 = 482,922.22; difference £19,373.76.
      ["renewal", "missing", 1_937_376, "term"],
    ]);
  });

  it("ranks by value over the term", () => {
    // Volume 16,320 × 3 = 48,960; right-size 15,360 × 3 = 46,080; implementation 28,800;
    // renewal 19,373.76; model 5,520 × 3 = 16,560.
    expect(byValue(a.moves).map((m) => m.key)).toEqual([
      "volume-break",
      "right-size",
      "implementation",
      "renewal",
      "licensing-model",
    ]);
  });

  it("finds a renewal covered when the cap is ours, locked and with exit", () => {
    const json = exampleJson();
    json.offer.renewal = {
      uplift: { kind: "lesser-of", cap: "3%" },
      lockedForTerm: true,
      exitRights: true,
    };
    const r = move(analyseDeal(dealFrom(json)).moves, "renewal");
    expect([r?.status, r?.atStake, r?.ask]).toEqual(["covered", undefined, "Nothing to ask"]);
  });

  it("finds a greater-of renewal against us", () => {
    const json = exampleJson();
    json.offer.renewal = {
      uplift: { kind: "greater-of", minimum: "4%" },
      lockedForTerm: true,
      exitRights: true,
    };
    const r = move(analyseDeal(dealFrom(json)).moves, "renewal");
    expect(r?.status).toBe("against us");
    expect(r?.finding).toBe("The renewal has a rise of at least 4% whatever CPI does.");
  });

  it("finds a fixed price without acceptance criteria missing, and complete ones covered", () => {
    const json = exampleJson();
    json.offer.implementation = { kind: "fixed", fixedPrice: "45000", migrationPlan: true };
    expect(move(analyseDeal(dealFrom(json)).moves, "implementation")?.ask).toBe(
      "Add acceptance criteria to the £45,000 fixed price",
    );
    expect(move(analyseDeal(dealFrom(json)).moves, "implementation")?.finding).toBe(
      "The price is fixed but the quote has no acceptance criteria, so the scope can still grow.",
    );
    json.offer.implementation.migrationPlan = false;
    expect(move(analyseDeal(dealFrom(json)).moves, "implementation")?.finding).toBe(
      "The price is fixed but the quote has no acceptance criteria or data-migration plan, so the scope can still grow.",
    );
    json.offer.implementation.acceptanceCriteria = true;
    json.offer.implementation.migrationPlan = true;
    expect(move(analyseDeal(dealFrom(json)).moves, "implementation")?.status).toBe("covered");
  });

  it("says what data is missing instead of guessing", () => {
    const json = exampleJson();
    json.usage = {};
    delete json.offer.implementation;
    const moves = analyseDeal(dealFrom(json)).moves;
    expect(move(moves, "right-size")?.status).toBe("not checked");
    expect(move(moves, "right-size")?.ask).toBe(
      "Add the data: active-fulfiller count (usage.activeFulfillers)",
    );
    expect(move(moves, "implementation")?.status).toBe("not checked");
  });

  it("the steps always add up to the total, whatever the deal (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 20000 }),
        (seats, active, fullShare, peak, ratePence) => {
          const json = exampleJson();
          json.offer.named = { seats, rate: (ratePence / 100).toFixed(2) };
          const fullTime = Math.floor((active * fullShare) / 100);
          json.usage = { activeFulfillers: active, fullTimeAgents: fullTime, occasionalPeak: peak };
          const d = parseDeal(json);
          if (!d.ok) return;
          const w = buildWaterfall(d.value);
          const sum = w.steps.reduce((n, s) => n + s.saving.minor, 0);
          expect(sum).toBe(w.totalAnnual.minor);
          expect(w.steps.every((s) => s.saving.minor > 0)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
