/**
 * Competing quotes, like for like: every vendor priced on the same usage over the same years, the
 * cheapest marked, and how far the chosen vendor (the first, unless another is named) sits from the
 * cheapest of the others. Quotes in different currencies are refused (never converted), and quotes
 * for different terms are compared only over a term the user states.
 */
import { didYouMean } from "../did-you-mean.js";
import { type CurrencyCode, type Money, sub } from "../money.js";
import { MAX_YEARS, MIN_YEARS } from "../renewal.js";
import { fail, failAll, type Issue, ok, type Result } from "../result.js";
import type { VendorOffer } from "./offer.js";
import { offerModel } from "./offer.js";
import { priceOffer, type VendorCost } from "./price.js";
import { checkUsage, type Usage } from "./usage.js";

export interface ComparisonInput {
  readonly offers: readonly VendorOffer[];
  readonly usage: Usage;
  /** The years to compare over, when the user said (`--over 5`). */
  readonly over?: number;
  /** The vendor the headline is about; the first offer when absent. */
  readonly chosen?: string;
}

export interface Comparison {
  readonly currency: CurrencyCode;
  readonly years: number;
  readonly usage: Usage;
  readonly vendors: readonly VendorCost[];
  /** Indexes of the vendors with the lowest total cost of ownership (more than one on a tie). */
  readonly cheapest: readonly number[];
  readonly chosen: number;
  /** The cheapest vendor other than the chosen one: its like-for-like competitor. */
  readonly rival: number;
  /** Chosen TCO − rival TCO: positive when the chosen vendor is dearer. */
  readonly difference: Money;
  /** Assumptions the comparison made, each a sentence. */
  readonly assumptions: readonly string[];
  /** Usage counts no vendor was priced on. */
  readonly unused: readonly ("people" | "pool" | "split")[];
}

const yearsText = (n: number): string => `${n} year${n === 1 ? "" : "s"}`;

function checkYears(years: number, code: string, what: string): Issue[] {
  if (!Number.isInteger(years) || years < MIN_YEARS || years > MAX_YEARS) {
    return [
      {
        code,
        message: `${what} must be ${MIN_YEARS} to ${MAX_YEARS} years, not ${years}`,
        hint: "write it like 3y, or --over 5 for the comparison",
      },
    ];
  }
  return [];
}

function checkOffers(offers: readonly VendorOffer[]): Issue[] {
  if (offers.length < 2) {
    return [
      {
        code: "compare.too_few_vendors",
        message: `I need at least two quotes to compare; got ${offers.length}`,
        hint: "compare halo: named £70 3y; rival: concurrent £140 3y --users 240 --pool 60",
      },
    ];
  }
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const o of offers) {
    const key = o.name.toLowerCase();
    if (seen.has(key)) {
      issues.push({
        code: "compare.duplicate_vendor",
        message: `${o.name} is given twice`,
        hint: "give each vendor one quote, or name them apart (halo-a:, halo-b:)",
      });
    }
    seen.add(key);
    if (o.term !== undefined) {
      issues.push(...checkYears(o.term, "compare.term_out_of_range", `${o.name}'s term`));
    }
  }
  const first = offers[0] as VendorOffer;
  const foreign = offers.find((o) => o.currency !== first.currency);
  if (foreign) {
    issues.push({
      code: "compare.currency_mismatch",
      message: `${first.name} is quoted in ${first.currency} and ${foreign.name} in ${foreign.currency}; I don't convert between currencies`,
      hint: `give every quote in one currency (convert at the rate you agree, then type it in ${first.currency})`,
    });
  }
  return issues;
}

