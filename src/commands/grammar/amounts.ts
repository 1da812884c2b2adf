/**
 * Reading the numbers people type during a call: `£70`, `70`, `$6.50`, `294k`, `1.2m`,
 * `€1,250/mo`, `840/yr`, `3%`. Amounts stay exact (Ratio) until the currency is known.
 */
import { mul, parseDecimal, type Ratio, ratio } from "../../core/ratio.js";
import { fail, ok, type Result } from "../../core/result.js";

export type CurrencySign = "£" | "$" | "€";
export type Period = "month" | "year";

export interface TypedAmount {
  /** Exact value in major units (pounds, dollars). */
  readonly value: Ratio;
  readonly sign?: CurrencySign;
  /** Set when the text said `/mo` or `/yr` (or `pm`, `pa`, `/month`, `/year`, `/user/mo`…). */
  readonly period?: Period;
  readonly text: string;
}

const SIGN_TO_CODE: Readonly<Record<CurrencySign, string>> = { "£": "GBP", $: "USD", "€": "EUR" };
export function signCurrency(sign: CurrencySign): string {
  return SIGN_TO_CODE[sign];
}

const PERIODS: Readonly<Record<string, Period>> = {
  mo: "month",
  month: "month",
  pm: "month",
  m: "month",
  yr: "year",
  year: "year",
  y: "year",
  pa: "year",
  annum: "year",
};

const AMOUNT =
  /^(?<sign>[£$€])?(?<number>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?<suffix>[km])?(?<period>(?:\/(?:user|seat|agent|u))?(?:\/(?:mo|month|yr|year|m|y)|pm|pa))?$/i;

/** Parses one amount token; `label` names what it is in the error ("the price", "the base"). */
export function parseAmount(token: string, label: string): Result<TypedAmount> {
  const m = AMOUNT.exec(token.trim());
  const groups = m?.groups;
  if (!groups?.number) {
    return fail(
      "amount.not_a_number",
      `${label} "${token}" is not an amount`,
      "write it like 70, £70, 70.50, 294k or £70/mo",
    );
  }
  const base = parseDecimal(groups.number.replace(/,/g, ""));
  if (!base) {
    return fail("amount.not_a_number", `${label} "${token}" is not an amount`, "write it like 70");
  }
  const suffix = groups.suffix?.toLowerCase();
  const multiplier = suffix === "k" ? 1000n : suffix === "m" ? 1_000_000n : 1n;
  const periodWord = groups.period
    ?.toLowerCase()
    .replace(/^\/(?:user|seat|agent|u)/, "")
    .replace(/^\//, "");
  const period = periodWord ? PERIODS[periodWord] : undefined;
  return ok({
    value: mul(base, ratio(multiplier)),
    ...(groups.sign ? { sign: groups.sign as CurrencySign } : {}),
    ...(period ? { period } : {}),
    text: token,
  });
}

/** Parses `3%`, `3`, `3.5%` or `0.5%` into a fraction (3% → 3/100). */
export function parsePercent(token: string, label: string): Result<Ratio> {
  const m = /^([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)%?$/.exec(token.trim());
  const value = m?.[1] ? parseDecimal(m[1]) : undefined;
  if (!value) {
    return fail(
      "percent.not_a_number",
      `${label} "${token}" is not a percentage`,
      "write it like 3%",
    );
  }
  return ok(mul(value, ratio(1n, 100n)));
}

/** Parses a whole, non-negative count such as `150` or `1,200` (seats, days, years). */
export function parseCount(token: string, label: string): Result<number> {
  const clean = token.trim().replace(/,/g, "");
  if (!/^\d+$/.test(clean) || !Number.isSafeInteger(Number(clean))) {
    return fail(
      "count.not_whole",
      `${label} "${token}" is not a whole number`,
      "write it like 150",
    );
  }
  return ok(Number(clean));
}
