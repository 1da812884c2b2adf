import { describe, expect, it } from "vitest";
import { percent } from "../../src/core/percent.js";
import { toDecimalString } from "../../src/core/ratio.js";
import {
  cpiSeries,
  describePolicy,
  perYearCap,
  type UpliftPolicy,
  upliftForYear,
} from "../../src/core/uplift.js";

const cpi = [percent("4.1"), percent("2.8")];

function rateAndReason(policy: UpliftPolicy, year: number): [string, string] {
  const u = upliftForYear(policy, year);
  return [toDecimalString(u.rate), u.reason];
}

describe("upliftForYear", () => {
  it("applies the full fixed cap every year (the worst case)", () => {
    expect(rateAndReason({ kind: "cap", cap: percent(3) }, 2)).toEqual([
      "0.03",
      "full 3% cap (worst case)",
    ]);
  });

  it("lesser-of caps CPI above the cap and passes CPI under it", () => {
    const policy: UpliftPolicy = { kind: "lesser-of", cpi, cap: percent(3) };
    // year 2 reads CPI[0] = 4.1% > 3% → 3%; year 3 reads CPI[1] = 2.8% < 3% → 2.8%
    expect(rateAndReason(policy, 2)).toEqual(["0.03", "CPI 4.1% capped at 3%"]);
    expect(rateAndReason(policy, 3)).toEqual(["0.028", "CPI 2.8%, under the cap"]);
  });

  it("greater-of lifts CPI below the minimum and passes CPI above it", () => {
    const policy: UpliftPolicy = { kind: "greater-of", cpi, minimum: percent(3) };
    expect(rateAndReason(policy, 2)).toEqual(["0.041", "CPI 4.1%, over the 3% minimum"]);
    expect(rateAndReason(policy, 3)).toEqual(["0.03", "CPI 2.8% raised to the 3% minimum"]);
  });

  it("a floor lifts a low CPI and says so", () => {
    const policy: UpliftPolicy = {
      kind: "lesser-of",
      cpi: [percent("0.5")],
      cap: percent(3),
      floor: percent(1),
    };
    expect(rateAndReason(policy, 2)).toEqual([
      "0.01",
      "CPI 0.5%, under the cap, raised to the 1% floor",
    ]);
  });

  it("CPI alone passes a negative CPI through unless a floor stops it", () => {
    const negative = [percent("-0.5")];
    expect(rateAndReason({ kind: "cpi", cpi: negative }, 2)).toEqual(["-0.005", "CPI -0.5%"]);
    expect(rateAndReason({ kind: "cpi", cpi: negative, floor: percent(0) }, 2)).toEqual([
      "0",
      "CPI -0.5%, raised to the 0% floor",
    ]);
  });

  it("a list uplift applies every year", () => {
    expect(rateAndReason({ kind: "list", uplift: percent(7) }, 5)).toEqual([
      "0.07",
      "list uplift 7%",
    ]);
  });

  it("throws on a missing CPI value, which callers must have checked", () => {
    expect(() => upliftForYear({ kind: "cpi", cpi }, 4)).toThrow(RangeError);
  });
});

describe("policy facts", () => {
  it("only a fixed cap and lesser-of promise a per-year cap", () => {
    expect(perYearCap({ kind: "cap", cap: percent(3) })).toEqual(percent(3));
    expect(perYearCap({ kind: "lesser-of", cpi, cap: percent(3) })).toEqual(percent(3));
    expect(perYearCap({ kind: "greater-of", cpi, minimum: percent(3) })).toBeUndefined();
    expect(perYearCap({ kind: "cpi", cpi })).toBeUndefined();
    expect(perYearCap({ kind: "list", uplift: percent(7) })).toBeUndefined();
    expect(cpiSeries({ kind: "cap", cap: percent(3) })).toEqual([]);
  });

  it.each<[UpliftPolicy, string]>([
    [{ kind: "cap", cap: percent(3) }, "a 3% cap"],
    [{ kind: "lesser-of", cpi, cap: percent("3.5") }, "the lesser of CPI and 3.5%"],
    [
      { kind: "greater-of", cpi, minimum: percent(3), floor: percent(1) },
      "the greater of CPI and 3% with a 1% floor",
    ],
    [{ kind: "cpi", cpi }, "CPI"],
    [{ kind: "list", uplift: percent(7) }, "an uncapped 7% list uplift"],
  ])('describes policy %# as "%s"', (policy, words) => {
    expect(describePolicy(policy)).toBe(words);
  });
});
