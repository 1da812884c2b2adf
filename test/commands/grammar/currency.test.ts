import { describe, expect, it } from "vitest";
import { chooseCurrency, looksLikeCurrencyCode } from "../../../src/commands/grammar/currency.js";
import { currency } from "../../../src/core/money.js";

describe("looksLikeCurrencyCode", () => {
  it.each(["GBP", "USD", "XYZ", "gbp", "usd", "eur", "chf"])("%s is a currency code", (word) => {
    expect(looksLikeCurrencyCode(word)).toBe(true);
  });

  it.each(["xyz", "and", "for", "per", "all", "top", "try", "Gbp", "gb", "gbpx", "sessions.csv"])(
    "%s is not",
    (word) => {
      expect(looksLikeCurrencyCode(word)).toBe(false);
    },
  );
});

describe("chooseCurrency with lower-case codes", () => {
  it("reads gbp as GBP, and agrees with a £ sign", () => {
    expect(chooseCurrency(["£"], ["gbp"], currency("USD"))).toEqual({
      ok: true,
      value: { code: "GBP", assumed: false },
    });
  });

  it("refuses a £ sign with usd", () => {
    const r = chooseCurrency(["£"], ["usd"], currency("GBP"));
    expect(!r.ok && r.issues[0]?.message).toBe(
      "the amounts are written in £ but the currency is USD",
    );
  });
});
