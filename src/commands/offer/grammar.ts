/**
 * Reading `offer …`: who offered (vendor, us, by "NAME") or which of our positions (target,
 * walk-away), the date, and the levers — `named 240 @ £72`, `concurrent 30 @ £140`,
 * `tiers "1-99 @ 75, 100+ @ 70"`, `cap 3%`, `term 3y`, `impl £10,000` — in any order. Rates are
 * read by /deal set's parser (per user per month, in the deal's currency), tiers by the tier-list
 * reader and checked as a price book. Every number typed is used or refused; none is ignored.
 */

import type { OfferCap, OfferParty } from "../../core/offer-terms.js";
import { parseDecimal, toDecimalString } from "../../core/ratio.js";
import { MAX_YEARS, MIN_YEARS } from "../../core/renewal.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { TierMode } from "../../core/tiers.js";
import { parseAmount } from "../grammar/amounts.js";
import { looksLikeCurrencyCode } from "../grammar/currency.js";
import { tokenize } from "../grammar/tokens.js";
import { OFFER_EXAMPLE } from "./info.js";

export type OfferWho =
  | { readonly kind: "round"; readonly party: OfferParty }
  | { readonly kind: "target" }
  | { readonly kind: "walk-away" };

/** Seats and/or a rate as typed; the rate is converted once the currency is known. */
export interface TypedSeats {
  readonly seats?: number;
  readonly rateText?: string;
}

export interface TypedOffer {
  readonly who: OfferWho;
  /** `YYYY-MM-DD`, checked to be a real date; absent when none was typed. */
  readonly date?: string;
  readonly named?: TypedSeats;
  readonly concurrent?: TypedSeats;
  readonly tiersText?: string;
  readonly mode?: TierMode;
  readonly cap?: OfferCap;
  readonly termYears?: number;
  readonly implText?: string;
  readonly codes: readonly string[];
}

export const MAX_SEATS = 1_000_000;

const PARTIES: Readonly<Record<string, OfferWho>> = {
  vendor: { kind: "round", party: { kind: "vendor" } },
  them: { kind: "round", party: { kind: "vendor" } },
  supplier: { kind: "round", party: { kind: "vendor" } },
  us: { kind: "round", party: { kind: "us" } },
  we: { kind: "round", party: { kind: "us" } },
  ours: { kind: "round", party: { kind: "us" } },
  target: { kind: "target" },
  "walk-away": { kind: "walk-away" },
  walkaway: { kind: "walk-away" },
  walk_away: { kind: "walk-away" },
};
const WHO_HINT = `start with who offered: vendor, us or by "NAME" (or target, walk-away), e.g. ${OFFER_EXAMPLE}`;

const LEVER_WORDS: Readonly<Record<string, string>> = {
  named: "named",
  concurrent: "concurrent",
  pool: "concurrent",
  tiers: "tiers",
  tier: "tiers",
  cap: "cap",
  term: "term",
  impl: "impl",
  implementation: "impl",
  setup: "impl",
};
const MODES: Readonly<Record<string, TierMode>> = {
  graduated: "graduated",
  "all-units": "all-units",
  allunits: "all-units",
};
const SEAT_WORDS = new Set([
  "seats",
  "seat",
  "users",
  "user",
  "agents",
  "agent",
  "licences",
  "licenses",
]);
const YEAR_WORDS = new Set(["y", "yr", "yrs", "year", "years"]);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OTHER_DATE = /^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$/;
const COUNT = /^\d{1,3}(?:,\d{3})+$|^\d+$/;

/** A word that ends a tier list or a name: a lever, a mode, a date, a currency code. */
function isKeyword(token: string): boolean {
  const lower = token.toLowerCase();
  return (
    lower in LEVER_WORDS ||
    lower in MODES ||
    lower === "today" ||
    ISO_DATE.test(token) ||
    looksLikeCurrencyCode(token)
  );
}

/** A real calendar date in `YYYY-MM-DD`, or undefined. */
export function checkIsoDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const same =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return same ? text : undefined;
}

function readWho(tokens: readonly string[]): Result<{ who: OfferWho; used: number }> {
  const first = tokens[0];
  if (first === undefined) return fail("offer.no_party", "say who made the offer", WHO_HINT);
  const lower = first.toLowerCase();
  if (lower === "walk" && tokens[1]?.toLowerCase() === "away") {
    return ok({ who: { kind: "walk-away" }, used: 2 });
  }
  const who = PARTIES[lower];
  if (who) return ok({ who, used: 1 });
  if (lower === "by") {
    const name = tokens[1]?.trim();
    if (name === undefined || name === "" || isKeyword(name)) {
      return fail(
        "offer.no_name",
        "by needs the name of who offered",
        'quote a name with spaces: by "Acme Reseller"',
      );
    }
    if (name.length > 100)
      return fail(
        "offer.name_too_long",
        "the name after by is longer than 100 characters",
        "shorten it",
      );
    return ok({ who: { kind: "round", party: { kind: "named", name } }, used: 2 });
  }
  if (isKeyword(first) || /^\d/.test(first)) {
    return fail("offer.no_party", "say who made the offer first", WHO_HINT);
  }
  return fail("offer.no_party", `I don't know who "${first}" is`, WHO_HINT);
}

