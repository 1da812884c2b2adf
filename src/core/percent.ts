/** Percentages as exact ratios: "3%" is 3/100. Shown with at most one decimal. */
import { div, isZero, mul, type Ratio, ratio, toDecimalString } from "./ratio.js";

export function percent(value: number | string): Ratio {
  const [whole, frac = ""] = String(value).split(".");
  return ratio(BigInt(`${whole}${frac}`), 100n * 10n ** BigInt(frac.length));
}

/** "51%", "3.5%", "0.4%": one decimal at most, trailing zeros dropped. */
export function formatPercent(fraction: Ratio, decimals = 1): string {
  return `${toDecimalString(mul(fraction, ratio(100n)), decimals)}%`;
}

/** part ÷ whole as a fraction, or undefined when the whole is zero (no meaningful percent). */
export function shareOf(part: bigint | number, whole: bigint | number): Ratio | undefined {
  const w = ratio(BigInt(whole));
  if (isZero(w)) return undefined;
  return div(ratio(BigInt(part)), w);
}

/** For JSON: a percent number rounded to 2 decimals (51 for 51%, 3.27 for 3.27%). */
export function percentNumber(fraction: Ratio): number {
  return Number(toDecimalString(mul(fraction, ratio(100n)), 2));
}
