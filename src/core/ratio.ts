/**
 * Exact rational numbers over bigint. Money arithmetic that involves percentages or averages goes
 * through a Ratio so that nothing is rounded until the one place a figure becomes minor units.
 */
export interface Ratio {
  readonly num: bigint;
  /** Always positive; the sign lives in `num`. */
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("ratio: division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Ratio = ratio(0n);
export const ONE: Ratio = ratio(1n);

export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.num, a.den * b.den);
}

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError("ratio: division by zero");
  return ratio(a.num * b.den, a.den * b.num);
}

export function compare(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function isZero(a: Ratio): boolean {
  return a.num === 0n;
}

export function isInteger(a: Ratio): boolean {
  return a.den === 1n;
}

/**
 * Rounds half away from zero ("commercial rounding"), the convention invoices use:
 * 2.5 → 3, −2.5 → −3.
 */
export function roundHalfAwayFromZero(a: Ratio): bigint {
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const q = n / a.den;
  const r = n % a.den;
  const rounded = r * 2n >= a.den ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** For display and JSON only, never for money arithmetic. */
export function toNumber(a: Ratio): number {
  return Number(a.num) / Number(a.den);
}

/**
 * Parses a plain decimal such as `70`, `70.5`, `-3.25` or `1e3`-free `0.125` exactly.
 * Returns undefined for anything else, so callers can word their own error.
 */
export function parseDecimal(text: string): Ratio | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$|^([+-]?)\.(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const sign = (m[1] ?? m[4]) === "-" ? -1n : 1n;
  const whole = m[2] ?? "0";
  const frac = m[3] ?? m[5] ?? "";
  const den = 10n ** BigInt(frac.length);
  return ratio(sign * (BigInt(whole) * den + BigInt(frac === "" ? "0" : frac)), den);
}

/** Shortest exact decimal text when the ratio has one, else `digits` decimals (half away from 0). */
export function toDecimalString(a: Ratio, digits = 6): string {
  const scale = 10n ** BigInt(digits);
  const scaled = roundHalfAwayFromZero(mul(a, ratio(scale)));
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / scale;
  let frac = (abs % scale).toString().padStart(digits, "0").replace(/0+$/, "");
  if (digits === 0) frac = "";
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}
