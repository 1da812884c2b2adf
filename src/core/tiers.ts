/**
 * Volume tiers (a vendor's price book): validation, tier lookup and cost at a quantity.
 *
 * Two pricing modes:
 * - all-units: the whole population is priced at the rate of the tier the quantity reaches,
 *   so crossing a break can make the total FALL (buying up can be cheaper than staying below);
 * - graduated: each band is priced at its own rate, like income tax, so the total only grows.
 *
 * Rates are per user per `period` (month or year), exact Money; costs are exact products and
 * sums of them, so nothing is rounded here except the one conversion between month and year.
 */
import {
  type CurrencyCode,
  compareMoney,
  formatMoney,
  type Money,
  scale,
  sum,
  times,
} from "./money.js";
import { ratio } from "./ratio.js";
import { failAll, type Issue, ok, type Result } from "./result.js";

export type TierMode = "all-units" | "graduated";
export type RatePeriod = "month" | "year";

export interface TierInput {
  /** First quantity of the tier (whole, ≥ 1). */
  readonly from: number;
  /** Last quantity of the tier; undefined for an open-ended tier (`250+`). */
  readonly to?: number | undefined;
  /** Price per user per period. */
  readonly rate: Money;
}

export interface Tier {
  readonly from: number;
  /** Undefined only for the last tier when it is open-ended. */
  readonly to: number | undefined;
  readonly rate: Money;
}

/** A validated price book: sorted, contiguous tiers with positive rates in one currency. */
export interface PriceBook {
  readonly currency: CurrencyCode;
  readonly mode: TierMode;
  readonly period: RatePeriod;
  readonly tiers: readonly Tier[];
}

export const TIERS_EXAMPLE = "1-99 @ 75, 100-249 @ 70, 250+ @ 62";

/** "100-249", "250+", or "1" for a one-seat tier: the way vendors and users write tiers. */
export function tierLabel(tier: {
  readonly from: number;
  readonly to?: number | undefined;
}): string {
  if (tier.to === undefined) return `${tier.from}+`;
  return tier.from === tier.to ? `${tier.from}` : `${tier.from}-${tier.to}`;
}

function issue(code: string, message: string, hint: string): Issue {
  return { code, message, hint };
}

function tierIssues(t: TierInput, next: TierInput | undefined): Issue[] {
  const label = tierLabel(t);
  const issues: Issue[] = [];
  if (!Number.isSafeInteger(t.from) || (t.to !== undefined && !Number.isSafeInteger(t.to))) {
    issues.push(
      issue(
        "tiers.not_whole",
        `the tier ${label} must start and end on whole numbers of seats`,
        "write it like 100-249",
      ),
    );
    return issues;
  }
  if (t.from < 1) {
    issues.push(
      issue(
        "tiers.from_not_positive",
        `the tier ${label} starts at ${t.from}; tiers start at 1 seat or more`,
        `start the first tier at 1, e.g. ${TIERS_EXAMPLE}`,
      ),
    );
  }
  if (t.to !== undefined && t.to < t.from) {
    issues.push(
      issue(
        "tiers.range_backwards",
        `the tier ${label} ends before it starts`,
        `write the smaller number first, e.g. ${t.to}-${t.from}`,
      ),
    );
  }
  if (t.to === undefined && next !== undefined) {
    // The end that makes the next tier follow on, when that tier starts later.
    const end = next.from > t.from ? next.from - 1 : t.from + 149;
    issues.push(
      issue(
        "tiers.open_not_last",
        `only the last tier can be open-ended, but ${label} is followed by more tiers`,
        `give it an end, e.g. ${t.from}-${end}, and keep the + for the last tier`,
      ),
    );
  }
  if (t.rate.minor <= 0) {
    issues.push(
      issue(
        "tiers.rate_not_positive",
        `the ${label} rate must be above zero (it is ${formatMoney(t.rate)})`,
        `give every tier a price, e.g. ${label} @ 70`,
      ),
    );
  }
  return issues;
}

