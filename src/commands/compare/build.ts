/**
 * Typed quotes into core offers: each quote's currency (its own sign or code, else the one the
 * other quotes name, else the default, said), its prices as exact money, its tiers as a validated
 * price book and its uplift words as one rule. The assumptions made become notes.
 */
import type { LinePrice, OneOffFee, VendorOffer } from "../../core/compare/offer.js";
import { type CurrencyCode, fromMajorExact, type Money } from "../../core/money.js";
import { all, fail, failAll, type Issue, ok, type Result } from "../../core/result.js";
import { priceBook } from "../../core/tiers.js";
import type { UpliftPolicy } from "../../core/uplift.js";
import type { TypedAmount } from "../grammar/amounts.js";
import { chooseCurrency } from "../grammar/currency.js";
import { buildPolicy } from "../renewal/grammar.js";
import { chooseMode, choosePeriod, toTierInput } from "../tiers/grammar.js";
import type { PriceWords, QuoteWords } from "./quote-words.js";

export interface BuiltOffers {
  readonly offers: readonly VendorOffer[];
  readonly notes: readonly string[];
}

function prefix(vendor: string, issues: readonly Issue[]): Result<never> {
  return failAll(
    issues.map((i) =>
      i.message.startsWith(`${vendor}`) ? i : { ...i, message: `${vendor}: ${i.message}` },
    ),
  );
}

function amountsOf(q: QuoteWords): TypedAmount[] {
  const prices = [q.named, q.concurrent].flatMap((p) =>
    p === undefined ? [] : p.kind === "flat" ? [p.amount] : p.tiers.map((t) => t.rate),
  );
  return [
    ...prices,
    ...(q.implementation ? [q.implementation] : []),
    ...q.fees.map((f) => f.amount),
  ];
}

/** Each quote's own currency, when its text names one (sign or code). */
function ownCurrency(q: QuoteWords, option: string | undefined, fallback: CurrencyCode) {
  const signs = amountsOf(q).flatMap((a) => (a.sign ? [a.sign] : []));
  const r = chooseCurrency(signs, q.codes, fallback, option);
  return r.ok ? ok(r.value) : prefix(q.name, r.issues);
}

function money(
  vendor: string,
  amount: TypedAmount,
  code: CurrencyCode,
  what: string,
): Result<Money> {
  const r = fromMajorExact(amount.value, code);
  if (!r.ok)
    return prefix(
      vendor,
      r.issues.map((i) => ({ ...i, message: `${what} ${amount.text}: ${i.message}` })),
    );
  if (r.value.minor <= 0) {
    return fail(
      "compare.not_positive",
      `${vendor}: ${what} must be more than zero`,
      `write it like ${what} 70`,
    );
  }
  return r;
}

function linePrice(
  q: QuoteWords,
  type: "named" | "concurrent",
  price: PriceWords,
  code: CurrencyCode,
): Result<LinePrice> {
  if (price.kind === "flat") {
    const rate = money(q.name, price.amount, code, `the ${type} price`);
    if (!rate.ok) return rate;
    return ok({ kind: "flat", rate: rate.value, period: price.amount.period ?? "month" });
  }
  const period = choosePeriod(price.tiers);
  if (!period.ok) return prefix(q.name, period.issues);
  const mode = chooseMode(undefined, q.modes);
  if (!mode.ok) return prefix(q.name, mode.issues);
  const inputs = all(price.tiers.map((t) => toTierInput(t, code)));
  if (!inputs.ok) return prefix(q.name, inputs.issues);
  const book = priceBook(inputs.value, mode.value, period.value, code);
  if (!book.ok) return prefix(q.name, book.issues);
  return ok({ kind: "tiered", book: book.value });
}

function uplift(q: QuoteWords): Result<UpliftPolicy | undefined> {
  const u = q.uplift;
  if (Object.values(u).every((v) => v === undefined)) return ok(undefined);
  // buildPolicy reads a list uplift beside another rule as the comparison; a quote has one rule.
  if (u.list !== undefined && Object.entries(u).some(([k, v]) => k !== "list" && v !== undefined)) {
    return fail(
      "compare.two_uplift_rules",
      `${q.name}: give one uplift rule — uplift 5% (every year), cap 3%, or cpi … with lesser-of or greater-of`,
      "e.g. uplift 5%, or cap 3%, or cpi 4.1,3.2 lesser-of 3%",
    );
  }
  const policy = buildPolicy(u);
  return policy.ok ? policy : prefix(q.name, policy.issues);
}