/** The years to compare over: the one term every quote states, or the term the user stated. */
function chooseYears(
  offers: readonly VendorOffer[],
  over: number | undefined,
): Result<{ years: number; assumptions: string[] }> {
  const stated = offers.filter((o) => o.term !== undefined);
  const terms = [...new Set(stated.map((o) => o.term as number))];
  const unstated = offers.filter((o) => o.term === undefined).map((o) => o.name);
  const assumptions: string[] = [];
  if (over !== undefined) {
    const bad = checkYears(over, "compare.over_out_of_range", "the comparison term");
    if (bad.length > 0) return failAll(bad);
    const longer = stated.filter((o) => (o.term as number) > over);
    if (longer.length > 0) {
      const names = longer.map((o) => `${o.name} (${yearsText(o.term as number)})`).join(", ");
      return fail(
        "compare.over_shorter_than_term",
        `comparing over ${yearsText(over)} would leave out committed years of ${names}`,
        `compare over at least the longest term: --over ${Math.max(...longer.map((o) => o.term as number))}`,
      );
    }
    const shorter = stated.filter((o) => (o.term as number) < over);
    for (const o of shorter) {
      assumptions.push(
        `${o.name} quotes ${yearsText(o.term as number)}; years ${(o.term as number) + 1} to ${over} are priced as a renewal on the same terms (its uplift rule continues, no new one-off fees).`,
      );
    }
    if (unstated.length > 0) {
      assumptions.push(
        `${unstated.join(", ")} states no term; priced over the ${yearsText(over)} compared.`,
      );
    }
    return ok({ years: over, assumptions });
  }
  if (terms.length === 0) {
    return fail(
      "compare.term_missing",
      "no quote says its term, so I don't know how many years to compare",
      "give each quote its term (3y), or say --over 3",
    );
  }
  if (terms.length > 1) {
    const list = stated.map((o) => `${o.name} ${yearsText(o.term as number)}`).join(", ");
    return fail(
      "compare.terms_differ",
      `the quotes run for different terms (${list}), so they aren't like for like`,
      `say the years to compare over, e.g. --over ${Math.max(...terms)} (a shorter quote is then priced as renewed on the same terms)`,
    );
  }
  const years = terms[0] as number;
  if (unstated.length > 0) {
    assumptions.push(
      `${unstated.join(", ")} states no term; priced over the same ${yearsText(years)} as the others.`,
    );
  }
  return ok({ years, assumptions });
}

function chooseIndex(offers: readonly VendorOffer[], chosen: string | undefined): Result<number> {
  if (chosen === undefined) return ok(0);
  const index = offers.findIndex((o) => o.name.toLowerCase() === chosen.toLowerCase());
  if (index >= 0) return ok(index);
  const names = offers.map((o) => o.name);
  const guess = didYouMean(
    chosen.toLowerCase(),
    names.map((n) => n.toLowerCase()),
    { maxEdits: 2 },
  );
  const match = guess === undefined ? undefined : names.find((n) => n.toLowerCase() === guess);
  return fail(
    "compare.unknown_vendor",
    `no quote is called "${chosen}"${match ? ` — did you mean ${match}?` : ""}`,
    `the quotes are ${names.join(", ")}`,
  );
}

function unusedCounts(offers: readonly VendorOffer[], usage: Usage): Comparison["unused"] {
  const models = new Set(offers.map(offerModel));
  const unused: ("people" | "pool" | "split")[] = [];
  if (usage.people !== undefined && !models.has("named")) unused.push("people");
  if (usage.pool !== undefined && !models.has("concurrent")) unused.push("pool");
  if (usage.split !== undefined && !models.has("mixed")) unused.push("split");
  return unused;
}

export function compareOffers(input: ComparisonInput): Result<Comparison> {
  const { offers } = input;
  const offerIssues = checkOffers(offers);
  if (offerIssues.length > 0) return failAll(offerIssues);
  const usage = checkUsage(input.usage);
  if (!usage.ok) return usage;
  const term = chooseYears(offers, input.over);
  if (!term.ok) return term;
  const chosen = chooseIndex(offers, input.chosen);
  if (!chosen.ok) return chosen;
  const { years } = term.value;
  const vendors: VendorCost[] = [];
  const issues: Issue[] = [];
  for (const offer of offers) {
    const priced = priceOffer(offer, usage.value, years);
    if (priced.ok) vendors.push(priced.value);
    else issues.push(...priced.issues);
  }
  if (issues.length > 0) return failAll(issues);
  const lowest = Math.min(...vendors.map((v) => v.tco.minor));
  const cheapest = vendors.flatMap((v, i) => (v.tco.minor === lowest ? [i] : []));
  const others = vendors.map((_, i) => i).filter((i) => i !== chosen.value);
  const rival = others.reduce((best, i) =>
    (vendors[i] as VendorCost).tco.minor < (vendors[best] as VendorCost).tco.minor ? i : best,
  );
  const mine = vendors[chosen.value] as VendorCost;
  const theirs = vendors[rival] as VendorCost;
  return ok({
    currency: (offers[0] as VendorOffer).currency,
    years,
    usage: usage.value,
    vendors,
    cheapest,
    chosen: chosen.value,
    rival,
    difference: sub(mine.tco, theirs.tco),
    assumptions: term.value.assumptions,
    unused: unusedCounts(offers, usage.value),
  });
}
