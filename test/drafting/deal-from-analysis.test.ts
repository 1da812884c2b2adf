import { describe, expect, it } from "vitest";
import { currency, formatMoney, type Money } from "../../src/core/money.js";
import { asksTable } from "../../src/drafting/asks.js";
import {
  type AnalysisFigures,
  analysisFigures,
  type ChannelDealRates,
  dealFromAnalysis,
} from "../../src/drafting/deal-from-analysis.js";
import { analyseDeal } from "../../src/drafting/moves.js";

const GBP = currency("GBP");
const gbp = (pounds: number): Money => ({ minor: pounds * 100, currency: GBP });
const moneyJson = (pounds: number, code = "GBP") => ({
  currency: code,
  minor: pounds * 100,
  amount: `${pounds}.00`,
  text: `£${pounds}`,
});

const channel: ChannelDealRates = {
  vendor: "HaloITSM",
  currency: GBP,
  namedRate: gbp(70),
  concurrentRate: gbp(140),
};

/** A split reply's data (the parts read): 6 people, 2 named + a pool of 1 at £70 / £140 a month. */
const splitData = {
  kind: "sessions",
  concurrency: { users: 6, peak: 3 },
  split: {
    named: 2,
    namedUsers: ["ann", "bob"],
    concurrent: 1,
    // £70 × 12 = £840; £140 × 12 = £1,680 a year.
    rates: { named: moneyJson(840), concurrent: moneyJson(1680) },
  },
  rightsize: null,
};

/** A rightsize reply's data: 10 provisioned, 6 active, 8 to keep (2 occasional), £70/mo. */
const rightsizeData = {
  kind: "roster",
  concurrency: null,
  split: null,
  rightsize: {
    provisioned: 10,
    active: 6,
    recommended: 8,
    removable: 2,
    annualRate: moneyJson(840),
  },
};

function figures(data: unknown): AnalysisFigures {
  const f = analysisFigures(data);
  if (!f) throw new Error("no figures");
  return f;
}

describe("analysisFigures", () => {
  it("reads a priced split and a priced rightsize", () => {
    expect(figures(splitData)).toEqual({
      kind: "split",
      people: 6,
      named: 2,
      pool: 1,
      namedAnnual: gbp(840),
      concurrentAnnual: gbp(1680),
    });
    expect(figures(rightsizeData)).toEqual({
      kind: "rightsize",
      provisioned: 10,
      active: 6,
      recommended: 8,
      annualRate: gbp(840),
    });
  });

  it("reads a saved analysis's outputs, which have no named list", () => {
    const { namedUsers: _, ...saved } = splitData.split;
    expect(figures({ ...splitData, split: saved }).kind).toBe("split");
  });

  it("finds nothing to draft from in an unpriced or other reply", () => {
    expect(analysisFigures({ ...splitData, split: null })).toBeUndefined();
    expect(
      analysisFigures({
        ...rightsizeData,
        rightsize: { ...rightsizeData.rightsize, annualRate: null },
      }),
    ).toBeUndefined();
    expect(analysisFigures({ rows: 2 })).toBeUndefined();
    expect(analysisFigures(undefined)).toBeUndefined();
    expect(
      analysisFigures({
        ...splitData,
        split: {
          ...splitData.split,
          rates: { named: moneyJson(840, "XXY"), concurrent: moneyJson(1) },
        },
      }),
    ).toBeUndefined();
  });
});

