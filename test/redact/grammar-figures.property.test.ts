import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount, parseCount, parsePercent } from "../../src/commands/grammar/amounts.js";
import { redactText } from "../../src/redact.js";

/**
 * Any figure the command grammar reads (money, seats, percentages) must reach the model as typed.
 * The generators write figures the way people do: no leading zeros, up to twelve integer digits
 * (£999bn). Two shapes are left out on purpose, because there the text really is ambiguous and
 * redaction wins: thirteen or more solid digits that pass Luhn read as a card number, and a `+`
 * followed by nine or more digits reads as an international phone number.
 */
const integerPart = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 11 }),
  )
  .map(([first, rest]) => `${first}${rest.join("")}`);

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const number = fc
  .tuple(
    fc.oneof(integerPart, fc.constant("0")),
    fc.boolean(),
    fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 2 })),
  )
  .map(([int, grouped, decimals]) => {
    const whole = grouped ? withThousands(int) : int;
    return decimals ? `${whole}.${decimals.join("")}` : whole;
  });

const amount = fc
  .tuple(
    fc.constantFrom("", "£", "$", "€"),
    fc.constantFrom("", "-", "+"),
    number,
    fc.constantFrom("", "k", "m", "K", "M"),
    fc.constantFrom("", "/mo", "/yr", "pm", "pa", "/user/mo", "/agent/year", "/month"),
  )
  .filter(([, plusMinus, digits]) => plusMinus !== "+" || digits.replace(/\D/g, "").length < 9)
  .map(
    ([sign, plusMinus, digits, suffix, period]) => `${sign}${plusMinus}${digits}${suffix}${period}`,
  );

const percent = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.option(fc.integer({ min: 0, max: 99 })))
  .map(([whole, fraction]) => (fraction === null ? `${whole}%` : `${whole}.${fraction}%`));

const count = fc
  .tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.boolean())
  .map(([n, grouped]) => (grouped ? withThousands(String(n)) : String(n)));

const sentence = (figure: string) =>
  fc
    .constantFrom(
      (f: string) => f,
      (f: string) => `cost 150 named @ ${f}`,
      (f: string) => `renew ${f} at a 3% cap`,
      (f: string) => `the vendor quoted ${f} for 3 years, valid until 2026-12-01`,
      (f: string) => `${f} seats, ${f} active`,
    )
    .map((wrap) => wrap(figure));

describe("figures the command grammar accepts survive redaction", () => {
  it("amounts", () => {
    fc.assert(
      fc.property(
        amount.chain((a) => sentence(a).map((text) => [a, text] as const)),
        ([a, text]) => {
          expect(parseAmount(a, "the price").ok).toBe(true);
          expect(redactText(text)).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("percentages", () => {
    fc.assert(
      fc.property(
        percent.chain((p) => sentence(p).map((text) => [p, text] as const)),
        ([p, text]) => {
          expect(parsePercent(p, "the cap").ok).toBe(true);
          expect(redactText(text)).toBe(text);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("seat counts", () => {
    fc.assert(
      fc.property(
        count.chain((c) => sentence(c).map((text) => [c, text] as const)),
        ([c, text]) => {
          expect(parseCount(c, "seats").ok).toBe(true);
          expect(redactText(text)).toBe(text);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
