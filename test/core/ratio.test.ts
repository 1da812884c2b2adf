import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  div,
  mul,
  parseDecimal,
  ratio,
  roundHalfAwayFromZero,
  sub,
  toDecimalString,
} from "../../src/core/ratio.js";

describe("ratio", () => {
  it("reduces fractions and keeps the sign on the numerator", () => {
    expect(ratio(6, -4)).toEqual({ num: -3n, den: 2n });
  });

  it("parses decimals exactly", () => {
    expect(parseDecimal("0.1")).toEqual({ num: 1n, den: 10n });
    expect(parseDecimal("-3.25")).toEqual({ num: -13n, den: 4n });
    expect(parseDecimal(".5")).toEqual({ num: 1n, den: 2n });
    expect(parseDecimal("1e3")).toBeUndefined();
    expect(parseDecimal("")).toBeUndefined();
  });

  it("0.1 + 0.2 is exactly 0.3", () => {
    const s = add(parseDecimal("0.1") ?? ratio(0), parseDecimal("0.2") ?? ratio(0));
    expect(toDecimalString(s)).toBe("0.3");
  });

  it("rounds half away from zero", () => {
    expect(roundHalfAwayFromZero(ratio(5, 2))).toBe(3n);
    expect(roundHalfAwayFromZero(ratio(-5, 2))).toBe(-3n);
    expect(roundHalfAwayFromZero(ratio(7, 3))).toBe(2n);
  });

  it("throws on division by zero (a programming error, never user input)", () => {
    expect(() => ratio(1, 0)).toThrow("division by zero");
    expect(() => div(ratio(1), ratio(0))).toThrow("division by zero");
  });

  it("field laws hold (property)", () => {
    const r = fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([n, d]) => ratio(n, d));
    fc.assert(
      fc.property(r, r, r, (a, b, c) => {
        expect(compare(mul(a, add(b, c)), add(mul(a, b), mul(a, c)))).toBe(0);
        expect(compare(sub(add(a, b), b), a)).toBe(0);
      }),
    );
  });
});