describe("dealFromAnalysis from a split", () => {
  const built = dealFromAnalysis(channel, figures(splitData));
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  const deal = built.value;

  it("assumes everyone in the log named at the channel's rate, with the split as the usage", () => {
    expect(deal.vendor).toBe("HaloITSM");
    expect(deal.currency).toBe("GBP");
    expect(deal.offer.named).toEqual({ seats: 6, rate: gbp(70) });
    expect(deal.offer.concurrent).toBeUndefined();
    expect(deal.offer.concurrentRate).toEqual(gbp(140));
    expect(deal.usage).toEqual({ activeFulfillers: 6, fullTimeAgents: 2, occasionalPeak: 1 });
    expect(deal.renewalDate).toBeUndefined();
    expect(deal.offer.implementation).toBeUndefined();
    expect(deal.offer.renewal.uplift).toEqual({ kind: "none" });
    expect(deal.notes[0]).toBe(
      "Assumed offer: the vendor licenses all 6 people in the session log as named users at £70/mo (the channel's named rate). The file shows usage, not the quote: replace it with the real offer.",
    );
    expect(deal.notes[1]).toBe(
      "Usage from the session log: the cheapest split names 2 and shares a pool of 1 concurrent licences at £140/mo among the other 4.",
    );
    expect(deal.notes[2]).toContain("Not in the file");
  });

  it("gives the drafting the split's saving as the licensing-model ask", () => {
    const a = analyseDeal(deal);
    // Offer: 6 × £70 × 12 = £5,040. Licensing model: 2 × 70 × 12 + 1 × 140 × 12 = 1,680 + 1,680
    // = £3,360; saving 5,040 − 3,360 = £1,680 (the split's saving against naming everyone).
    expect(formatMoney(a.waterfall.offerAnnual)).toBe("£5,040");
    expect(formatMoney(a.waterfall.counterAnnual)).toBe("£3,360");
    // Renewal over 3 years from £3,360: at the assumed 7%, 3,360 + 3,595.20 + 3,846.86 (3,846.864
    // rounded) = £10,802.06; at 3%, 3,360 + 3,460.80 + 3,564.62 (3,564.624) = £10,385.42;
    // difference £416.64.
    expect(a.renewalSaving && formatMoney(a.renewalSaving)).toBe("£416.64");
    expect(a.moves.map((m) => [m.key, m.status])).toEqual([
      // Everyone in the log is active, so the assumed offer has no spare seats to cut.
      ["right-size", "covered"],
      ["licensing-model", "missing"],
      ["volume-break", "not checked"],
      ["implementation", "not checked"],
      ["renewal", "missing"],
    ]);
    expect(asksTable(a).rows[1]).toEqual([
      "Licensing model",
      "Name the 2 full-time agents and share a pool of 1 concurrent licences among the other 4",
      "missing",
      "£1,680 a year",
    ]);
  });
});

describe("dealFromAnalysis from a rightsize", () => {
  it("assumes every provisioned user named, and licenses the ones that match real use", () => {
    const built = dealFromAnalysis(
      { vendor: "HaloITSM", currency: GBP, namedRate: gbp(70) },
      figures(rightsizeData),
    );
    if (!built.ok) throw new Error(JSON.stringify(built.issues));
    const deal = built.value;
    expect(deal.offer.named).toEqual({ seats: 10, rate: gbp(70) });
    expect(deal.offer.concurrentRate).toBeUndefined();
    expect(deal.usage).toEqual({ activeFulfillers: 8 });
    expect(deal.notes[1]).toBe(
      "Usage from the roster: 8 licences match real use (6 active, 2 occasional); 2 can go. Share a session log to size a concurrent pool for the occasional users.",
    );
    const a = analyseDeal(deal);
    // Offer 10 × £70 × 12 = £8,400; right-sized 8 × 70 × 12 = £6,720; saving £1,680
    // (the 2 removable × £840, the rightsize's own saving).
    expect(asksTable(a).rows[0]).toEqual([
      "Right-size agents",
      "Licence 8 active fulfillers, not 10 provisioned",
      "against us",
      "£1,680 a year",
    ]);
    expect(a.moves.find((m) => m.key === "licensing-model")?.status).toBe("not checked");
  });
});

describe("dealFromAnalysis refusals", () => {
  it("needs the channel's named rate", () => {
    const r = dealFromAnalysis({ vendor: "HaloITSM", currency: GBP }, figures(rightsizeData));
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "draft.no_named_rate",
          message: "the channel's deal has no named rate to price the offer with",
          hint: "/deal set named 70 concurrent 140, then share the file again",
        },
      ],
    });
  });

  it("needs the concurrent rate for a split", () => {
    const r = dealFromAnalysis(
      { vendor: "HaloITSM", currency: GBP, namedRate: gbp(70) },
      figures(splitData),
    );
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.message])).toEqual([
      ["draft.no_concurrent_rate", "the channel's deal has no concurrent rate for the pool"],
    ]);
  });

  it("refuses when the channel's rates changed since the analysis", () => {
    const r = dealFromAnalysis({ ...channel, namedRate: gbp(75) }, figures(splitData));
    // £75 × 12 = £900 a year, not the £840 the split used.
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "draft.rates_changed",
          message:
            "this analysis used £840 a year per named user, but the channel's named user rate is now £75/mo (£900 a year)",
          hint: "click Change rates (or share the file again) and draft from the new result",
        },
      ],
    });
  });

  it("refuses an analysis priced in another currency", () => {
    const usd = { ...rightsizeData.rightsize, annualRate: moneyJson(840, "USD") };
    const r = dealFromAnalysis(channel, figures({ ...rightsizeData, rightsize: usd }));
    expect(r.ok ? "" : r.issues[0]?.message).toBe(
      "this analysis used $840 a year per named user, but the channel's named user rate is now £70/mo (£840 a year)",
    );
  });
});
