import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currency, formatMoney, minorDigits, money, toDecimal } from "../../src/core/money.js";

const CODES = ["GBP", "USD", "EUR", "JPY", "KWD", "CHF", "INR"].map(currency);

/** What formatMoney gave before formatters were cached: a new Intl.NumberFormat per amount. */
function freshFormat(
  minor: number,
  code: (typeof CODES)[number],
  alwaysShowMinor: boolean,
): string {
  const digits = minorDigits(code);
  const whole = minor % 10 ** digits === 0;
  const fractionDigits = whole && !alwaysShowMinor ? 0 : digits;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: code,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(toDecimal(money(minor, code)) as unknown as number);
}

describe("formatMoney with cached formatters", () => {
  it("gives hand-checked figures, whichever currency was formatted before", () => {
    // Interleaved so a formatter cached for one currency or digit count is never reused for another.
    expect(formatMoney(money(7050, currency("GBP")))).toBe("£70.50");
    expect(formatMoney(money(7000, currency("GBP")))).toBe("£70");
    expect(formatMoney(money(7000, currency("GBP")), { alwaysShowMinor: true })).toBe("£70.00");
    expect(formatMoney(money(1234, currency("JPY")))).toBe("¥1,234");
    expect(formatMoney(money(1234, currency("KWD")))).toBe("KWD\u00a01.234"); // Intl puts a no-break space after a code;
    expect(formatMoney(money(7050, currency("GBP")))).toBe("£70.50");
    expect(formatMoney(money(-30600000, currency("USD")))).toBe("-$306,000");
  });

  it("matches a freshly built formatter for any amount, currency and option, in any order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minor: fc.integer({ min: -1e12, max: 1e12 }),
            code: fc.constantFrom(...CODES),
            always: fc.boolean(),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (amounts) => {
          for (const { minor, code, always } of amounts) {
            expect(formatMoney(money(minor, code), { alwaysShowMinor: always })).toBe(
              freshFormat(minor, code, always),
            );
          }
        },
      ),
    );
  });
});
