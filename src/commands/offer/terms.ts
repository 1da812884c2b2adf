/**
 * Turning the typed offer into exact terms once the currency is chosen: rates with /deal set's
 * parser (per user per month, more than 0, exact to the penny), the tiers as a checked price book,
 * the implementation fee as a one-off amount.
 */
import { type CurrencyCode, fromMajorExact, type Money } from "../../core/money.js";
import type { OfferTerms, OfferTiers } from "../../core/offer-terms.js";
import { all, fail, failAll, type Issue, ok, type Result } from "../../core/result.js";
import { priceBook } from "../../core/tiers.js";
import { parseRate, SET_USAGE } from "../deal/set.js";
import { type CurrencySign, parseAmount } from "../grammar/amounts.js";
import { chooseCurrency } from "../grammar/currency.js";
import { parseTierList, type TypedTier } from "../grammar/tier-list.js";
import { choosePeriod, toTierInput } from "../tiers/grammar.js";
import type { TypedOffer, TypedSeats } from "./grammar.js";
import { OFFER_EXAMPLE } from "./info.js";

export interface ReadTerms {
  readonly terms: OfferTerms;
  readonly currency: CurrencyCode;
  /** Nothing typed named a currency: the channel's (or the default) was used. */
  readonly currencyAssumed: boolean;
}

function signOf(text: string | undefined): CurrencySign[] {
  if (text === undefined) return [];
  const a = parseAmount(text, "the amount");
  return a.ok && a.value.sign ? [a.value.sign] : [];
}

/** /deal set's rate parser, with its hints pointed at the offer grammar. */
function rate(text: string, label: string, code: CurrencyCode): Result<Money> {
  const r = parseRate(text, label, code);
  if (r.ok) return ok(r.value);
  const hint = r.issue.hint === SET_USAGE ? OFFER_EXAMPLE : r.issue.hint;
  return failAll([{ ...r.issue, ...(hint === undefined ? {} : { hint }) }]);
}

function seatTerms(
  typed: TypedSeats | undefined,
  kind: "named" | "concurrent",
  code: CurrencyCode,
): Result<OfferTerms> {
  if (typed === undefined) return ok({});
  const seatsKey = kind === "named" ? "namedSeats" : "concurrentSeats";
  const rateKey = kind === "named" ? "namedRate" : "concurrentRate";
  const seats = typed.seats === undefined ? {} : { [seatsKey]: typed.seats };
  if (typed.rateText === undefined) return ok(seats);
  const r = rate(typed.rateText, `the ${kind} rate`, code);
  return r.ok ? ok({ ...seats, [rateKey]: r.value }) : r;
}

function implementation(text: string | undefined, code: CurrencyCode): Result<OfferTerms> {
  if (text === undefined) return ok({});
  const a = parseAmount(text, "the implementation fee");
  if (!a.ok) return a;
  if (a.value.period !== undefined) {
    return fail(
      "offer.impl_per_period",
      `the implementation fee ${text} is one-off, not per ${a.value.period}`,
      "impl £10,000",
    );
  }
  if (a.value.value.num < 0n) {
    return fail(
      "offer.impl_negative",
      `the implementation fee ${text} is below zero`,
      "impl £10,000",
    );
  }
  const m = fromMajorExact(a.value.value, code);
  return m.ok ? ok({ implementation: m.value }) : m;
}

function tiers(
  typed: TypedOffer,
  list: readonly TypedTier[],
  code: CurrencyCode,
): Result<OfferTerms> {
  if (typed.tiersText === undefined) return ok({});
  const period = choosePeriod(list);
  if (!period.ok) return period;
  const inputs = all(list.map((t) => toTierInput(t, code)));
  if (!inputs.ok) return inputs;
  const mode = typed.mode ?? "all-units";
  const book = priceBook(inputs.value, mode, period.value, code);
  if (!book.ok) return book;
  const offerTiers: OfferTiers = {
    mode,
    period: period.value,
    tiers: book.value.tiers.map((t) => ({
      from: t.from,
      ...(t.to === undefined ? {} : { to: t.to }),
      rate: t.rate,
    })),
  };
  return ok({ tiers: offerTiers });
}

/** `fallback`: the channel's offers' currency, else the deal's or the default. */
export function offerTerms(typed: TypedOffer, fallback: CurrencyCode): Result<ReadTerms> {
  const list = typed.tiersText === undefined ? ok([]) : parseTierList(typed.tiersText);
  if (!list.ok) return list;
  const signs = [
    ...signOf(typed.named?.rateText),
    ...signOf(typed.concurrent?.rateText),
    ...signOf(typed.implText),
    ...list.value.flatMap((t) => (t.rate.sign ? [t.rate.sign] : [])),
  ];
  const choice = chooseCurrency(signs, typed.codes, fallback);
  if (!choice.ok) return choice;
  const code = choice.value.code;
  const parts = [
    seatTerms(typed.named, "named", code),
    seatTerms(typed.concurrent, "concurrent", code),
    tiers(typed, list.value, code),
    implementation(typed.implText, code),
  ];
  const issues: Issue[] = parts.flatMap((p) => (p.ok ? [] : p.issues));
  if (issues.length > 0) return failAll(issues);
  const merged = Object.assign({}, ...parts.map((p) => (p.ok ? p.value : {}))) as OfferTerms;
  return ok({
    terms: {
      ...merged,
      ...(typed.cap ? { cap: typed.cap } : {}),
      ...(typed.termYears === undefined ? {} : { termYears: typed.termYears }),
    },
    currency: code,
    currencyAssumed: choice.value.assumed,
  });
}
