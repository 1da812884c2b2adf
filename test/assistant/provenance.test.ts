/** Tool arguments may hold only the user's own numbers: normalised, both ways, with exemptions. */
import { describe, expect, it } from "vitest";
import {
  checkProvenance,
  consumedValues,
  unusedFigures,
  userNumbers,
} from "../../src/assistant/provenance.js";
import { currency, major } from "../../src/core/money.js";

const GBP = currency("GBP");

describe("userNumbers", () => {
  it("reads the message's figures as values and adds the deal's rates", () => {
    const values = userNumbers("Renewal on 294k over three years with a 3% cap, £1.2m list", {
      currency: GBP,
      namedRate: major("70.50", GBP),
      concurrentRate: major(140, GBP),
    });
    expect([...values].sort()).toEqual(["1200000", "140", "294000", "3", "70.5"].sort());
  });
});

describe("checkProvenance", () => {
  const asked = userNumbers("£294,000 a year, 3 year term, cap 3%", undefined);

  it("accepts arguments made of the user's numbers, in the tool's units", () => {
    expect(
      checkProvenance("renewal", { annualAmount: 294000, years: 3, capPercent: 3 }, asked),
    ).toEqual({ ok: true });
  });

  it("refuses a cap the user never gave (laundering 'the market standard')", () => {
    const laundered = userNumbers("Ask for a cap on our £294,000 renewal over 3 years", undefined);
    expect(
      checkProvenance("renewal", { annualAmount: 294000, years: 3, capPercent: 7 }, laundered),
    ).toEqual({ ok: false, numbers: [7], fractionForPercent: false });
  });

  it("accepts 294k passed as 294000, and 294000 passed when the user wrote 294k", () => {
    const k = userNumbers("294k renewal, 3 years, cap 3%", undefined);
    expect(
      checkProvenance("renewal", { annualAmount: 294000, years: 3, capPercent: 3 }, k),
    ).toEqual({ ok: true });
  });

  it("accepts a percent the user wrote as a fraction (0.03 → 3)", () => {
    const fraction = userNumbers("294000 over 3 years, cap 0.03", undefined);
    expect(
      checkProvenance("renewal", { annualAmount: 294000, years: 3, capPercent: 3 }, fraction),
    ).toEqual({ ok: true });
  });

  it("refuses a fraction passed for a whole percent (0.03 for 3%) and says why", () => {
    expect(
      checkProvenance("renewal", { annualAmount: 294000, years: 3, capPercent: 0.03 }, asked),
    ).toEqual({ ok: false, numbers: [0.03], fractionForPercent: true });
  });

  it("refuses a derived figure: a monthly £62 passed as a yearly 744", () => {
    // 62 × 12 = 744: arithmetic the model did; the calculator must be given 62 per month.
    const quote = userNumbers("260 agents at £62 per agent per month", undefined);
    const args = {
      plans: [{ lines: [{ seats: 260, type: "named", price: 744, period: "year" }] }],
    };
    expect(checkProvenance("cost", args, quote)).toEqual({
      ok: false,
      numbers: [744],
      fractionForPercent: false,
    });
  });

  it("accepts a rate from the channel's stored deal", () => {
    const deal = userNumbers("What would 200 named cost?", {
      currency: GBP,
      namedRate: major(70, GBP),
    });
    const args = { plans: [{ lines: [{ seats: 200, type: "named", price: 70 }] }] };
    expect(checkProvenance("cost", args, deal)).toEqual({ ok: true });
  });

  it("refuses a knowledge-base figure the user never gave", () => {
    // The articles discuss typical caps; the user said none, so no cap may be passed.
    const plain = userNumbers("Is our £294,000 renewal over 3 years fair?", undefined);
    expect(
      checkProvenance("renewal", { annualAmount: 294000, years: 3, lesserOfPercent: 5 }, plain),
    ).toEqual({ ok: false, numbers: [5], fractionForPercent: false });
  });

  it("exempts a price book's first seat, band ends one before the next, and a one-year term", () => {
    const book = userNumbers("240 seats: under 100 at 75, 100 to 249 at 70, 250+ at 62", undefined);
    const args = {
      seats: 240,
      tiers: [
        { from: 1, to: 99, rate: 75 },
        { from: 100, to: 249, rate: 70 },
        { from: 250, rate: 62 },
      ],
    };
    expect(checkProvenance("tiers", args, book)).toEqual({ ok: true });
    expect(checkProvenance("cost", { plans: [], years: 1 }, book)).toEqual({ ok: true });
  });

  it("refuses an invented band: its start and rate are not the user's", () => {
    // 199 is exempt only as "one before the next band's start"; that start, 200, is invented.
    const book = userNumbers("240 seats: 1-99 at 75, 100+ at 70", undefined);
    const args = {
      seats: 240,
      tiers: [
        { from: 1, to: 99, rate: 75 },
        { from: 100, to: 199, rate: 70 },
        { from: 200, rate: 65 },
      ],
    };
    expect(checkProvenance("tiers", args, book)).toEqual({
      ok: false,
      numbers: [200, 65],
      fractionForPercent: false,
    });
  });

  it("lets knowledge search through: it calculates nothing", () => {
    expect(checkProvenance("search_knowledge", { query: "renewal caps", limit: 4 }, asked)).toEqual(
      { ok: true },
    );
  });
});

describe("unusedFigures", () => {
  it("names the user's numbers no calculation consumed, as they wrote them", () => {
    const consumed = new Set(
      consumedValues({ plans: [{ lines: [{ seats: 260, type: "named", price: 62 }] }], years: 3 }),
    );
    expect(
      unusedFigures("260 agents at £62 per agent per month, 3 year term, 5% uplift", consumed),
    ).toEqual(["5%"]);
  });

  it("counts a user's fraction as used when passed as a whole percent", () => {
    const consumed = new Set(consumedValues({ annualAmount: 294000, years: 3, capPercent: 3 }));
    expect(unusedFigures("294k over 3 years, cap 0.03", consumed)).toEqual([]);
  });
});
