/**
 * Exact money: integer minor units (pence, cents) with an explicit ISO 4217 currency.
 * Arithmetic that needs fractions goes through Ratio and is rounded once, half away from zero.
 */

import {
  parseDecimal,
  type Ratio,
  ratio,
  mul as rmul,
  roundHalfAwayFromZero,
  toDecimalString,
} from "./ratio.js";
import { fail, ok, type Result } from "./result.js";

declare const currencyBrand: unique symbol;
/** An upper-case ISO 4217 code known to this runtime's Intl data. */
export type CurrencyCode = string & { readonly [currencyBrand]: true };

export interface Money {
  /** Integer amount in the currency's minor unit (pence for GBP, cents for USD, yen for JPY). */
  readonly minor: number;
  readonly currency: CurrencyCode;
}

const knownCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

export const CURRENCY_HINT = "use an ISO 4217 code such as GBP, USD or EUR, or a £, $ or € sign";

export function parseCurrency(text: string): Result<CurrencyCode> {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !knownCurrencies.has(code)) {
    return fail("currency.unknown", `"${text.trim()}" is not a currency I know`, CURRENCY_HINT);
  }
  return ok(code as CurrencyCode);
}

/** Trusted constructor for literals in code and tests; throws on an unknown code. */
export function currency(code: string): CurrencyCode {
  const r = parseCurrency(code);
  if (!r.ok) throw new RangeError(`unknown currency ${code}`);
  return r.value;
}

const digitsCache = new Map<string, number>();
/** Number of minor-unit digits: 2 for GBP/USD/EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(code: CurrencyCode): number {
  let d = digitsCache.get(code);
  if (d === undefined) {
    d = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits as number;
    digitsCache.set(code, d);
  }
  return d;
}

function minorPerMajor(code: CurrencyCode): bigint {
  return 10n ** BigInt(minorDigits(code));
}

function checkedMinor(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError("amount is too large to represent exactly");
  }
  return n;
}

export function money(minor: number | bigint, code: CurrencyCode): Money {
  const m = typeof minor === "bigint" ? checkedMinor(minor) : minor;
  if (!Number.isSafeInteger(m)) throw new RangeError(`money: ${minor} is not a safe integer`);
  return { minor: m, currency: code };
}

/** Money from major units given exactly, e.g. `major(70, GBP)` is £70.00. */
export function major(amount: number | string, code: CurrencyCode): Money {
  const r = parseDecimal(String(amount));
  if (!r) throw new RangeError(`major: ${amount} is not a decimal`);
  const minor = rmul(r, ratio(minorPerMajor(code)));
  if (minor.den !== 1n) throw new RangeError(`major: ${amount} has more decimals than ${code}`);
  return money(minor.num, code);
}

/**
 * Converts an exact amount in major units to minor units. Fails (instead of rounding) when the
 * amount has more decimals than the currency allows, because a price the user typed must be exact.
 */
export function fromMajorExact(amount: Ratio, code: CurrencyCode): Result<Money> {
  const minor = rmul(amount, ratio(minorPerMajor(code)));
  if (minor.den !== 1n) {
    return fail(
      "money.too_precise",
      `${toDecimalString(amount)} has more decimals than ${code} allows (${minorDigits(code)})`,
      `round it to ${minorDigits(code)} decimals`,
    );
  }
  const n = Number(minor.num);
  if (!Number.isSafeInteger(n)) {
    return fail("money.too_large", `${toDecimalString(amount)} ${code} is too large`);
  }
  return ok(money(n, code));
}

/** Rounds an exact amount of minor units (possibly fractional) to a Money, half away from zero. */
export function fromMinorRatio(minor: Ratio, code: CurrencyCode): Money {
  return money(roundHalfAwayFromZero(minor), code);
}

export function toRatio(m: Money): Ratio {
  return ratio(BigInt(m.minor));
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RangeError(`cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(BigInt(a.minor) + BigInt(b.minor), a.currency);
}

export function sub(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(BigInt(a.minor) - BigInt(b.minor), a.currency);
}

export function times(a: Money, n: number | bigint): Money {
  return money(BigInt(a.minor) * BigInt(n), a.currency);
}

/** Multiplies by an exact ratio and rounds once to the minor unit, half away from zero. */
export function scale(a: Money, by: Ratio): Money {
  return fromMinorRatio(rmul(toRatio(a), by), a.currency);
}

export function negate(a: Money): Money {
  return money(-BigInt(a.minor), a.currency);
}

export function zero(code: CurrencyCode): Money {
  return money(0, code);
}

export function sum(items: readonly Money[], code: CurrencyCode): Money {
  let total = 0n;
  for (const m of items) {
    if (m.currency !== code) throw new RangeError(`cannot add ${m.currency} to ${code}`);
    total += BigInt(m.minor);
  }
  return money(total, code);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

/** Exact decimal text in major units, e.g. "600000.00" — the form used in JSON output. */
export function toDecimal(m: Money): string {
  const digits = minorDigits(m.currency);
  const negative = m.minor < 0;
  const abs = BigInt(Math.abs(m.minor));
  const per = minorPerMajor(m.currency);
  const whole = (abs / per).toString();
  const frac = digits > 0 ? `.${(abs % per).toString().padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${frac}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
/**
 * One formatter per (currency, fraction digits), built on first use: building an Intl.NumberFormat
 * costs ~25× formatting with one, and was most of a typed command's CPU. A formatter is immutable,
 * so reusing it cannot change a figure.
 */
function moneyFormatter(code: CurrencyCode, fractionDigits: number): Intl.NumberFormat {
  const key = `${code}:${fractionDigits}`;
  let fmt = formatters.get(key);
  if (fmt === undefined) {
    fmt = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: code,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, fmt);
  }
  return fmt;
}

/**
 * "£600,000" for whole amounts, "£70.50" otherwise: negotiators read round figures faster, and a
 * figure with pence always shows them. Intl formats the exact decimal string, never a float.
 */
export function formatMoney(m: Money, options: { alwaysShowMinor?: boolean } = {}): string {
  const digits = minorDigits(m.currency);
  const whole = m.minor % Number(minorPerMajor(m.currency)) === 0;
  const fractionDigits = whole && !options.alwaysShowMinor ? 0 : digits;
  const fmt = moneyFormatter(m.currency, fractionDigits);
  // Intl.NumberFormat accepts an exact decimal string (ES2023); the cast is only for older lib types.
  return fmt.format(toDecimal(m) as unknown as number);
}

/** The JSON shape of every amount dealdesk outputs: exact minor units plus a decimal string. */
export interface MoneyJson {
  readonly currency: string;
  readonly minor: number;
  readonly amount: string;
  readonly text: string;
}

export function moneyJson(m: Money): MoneyJson {
  return { currency: m.currency, minor: m.minor, amount: toDecimal(m), text: formatMoney(m) };
}