/** Checks how a tier follows the one before it: in order, touching, not overlapping. */
function adjacencyIssue(prev: TierInput, next: TierInput): Issue | undefined {
  const prevLabel = tierLabel(prev);
  const nextLabel = tierLabel(next);
  if (next.from < prev.from) {
    return issue(
      "tiers.unsorted",
      `the tier ${nextLabel} comes after ${prevLabel}; list tiers from the smallest quantity up`,
      `e.g. ${TIERS_EXAMPLE}`,
    );
  }
  // An open tier followed by another is already reported as open_not_last.
  if (prev.to === undefined) return undefined;
  if (next.from <= prev.to) {
    const overlapEnd = next.to === undefined ? prev.to : Math.min(prev.to, next.to);
    const where = overlapEnd === next.from ? `${next.from}` : `${next.from}-${overlapEnd}`;
    return issue(
      "tiers.overlap",
      `the tiers ${prevLabel} and ${nextLabel} overlap at ${where}`,
      `start each tier one seat after the previous one ends, e.g. ${prevLabel} then ${prev.to + 1}-…`,
    );
  }
  if (next.from > prev.to + 1) {
    const gapFrom = prev.to + 1;
    const gapTo = next.from - 1;
    const gap = gapFrom === gapTo ? `${gapFrom}` : `${gapFrom}-${gapTo}`;
    return issue(
      "tiers.gap",
      `no tier covers ${gap} (between ${prevLabel} and ${nextLabel})`,
      `start the tier after ${prevLabel} at ${gapFrom}`,
    );
  }
  return undefined;
}

/**
 * Validates a price book and returns it, or every problem found (each tier's own problems, then
 * each pair of neighbours). The first tier may start above 1 under all-units (a minimum purchase);
 * under graduated it must start at 1, or the seats below it would have no rate at all.
 */
export function priceBook(
  tiers: readonly TierInput[],
  mode: TierMode,
  period: RatePeriod,
  currency: CurrencyCode,
): Result<PriceBook> {
  if (tiers.length === 0) {
    return failAll([
      issue("tiers.empty", "the price book has no tiers", `give the tiers like "${TIERS_EXAMPLE}"`),
    ]);
  }
  const issues: Issue[] = [];
  tiers.forEach((t, i) => {
    issues.push(...tierIssues(t, tiers[i + 1]));
  });
  for (let i = 1; i < tiers.length; i++) {
    const found = adjacencyIssue(tiers[i - 1] as TierInput, tiers[i] as TierInput);
    if (found) issues.push(found);
  }
  const first = tiers[0] as TierInput;
  if (mode === "graduated" && first.from > 1) {
    issues.push(
      issue(
        "tiers.graduated_not_from_one",
        `a graduated price book must start at 1 seat, but the first tier is ${tierLabel(first)}`,
        `add a first band such as 1-${first.from - 1}, or use all-units`,
      ),
    );
  }
  const foreign = tiers.find((t) => t.rate.currency !== currency);
  if (foreign) {
    issues.push(
      issue(
        "tiers.currency_mixed",
        `the ${tierLabel(foreign)} rate is in ${foreign.rate.currency}, not ${currency}`,
        "use one currency per price book",
      ),
    );
  }
  if (issues.length > 0) return failAll(issues);
  return ok({
    currency,
    mode,
    period,
    tiers: tiers.map((t) => ({ from: t.from, to: t.to, rate: t.rate })),
  });
}

/** `what` names the quantity in messages: "240 seats", "your forecast of 300". */
export function tierIndexFor(book: PriceBook, quantity: number, what?: string): Result<number> {
  const said = what ?? `${quantity} seats`;
  if (!Number.isSafeInteger(quantity)) {
    return failAll([
      issue("quantity.not_whole", `${said} is not a whole number of seats`, "write it like 240"),
    ]);
  }
  if (quantity < 1) {
    return failAll([
      issue(
        "quantity.not_positive",
        `${said} is not a quantity to price; it must be at least 1 seat`,
        "write it like 240",
      ),
    ]);
  }
  const first = book.tiers[0] as Tier;
  if (quantity < first.from) {
    return failAll([
      issue(
        "tiers.below_first",
        `${said} is below the first tier, which starts at ${first.from}`,
        `price at least ${first.from} seats, or add a tier from 1`,
      ),
    ]);
  }
  const index = book.tiers.findIndex((t) => t.to === undefined || quantity <= t.to);
  if (index < 0) {
    const last = book.tiers[book.tiers.length - 1] as Tier;
    return failAll([
      issue(
        "tiers.above_last",
        `${said} is above the last tier, which ends at ${last.to}`,
        `add an open tier like ${(last.to ?? 0) + 1}+ @ ${formatMoney(last.rate)}, or check the quantity`,
      ),
    ]);
  }
  return ok(index);
}

