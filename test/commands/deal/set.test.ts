import { describe, expect, it } from "vitest";
import { applySet } from "../../../src/commands/deal/set.js";
import { currency, major } from "../../../src/core/money.js";

const GBP = currency("GBP");
const HINT = "set vendor HaloITSM currency GBP named 70 concurrent 140";

describe("applySet", () => {
  it("reads vendor, currency and both monthly rates", () => {
    expect(
      applySet("vendor HaloITSM currency GBP named 70 concurrent 140", undefined, GBP),
    ).toEqual({
      ok: true,
      currencyAssumed: false,
      deal: {
        vendor: "HaloITSM",
        currency: GBP,
        namedRate: major(70, GBP),
        concurrentRate: major(140, GBP),
      },
    });
  });

  it("reads a vendor of several words and keeps what a later set doesn't change", () => {
    const first = applySet('vendor "Halo ITSM" named £70.50', undefined, GBP);
    expect(first).toEqual({
      ok: true,
      currencyAssumed: true,
      deal: { vendor: "Halo ITSM", currency: GBP, namedRate: major("70.50", GBP) },
    });
    if (!first.ok) return;
    expect(applySet("concurrent 140", first.deal, GBP)).toEqual({
      ok: true,
      currencyAssumed: false,
      deal: { ...first.deal, concurrentRate: major(140, GBP) },
    });
  });

  it("drops stored rates when the currency changes", () => {
    const deal = { vendor: "HaloITSM", currency: GBP, namedRate: major(70, GBP) };
    expect(applySet("currency USD", deal, GBP)).toEqual({
      ok: true,
      currencyAssumed: false,
      deal: { vendor: "HaloITSM", currency: currency("USD") },
    });
  });

  it.each([
    ["named 70", "set.no_vendor", "the first set in a channel must name the vendor", HINT],
    [
      "vendor HaloITSM seats",
      "set.unknown_word",
      'I don\'t know "seats" here: set takes vendor, currency, named, concurrent, renews, notice',
      HINT,
    ],
    ["vendor HaloITSM named", "set.missing_value", "named needs a value", HINT],
    ["vendor HaloITSM named 70 named 80", "set.repeated", "named is given twice", HINT],
    [
      "vendor HaloITSM named 0",
      "rate.not_positive",
      "the named rate must be more than 0",
      "named 70",
    ],
    [
      "vendor HaloITSM named 840/yr",
      "rate.per_year",
      "the named rate must be per month, not 840/yr",
      "named 70",
    ],
    [
      "vendor HaloITSM named €70",
      "currency.conflict",
      "the named rate €70 is not in the deal's currency GBP",
      HINT,
    ],
    [
      "vendor HaloITSM named 70.123",
      "money.too_precise",
      "70.123 has more decimals than GBP allows (2)",
      HINT,
    ],
  ])("refuses %s", (text, code, message, hint) => {
    expect(applySet(text, undefined, GBP)).toEqual({
      ok: false,
      issues: [{ code, message, hint }],
    });
  });

  it("refuses an unknown currency with the money module's message", () => {
    const r = applySet("vendor HaloITSM currency XYZ", undefined, GBP);
    expect(r.ok === false && r.issues[0]?.code).toBe("currency.unknown");
  });
});
