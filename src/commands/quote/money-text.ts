/**
 * An amount as the quote wrote it, read exactly: `£1.2m` → 1200000 pounds, `62 GBP` → 62 pounds.
 * The decimal stays a string so the calculators, not this module, do every piece of arithmetic.
 */
import { expandAmount } from "../ask/route.js";

export interface QuoteMoney {
  /** Major units as a plain decimal, e.g. "1200000" or "62.50". */
  readonly amount: string;
  /** The ISO code the text marked (sign or word), if it marked one. */
  readonly code?: string;
  /** As written, e.g. "£1.2m". */
  readonly text: string;
}

const CODES: readonly (readonly [RegExp, string])[] = [
  [/£|\bGBP\b|pounds?|sterling/i, "GBP"],
  [/\$|\bUSD\b|dollars?/i, "USD"],
  [/€|\bEUR\b|euros?/i, "EUR"],
];

export function readMoney(text: string): QuoteMoney | undefined {
  const code = CODES.find(([pattern]) => pattern.test(text))?.[1];
  const number = /(\d[\d,]*(?:\.\d+)?)\s?(k|m|bn|thousand|million)?\b/i.exec(text);
  if (!number?.[1]) return undefined;
  const suffix = number[2]?.toLowerCase();
  // bn and the spelled-out scales become k/m strings that expandAmount already reads exactly.
  const scaled =
    suffix === "bn"
      ? `${number[1]}m` // thousands of millions: checked below as implausible, never shown as read
      : suffix === "thousand"
        ? `${number[1]}k`
        : suffix === "million"
          ? `${number[1]}m`
          : `${number[1]}${suffix ?? ""}`;
  let amount = expandAmount(scaled);
  if (suffix === "bn") amount = expandAmount(`${amount}k`);
  const trimmed = text.trim();
  return code === undefined ? { amount, text: trimmed } : { amount, code, text: trimmed };
}

/** The amount as a number, for plausibility checks only (never shown, never summed). */
export function roughValue(m: QuoteMoney): number {
  return Number(m.amount);
}

/** The amount with its sign, e.g. "£62" — for the "I read" line, as the calculators will read it. */
export function showMoney(m: QuoteMoney): string {
  const sign = m.code === "GBP" ? "£" : m.code === "USD" ? "$" : m.code === "EUR" ? "€" : "";
  const [whole = "", fraction] = m.amount.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
