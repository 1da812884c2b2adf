import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  currency,
  formatMoney,
  fromMajorExact,
  major,
  money,
  moneyJson,
  parseCurrency,
  scale,
  sum,
  toDecimal,
} from "../../src/core/money.js";
import { parseDecimal, ratio } from "../../src/core/ratio.js";

const GBP = currency("GBP");
const USD = currency("USD");
const JPY = currency("JPY");

describe("money", () => {
  it("formats whole amounts without pence and others with them", () => {
    expect(formatMoney(major(600000, GBP))).toBe("£600,000");
    expect(formatMoney(major("70.5", GBP))).toBe("£70.50");
    expect(formatMoney(major(2121800, USD))).toBe("$2,121,800");
    expect(formatMoney(money(-30600000, GBP))).toBe("-£306,000");
    expect(formatMoney(major(1500, JPY))).toBe("¥1,500");
  });

  it("keeps exact decimals in JSON", () => {
    expect(moneyJson(major("294000", GBP))).toEqual({
      currency: "GBP",
      minor: 29_400_000,
      amount: "294000.00",
      text: "£294,000",
    });
    expect(toDecimal(money(-5, GBP))).toBe("-0.05");
    expect(toDecimal(major(1500, JPY))).toBe("1500");
  });

  it("refuses a typed price with more decimals than the currency has", () => {
    const r = fromMajorExact(parseDecimal("70.123") ?? ratio(0), GBP);
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "money.too_precise",
          message: "70.123 has more decimals than GBP allows (2)",
          hint: "round it to 2 decimals",
        },
      ],
    });
  });

  it("rounds half away from zero, once", () => {
    // £1.01 × 50% = 50.5p → 51p; −£1.01 × 50% = −50.5p → −51p.
    expect(scale(major("1.01", GBP), ratio(1, 2)).minor).toBe(51);
    expect(scale(money(-101, GBP), ratio(1, 2)).minor).toBe(-51);
    // £2,000,000 × 1.03 = £2,060,000 exactly.
    expect(scale(major(2000000, GBP), ratio(103, 100))).toEqual(major(2060000, GBP));
  });

  it("names an unknown currency and shows what to type", () => {
    expect(parseCurrency("XYZ")).toEqual({
      ok: false,
      issues: [
        {
          code: "currency.unknown",
          message: '"XYZ" is not a currency I know',
          hint: "use an ISO 4217 code such as GBP, USD or EUR, or a £, $ or € sign",
        },
      ],
    });
  });

  it("refuses to add different currencies", () => {
    expect(() => add(major(1, GBP), major(1, USD))).toThrow("cannot combine GBP with USD");
  });

  it("sums exactly (property: sum of parts equals the total of minor units)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 }), (parts) => {
        const total = sum(
          parts.map((p) => money(p, GBP)),
          GBP,
        );
        expect(total.minor).toBe(parts.reduce((a, b) => a + b, 0));
      }),
    );
  });
});