type Reader = (tokens: readonly string[], at: number) => Result<{ value: unknown; next: number }>;

/** `named 240 @ £72`, `named 240 seats`, `named @ £72`, `named £72`; `named 72` is a question. */
function seatsReader(label: string, preSeats?: number): Reader {
  return (tokens, at) => {
    let i = at;
    let seats = preSeats;
    let rateText: string | undefined;
    const t = tokens[i];
    if (seats === undefined && t !== undefined && COUNT.test(t)) {
      const after = tokens[i + 1]?.toLowerCase();
      if (after === "@" || after === "at") {
        seats = Number(t.replace(/,/g, ""));
        i++;
      } else if (after !== undefined && SEAT_WORDS.has(after)) {
        seats = Number(t.replace(/,/g, ""));
        i += 2;
      } else {
        return fail(
          "offer.seats_or_rate",
          `is "${label} ${t}" ${t} seats or ${t} a seat a month?`,
          `write ${label} ${t} seats, ${label} @ ${t}, or both: ${label} 240 @ ${t}`,
        );
      }
    } else if (seats !== undefined && t !== undefined && SEAT_WORDS.has(t.toLowerCase())) i++;
    const at2 = tokens[i]?.toLowerCase();
    if (at2 === "@" || at2 === "at") {
      const rate = tokens[i + 1];
      if (rate === undefined || isKeyword(rate)) {
        return fail("offer.missing_rate", `${label} @ needs a rate`, `${label} 240 @ £72`);
      }
      rateText = rate;
      i += 2;
    } else if (seats === undefined && tokens[i] !== undefined) {
      const a = parseAmount(tokens[i] as string, `the ${label} rate`);
      if (a.ok && (a.value.sign !== undefined || a.value.period !== undefined)) {
        rateText = tokens[i];
        i++;
      }
    }
    if (seats === undefined && rateText === undefined) {
      return fail(
        "offer.missing_value",
        `${label} needs seats, a rate or both`,
        `${label} 240 @ £72`,
      );
    }
    if (seats !== undefined && seats > MAX_SEATS) {
      return fail(
        "offer.too_many_seats",
        `${seats.toLocaleString("en-GB")} ${label} seats is more than dealdesk records (${MAX_SEATS.toLocaleString("en-GB")})`,
        "check the number of seats",
      );
    }
    return ok({
      value: { ...(seats === undefined ? {} : { seats }), ...(rateText ? { rateText } : {}) },
      next: i,
    });
  };
}

const tiersReader: Reader = (tokens, at) => {
  let i = at;
  const words: string[] = [];
  while (i < tokens.length && !isKeyword(tokens[i] as string)) words.push(tokens[i++] as string);
  if (words.length === 0)
    return fail(
      "offer.missing_tiers",
      "tiers needs the price book",
      'tiers "1-99 @ 75, 100+ @ 70"',
    );
  return ok({ value: words.join(" "), next: i });
};

const CAP_KINDS: Readonly<Record<string, OfferCap["kind"]>> = {
  "lesser-of": "lesser-of",
  lesser: "lesser-of",
  "greater-of": "greater-of",
  greater: "greater-of",
};
const CAP_HINT =
  "write cap 3% (a fixed yearly cap), cap lesser-of 3% or cap greater-of 3% (with CPI)";

const capReader: Reader = (tokens, at) => {
  let i = at;
  const kind = CAP_KINDS[tokens[i]?.toLowerCase() ?? ""];
  if (kind) i++;
  const text = tokens[i];
  const m = text === undefined ? null : /^(\d{1,3}(?:\.\d{1,4})?)%?$/.exec(text);
  const value = m?.[1] === undefined ? undefined : parseDecimal(m[1]);
  if (value === undefined) {
    return fail(
      "offer.cap_not_a_percent",
      text === undefined ? "cap needs a percentage" : `the cap "${text}" is not a percentage`,
      CAP_HINT,
    );
  }
  if (value.num > 100n * value.den)
    return fail("offer.cap_too_high", `a cap of ${text} is more than 100%`, CAP_HINT);
  return ok({ value: { kind: kind ?? "cap", percent: toDecimalString(value, 4) }, next: i + 1 });
};

const termReader: Reader = (tokens, at) => {
  const text = tokens[at] ?? "";
  const m = /^(\d+)(y|yr|yrs|year|years)?$/i.exec(text);
  const hint = `write the term in whole years from ${MIN_YEARS} to ${MAX_YEARS}, like term 3y`;
  if (!m?.[1])
    return fail(
      "offer.term_not_years",
      text === "" ? "term needs a number of years" : `the term "${text}" is not a number of years`,
      hint,
    );
  const years = Number(m[1]);
  if (years < MIN_YEARS || years > MAX_YEARS)
    return fail(
      "offer.term_out_of_range",
      `a term of ${years} years is outside ${MIN_YEARS} to ${MAX_YEARS}`,
      hint,
    );
  const unitNext = m[2] === undefined && YEAR_WORDS.has(tokens[at + 1]?.toLowerCase() ?? "");
  return ok({ value: years, next: at + (unitNext ? 2 : 1) });
};

