/**
 * Deciding the currency of a command from what was typed: £/$/€ signs on amounts, an ISO code
 * anywhere (`GBP`), or `--currency`. `$` with an explicit code (CAD, AUD) takes the code, since many
 * currencies write `$`; a £ or € sign that contradicts the code is an error, never a guess.
 */
import { CURRENCY_HINT, type CurrencyCode, parseCurrency } from "../../core/money.js";
import { fail, ok, type Result } from "../../core/result.js";
import { type CurrencySign, signCurrency } from "./amounts.js";

export interface CurrencyChoice {
  readonly code: CurrencyCode;
  /** True when nothing in the text named a currency and the default was used. */
  readonly assumed: boolean;
}

export function chooseCurrency(
  signs: readonly CurrencySign[],
  codes: readonly string[],
  fallback: CurrencyCode,
  /** The value of `--currency`, if given: one more code, checked like the others. */
  option?: string,
): Result<CurrencyChoice> {
  const parsedCodes: CurrencyCode[] = [];
  for (const c of option === undefined ? codes : [...codes, option]) {
    const r = parseCurrency(c);
    if (!r.ok) return r;
    if (!parsedCodes.includes(r.value)) parsedCodes.push(r.value);
  }
  if (parsedCodes.length > 1) {
    return fail(
      "currency.conflict",
      `the text names more than one currency (${parsedCodes.join(", ")})`,
      "use one currency per calculation",
    );
  }
  const uniqueSigns = [...new Set(signs)];
  const code = parsedCodes[0];
  if (code) {
    const clash = uniqueSigns.find((s) => s !== "$" && signCurrency(s) !== code);
    if (clash) {
      return fail(
        "currency.conflict",
        `the amounts are written in ${clash} but the currency is ${code}`,
        `drop the ${clash} sign or the ${code} code`,
      );
    }
    return ok({ code, assumed: false });
  }
  if (uniqueSigns.length > 1) {
    return fail(
      "currency.conflict",
      `the amounts mix currency signs (${uniqueSigns.join(" ")})`,
      "use one currency per calculation",
    );
  }
  const sign = uniqueSigns[0];
  if (sign) {
    const fromSign = parseCurrency(signCurrency(sign));
    if (!fromSign.ok) return fail("currency.unknown", "unknown currency sign", CURRENCY_HINT);
    return ok({ code: fromSign.value, assumed: false });
  }
  return ok({ code: fallback, assumed: true });
}

/**
 * ISO codes that are also everyday English words: typed in lower case they are words ("all",
 * "top"), so only their capitals (ALL, TOP) name a currency.
 */
const CODES_THAT_ARE_WORDS = new Set([
  "all",
  "ang",
  "bam",
  "bob",
  "cop",
  "cup",
  "ern",
  "gel",
  "lak",
  "mad",
  "mop",
  "nad",
  "pen",
  "sos",
  "top",
  "try",
]);

/**
 * True for a word that is meant as a currency code: three capitals as typed (so an unknown code
 * gets its own message), or a known code in lower case (`gbp`), typed fast during a call.
 */
export function looksLikeCurrencyCode(token: string): boolean {
  if (/^[A-Z]{3}$/.test(token)) return true;
  return /^[a-z]{3}$/.test(token) && !CODES_THAT_ARE_WORDS.has(token) && parseCurrency(token).ok;
}