export interface BandCost {
  /** The tier whose seats these are. */
  readonly tier: Tier;
  /** Seats priced at `rate`. */
  readonly seats: number;
  /** The tier's own rate, or the rate asked for in an ask (see `askBands`). */
  readonly rate: Money;
  /** seats × rate, per period. */
  readonly cost: Money;
}

function tierAt(book: PriceBook, index: number): Tier {
  const tier = book.tiers[index];
  if (!tier) throw new RangeError(`no tier ${index}`);
  return tier;
}

function band(tier: Tier, seats: number, rate: Money): BandCost {
  return { tier, seats, rate, cost: times(rate, seats) };
}

function total(bands: readonly BandCost[], book: PriceBook): Money {
  return sum(
    bands.map((b) => b.cost),
    book.currency,
  );
}

/**
 * The cost broken into the bands that carry it: one band under all-units (everyone at the reached
 * tier's rate), every band up to the quantity under graduated. `index` is the quantity's tier.
 */
export function bandCosts(book: PriceBook, quantity: number, index: number): BandCost[] {
  const reached = tierAt(book, index);
  if (book.mode === "all-units") return [band(reached, quantity, reached.rate)];
  return book.tiers.slice(0, index + 1).map((tier) => {
    const end = tier.to === undefined ? quantity : Math.min(quantity, tier.to);
    return band(tier, end - tier.from + 1, tier.rate);
  });
}

/** Cost per period of `quantity` seats (which must lie in tier `index`). */
export function costAt(book: PriceBook, quantity: number, index: number): Money {
  return total(bandCosts(book, quantity, index), book);
}

/**
 * The bands priced if tier `target`'s rate were granted at `quantity` (in tier `index`) without
 * buying up to it. Under all-units: every seat at the target rate. Under graduated: the vendor
 * extends the target rate down over the quantity's own band, so the seats from the start of the
 * current tier are priced at the target rate and lower bands keep theirs — the graduated form of
 * "give us the next rate now"; pricing the whole population at the target rate would be a change
 * of pricing model rather than a rate ask.
 */
export function askBands(
  book: PriceBook,
  quantity: number,
  index: number,
  target: number,
): BandCost[] {
  const targetRate = tierAt(book, target).rate;
  const bands = bandCosts(book, quantity, index);
  const own = bands[bands.length - 1] as BandCost;
  return [...bands.slice(0, -1), band(own.tier, own.seats, targetRate)];
}

/** Cost per period of the ask described at `askBands`. */
export function askCost(book: PriceBook, quantity: number, index: number, target: number): Money {
  return total(askBands(book, quantity, index, target), book);
}

export interface MonthAndYear {
  readonly monthly: Money;
  readonly annual: Money;
}

/**
 * Both views of a cost given per the book's period: a monthly cost × 12, or a yearly cost ÷ 12
 * rounded once (half away from zero) — the annual figure stays exact either way.
 */
export function monthAndYear(cost: Money, period: RatePeriod): MonthAndYear {
  return period === "month"
    ? { monthly: cost, annual: times(cost, 12) }
    : { monthly: scale(cost, ratio(1n, 12n)), annual: cost };
}

/** True when each tier's rate is below the one before it (the usual shape of a volume discount). */
export function ratesFall(book: PriceBook): boolean {
  return book.tiers.every((t, i) => {
    const prev = book.tiers[i - 1];
    return prev === undefined || compareMoney(t.rate, prev.rate) < 0;
  });
}