const implReader: Reader = (tokens, at) => {
  const text = tokens[at];
  if (text === undefined || isKeyword(text))
    return fail(
      "offer.missing_impl",
      "impl needs the implementation fee",
      "impl £10,000 (or impl none)",
    );
  return ok({ value: /^(none|waived|free)$/i.test(text) ? "0" : text, next: at + 1 });
};

const READERS: Readonly<Record<string, Reader>> = {
  tiers: tiersReader,
  cap: capReader,
  term: termReader,
  impl: implReader,
};

/** Reads the words after `offer`; the amounts stay text until the currency is chosen. */
export function readOffer(text: string): Result<TypedOffer> {
  const tokens = tokenize(text.replace(/@/g, " @ "));
  const who = readWho(tokens);
  if (!who.ok) return who;
  const values: Record<string, unknown> = {};
  const codes: string[] = [];
  let date: string | undefined;
  let mode: TierMode | undefined;
  for (let i = who.value.used; i < tokens.length; ) {
    const token = tokens[i] as string;
    const lower = token.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase();
    let lever = LEVER_WORDS[lower];
    let preSeats: number | undefined;
    if (COUNT.test(token) && (next === "named" || next === "concurrent")) {
      // `240 named @ £72`, the order cost uses.
      lever = next;
      preSeats = Number(token.replace(/,/g, ""));
      i++;
    }
    if (lever !== undefined) {
      if (values[lever] !== undefined)
        return fail("offer.repeated", `${lever} is given twice`, "give each lever once");
      const reader =
        lever === "named" || lever === "concurrent"
          ? seatsReader(lever, preSeats)
          : (READERS[lever] as Reader);
      const r = reader(tokens, i + 1);
      if (!r.ok) return r;
      values[lever] = r.value.value;
      i = r.value.next;
      continue;
    }
    if (lower === "today" || ISO_DATE.test(token) || OTHER_DATE.test(token)) {
      const read = lower === "today" ? "today" : checkIsoDate(token);
      if (read === undefined) return dateIssue(token);
      if (date !== undefined)
        return fail(
          "offer.date_twice",
          "the date is given twice",
          "give one date, like 2026-11-20",
        );
      date = read;
    } else if (MODES[lower]) mode = MODES[lower];
    else if (looksLikeCurrencyCode(token)) codes.push(token);
    else if (lower !== "on") {
      return fail(
        "offer.unknown_word",
        `I don't know "${token}" here`,
        `offer takes named, concurrent, tiers, cap, term, impl, a date and a currency, e.g. ${OFFER_EXAMPLE}`,
      );
    }
    i++;
  }
  if (mode !== undefined && values.tiers === undefined) {
    return fail(
      "offer.mode_without_tiers",
      `${mode} describes tiers, but no tiers were given`,
      'tiers "1-99 @ 75, 100+ @ 70" graduated',
    );
  }
  const typed: TypedOffer = {
    who: who.value.who,
    codes,
    ...(date === undefined ? {} : { date }),
    ...(values.named ? { named: values.named as TypedSeats } : {}),
    ...(values.concurrent ? { concurrent: values.concurrent as TypedSeats } : {}),
    ...(values.tiers ? { tiersText: values.tiers as string } : {}),
    ...(mode ? { mode } : {}),
    ...(values.cap ? { cap: values.cap as OfferCap } : {}),
    ...(values.term === undefined ? {} : { termYears: values.term as number }),
    ...(values.impl === undefined ? {} : { implText: values.impl as string }),
  };
  return checkShape(typed);
}

function dateIssue(token: string): Result<never> {
  const parts = token.split(/[/.-]/).map(Number);
  const twoWays =
    !ISO_DATE.test(token) && parts.length === 3 && (parts[0] ?? 0) <= 12 && (parts[1] ?? 0) <= 12;
  return fail(
    "offer.date_unreadable",
    twoWays
      ? `${token} can be read two ways (day/month or month/day)`
      : `${token} is not a date I can read`,
    "write the date as YYYY-MM-DD, like 2026-11-20",
  );
}

function checkShape(typed: TypedOffer): Result<TypedOffer> {
  const levers = [
    typed.named,
    typed.concurrent,
    typed.tiersText,
    typed.cap,
    typed.termYears,
    typed.implText,
  ];
  if (levers.every((l) => l === undefined)) {
    return fail(
      "offer.no_levers",
      "say what was offered: seats, rates, tiers, cap, term or implementation",
      OFFER_EXAMPLE,
    );
  }
  if (typed.who.kind !== "round" && typed.date !== undefined) {
    return fail(
      "offer.position_dated",
      `our ${typed.who.kind} has no date; only offer rounds do`,
      `drop ${typed.date}`,
    );
  }
  return ok(typed);
}