function buildOffer(q: QuoteWords, code: CurrencyCode): Result<VendorOffer> {
  const named = q.named ? linePrice(q, "named", q.named, code) : ok(undefined);
  if (!named.ok) return named;
  const concurrent = q.concurrent ? linePrice(q, "concurrent", q.concurrent, code) : ok(undefined);
  if (!concurrent.ok) return concurrent;
  if (!named.value && !concurrent.value) {
    return fail(
      "compare.no_prices",
      `${q.name}'s quote gives no price for named seats or a concurrent pool`,
      `${q.name}: named £70, or concurrent £140, or both`,
    );
  }
  const hasTiers = q.named?.kind === "tiers" || q.concurrent?.kind === "tiers";
  if (q.modes.length > 0 && !hasTiers) {
    return fail(
      "compare.mode_without_tiers",
      `${q.name}: ${q.modes[0]} applies to volume tiers, but the quote has none`,
      "give tiers, e.g. named 1-99@75, 100-249@70, 250+@62 graduated",
    );
  }
  const policy = uplift(q);
  if (!policy.ok) return policy;
  const impl = q.implementation
    ? money(q.name, q.implementation, code, "implementation")
    : ok(undefined);
  if (!impl.ok) return impl;
  const fees: OneOffFee[] = [];
  for (const f of q.fees) {
    const amount = money(q.name, f.amount, code, f.label);
    if (!amount.ok) return amount;
    fees.push({ label: f.label, amount: amount.value });
  }
  return ok({
    name: q.name,
    currency: code,
    ...(named.value ? { named: named.value } : {}),
    ...(concurrent.value ? { concurrent: concurrent.value } : {}),
    ...(q.term !== undefined ? { term: q.term } : {}),
    ...(policy.value ? { uplift: policy.value } : {}),
    ...(impl.value ? { implementation: impl.value } : {}),
    fees,
  });
}

/**
 * Builds every offer, or every quote's problem. A quote that names no currency takes the one the
 * others name when they agree; different named currencies are left for the core to refuse.
 */
export function buildOffers(
  quotes: readonly QuoteWords[],
  currencyOption: string | undefined,
  fallback: CurrencyCode,
): Result<BuiltOffers> {
  const own = all(quotes.map((q) => ownCurrency(q, currencyOption, fallback)));
  if (!own.ok) return own;
  const named = [...new Set(own.value.filter((c) => !c.assumed).map((c) => c.code))];
  const shared = named.length === 1 ? named[0] : undefined;
  const notes: string[] = [];
  const unmarked = quotes.filter((_, i) => own.value[i]?.assumed);
  if (unmarked.length > 0) {
    const names = unmarked.map((q) => q.name).join(", ");
    notes.push(
      shared
        ? `${names} named no currency, so I took ${shared} like the other quotes.`
        : `No quote named a currency, so I assumed ${fallback} (add GBP, USD, … or a £ sign to change it).`,
    );
  }
  const built = all(
    quotes.map((q, i) => {
      const choice = own.value[i];
      const code = choice && !choice.assumed ? choice.code : (shared ?? fallback);
      return buildOffer(q, code);
    }),
  );
  if (!built.ok) return built;
  const unperiod = quotes.some((q) =>
    [q.named, q.concurrent].some((p) =>
      p?.kind === "flat" ? p.amount.period === undefined : p?.tiers.some((t) => !t.rate.period),
    ),
  );
  if (unperiod) notes.push("Prices without /mo or /yr are per user per month.");
  const defaultMode = quotes.filter(
    (q) => (q.named?.kind === "tiers" || q.concurrent?.kind === "tiers") && q.modes.length === 0,
  );
  if (defaultMode.length > 0) {
    notes.push(
      `${defaultMode.map((q) => q.name).join(", ")}: tiers priced all-units (every seat at the reached tier's rate); add graduated if each band is priced at its own rate.`,
    );
  }
  return ok({ offers: built.value, notes });
}
