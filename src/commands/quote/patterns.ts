/**
 * The pieces of prose the quote reader recognises, as RegExp source. Kept in one file so every
 * pattern reads an amount, a count or a period the same way.
 */
import { NUMBER_WORDS_PATTERN } from "../../core/number-words.js";

/** An integer or decimal as vendors write it: 260, 1,250, 62.50, 1.2. */
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** A whole count in digits or words: 260, 1,250, three, twenty-four. */
export const COUNT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+|${NUMBER_WORDS_PATTERN})`;
const SUFFIX = String.raw`(?:\s?(?:k|m|bn)\b|\s(?:thousand|million)\b)`;
export const CODE = String.raw`(?:GBP|USD|EUR|pounds?|sterling|dollars?|euros?)\b`;
/** An amount with its currency marked: £62, £1.2m, 62 GBP, USD 70, 294k (a k/m suffix is money). */
export const MONEY = String.raw`(?:[£$€]\s?${NUM}${SUFFIX}?(?:\s?${CODE})?|${CODE}\s?${NUM}${SUFFIX}?|${NUM}${SUFFIX}\s?(?:${CODE})?|${NUM}\s?${CODE})`;
/** An amount that may have no currency mark, where the words around it make it a price (`at 62`). */
export const PRICE = String.raw`(?:${MONEY}|${NUM}(?![\d,.]*\s*%))`;

const SEAT_NOUN = String.raw`(?:agents?|users?|seats?|licen[cs]es?|analysts?|technicians?|engineers?|heads?|persons?)`;
/** `per agent`, `/user`, `a seat`, `per named user`, `each`. */
export const PER_SEAT = String.raw`(?:\s*(?:\/|per|a|an)\s*(?:named\s+|concurrent\s+)?${SEAT_NOUN}\b|\s+each\b)`;
/** `per month`, `/mo`, `pm`, `a year`, `per annum`, `pa`, `monthly`, `annually`. */
export const PER_PERIOD = String.raw`(?:\s*(?:\/|per|a|an|each)\s*(?:month|mo|mth|year|yr|annum)\b|\s?(?:pm|pa|p\.a\.)(?![\w])|\s+(?:monthly|annually|yearly)\b)`;
/** Any run of per-seat and per-period words after a price, in either order. */
export const UNIT = String.raw`(?:${PER_SEAT}|${PER_PERIOD}){0,3}`;

const TYPE = String.raw`(?:named|dedicated|concurrent|floating|shared)`;
/** `260 agents`, `260 named users`, `50 concurrent licences`, `50 concurrent`, `260 x named seats`. */
export const SEATS = String.raw`(?<qty>${COUNT})\s*(?:x\s*)?(?:(?<type>${TYPE})\s*(?:${SEAT_NOUN}\b)?|${SEAT_NOUN}\b(?:\s*\((?<type2>${TYPE})\))?)`;

export const YEARS_WORD = String.raw`(?:years?|yrs?|y)\b`;
/** `3 year`, `3-year`, `three years`, `3y`, `36 months`, `36-month`. */
export const TERM = String.raw`(?<n>${COUNT})[\s-]*(?:(?<y>${YEARS_WORD})|(?<mo>months?\b|mos?\b))`;

export const PERCENT = String.raw`(?<p>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|pc\b)`;

/**
 * A global, case-insensitive RegExp from pattern pieces. Node 20 refuses a group name used twice,
 * even in alternatives, so repeated `(?<p>` groups are numbered p, p1, p2…: read them by prefix.
 */
export function rx(source: string): RegExp {
  let n = 0;
  const numbered = source.replace(/\(\?<p>/g, () => (n++ === 0 ? "(?<p>" : `(?<p${n - 1}>`));
  return new RegExp(numbered, "giu");
}

/** The period a unit phrase names, if any. */
export function periodOf(unit: string): "month" | "year" | undefined {
  if (/month|\bmo\b|mth|\bpm\b|monthly/i.test(unit)) return "month";
  if (/year|\byr\b|annum|\bpa\b|p\.a\.|annually|yearly/i.test(unit)) return "year";
  return undefined;
}

/** True when the unit phrase says the price is per agent, user, seat or licence (or "each"). */
export function isPerSeat(unit: string): boolean {
  return new RegExp(PER_SEAT, "iu").test(unit);
}
