import { describe, expect, it } from "vitest";
import { parseAmount, parseCount, parsePercent } from "../../../src/commands/grammar/amounts.js";
import { toDecimalString } from "../../../src/core/ratio.js";

describe("parseAmount", () => {
  it.each([
    ["70", "70", undefined, undefined],
    ["£70", "70", "£", undefined],
    ["$6.50", "6.5", "$", undefined],
    ["294k", "294000", undefined, undefined],
    ["1.2m", "1200000", undefined, undefined],
    ["€1,250/mo", "1250", "€", "month"],
    ["840/yr", "840", undefined, "year"],
    ["£70/user/mo", "70", "£", "month"],
    ["1200pa", "1200", undefined, "year"],
    ["-5", "-5", undefined, undefined],
  ])("reads %s", (text, value, sign, period) => {
    const r = parseAmount(text, "the price");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(toDecimalString(r.value.value)).toBe(value);
    expect(r.value.sign).toBe(sign);
    expect(r.value.period).toBe(period);
  });

  it.each(["abc", "7x", "£", "1,23", ""])("rejects %j with a hint", (text) => {
    const r = parseAmount(text, "the price");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("amount.not_a_number");
    expect(r.issues[0]?.message).toBe(`the price "${text}" is not an amount`);
    expect(r.issues[0]?.hint).toContain("£70");
  });
});

describe("parsePercent", () => {
  it("reads 3% and 3.5 as fractions", () => {
    const a = parsePercent("3%", "the cap");
    const b = parsePercent("3.5", "the cap");
    expect(a.ok && toDecimalString(a.value)).toBe("0.03");
    expect(b.ok && toDecimalString(b.value)).toBe("0.035");
  });
  it("rejects words", () => {
    const r = parsePercent("lots", "the cap");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]?.message).toBe('the cap "lots" is not a percentage');
  });
});

describe("parseCount", () => {
  it("reads 1,200", () => {
    expect(parseCount("1,200", "seats")).toEqual({ ok: true, value: 1200 });
  });
  it("rejects 1.5 seats", () => {
    const r = parseCount("1.5", "seats");
    expect(!r.ok && r.issues[0]?.code).toBe("count.not_whole");
  });
});
