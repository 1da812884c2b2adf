/**
 * The terms of one offer round (or of our target / walk-away): seats, rates, tiers, renewal cap,
 * term and implementation, each optional because a round often names only what changed. The
 * terms "in force" at a round are its own plus anything an earlier round said and it did not
 * restate (effectiveTerms), and their yearly subscription is priced when the seats allow.
 */
import { type CurrencyCode, formatMoney, type Money, sum, times } from "./money.js";
import type { RatePeriod, TierMode } from "./tiers.js";
import { costAt, monthAndYear, priceBook, tierIndexFor } from "./tiers.js";

/** Who made an offer: our side, the vendor, or someone named (a reseller, a competitor). */
export type OfferParty =
  | { readonly kind: "us" }
  | { readonly kind: "vendor" }
  | { readonly kind: "named"; readonly name: string };

export interface OfferTier {
  readonly from: number;
  readonly to?: number;
  /** Per user per the book's period. */
  readonly rate: Money;
}

export interface OfferTiers {
  readonly mode: TierMode;
  readonly period: RatePeriod;
  readonly tiers: readonly OfferTier[];
}

/** The renewal cap: a fixed yearly cap, or CPI with the percentage as its cap or its minimum. */
export interface OfferCap {
  readonly kind: "cap" | "lesser-of" | "greater-of";
  /** Exact decimal text of the percentage: "3", "2.5". */
  readonly percent: string;
}

export interface OfferTerms {
  readonly namedSeats?: number;
  /** Per named user per month. */
  readonly namedRate?: Money;
  readonly concurrentSeats?: number;
  /** Per concurrent pool seat per month. */
  readonly concurrentRate?: Money;
  /** The price book; it prices the named seats when no named rate is given. */
  readonly tiers?: OfferTiers;
  readonly cap?: OfferCap;
  readonly termYears?: number;
  /** The one-off implementation fee. */
  readonly implementation?: Money;
}

export type LeverKey = keyof OfferTerms;

/** In the order every table lists them. */
export const LEVERS: readonly LeverKey[] = [
  "namedSeats",
  "namedRate",
  "concurrentSeats",
  "concurrentRate",
  "tiers",
  "cap",
  "termYears",
  "implementation",
];

export interface OfferRound {
  /** 1 for the first offer recorded in the channel, then 2, 3… */
  readonly round: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly offeredBy: OfferParty;
  readonly currency: CurrencyCode;
  readonly terms: OfferTerms;
}

/** Our target or our walk-away: terms without a date or a party. */
export interface OfferPosition {
  readonly currency: CurrencyCode;
  readonly terms: OfferTerms;
}

export interface OfferLedger {
  readonly rounds: readonly OfferRound[];
  readonly target?: OfferPosition;
  readonly walkAway?: OfferPosition;
}

export interface EffectiveTerms {
  readonly terms: OfferTerms;
  /** Levers this round did not state, with the earlier round whose value is in force. */
  readonly carried: ReadonlyMap<LeverKey, number>;
}

/** Each round's terms in force: later rounds override, unstated levers carry forward. */
export function effectiveTerms(rounds: readonly OfferRound[]): EffectiveTerms[] {
  let inForce: Record<string, unknown> = {};
  const source = new Map<LeverKey, number>();
  return rounds.map((r) => {
    const carried = new Map<LeverKey, number>();
    for (const key of LEVERS) {
      if (r.terms[key] !== undefined) source.set(key, r.round);
      else {
        const from = source.get(key);
        if (from !== undefined) carried.set(key, from);
      }
    }
    inForce = { ...inForce, ...definedOnly(r.terms) };
    return { terms: inForce as OfferTerms, carried };
  });
}

/** `over` laid on `base`: what `base` would be with every lever `over` names changed to it. */
export function overlay(base: OfferTerms, over: OfferTerms): OfferTerms {
  return { ...base, ...definedOnly(over) } as OfferTerms;
}

function definedOnly(terms: OfferTerms): Record<string, unknown> {
  return Object.fromEntries(Object.entries(terms).filter(([, v]) => v !== undefined));
}

export interface AnnualCost {
  readonly annual: Money;
  /** One line per part, e.g. `named: 240 × £72 × 12 = £207,360 a year`. */
  readonly working: readonly string[];
}

/**
 * The yearly subscription of the terms: named seats at the named rate (or priced on the tiers
 * when no named rate is given) plus concurrent seats at the concurrent rate, each × 12. Undefined
 * when a part has seats but no price, or no seats are given at all: no figure rather than half of one.
 */
export function annualCost(terms: OfferTerms, code: CurrencyCode): AnnualCost | undefined {
  const parts: Money[] = [];
  const working: string[] = [];
  if (terms.namedSeats !== undefined) {
    const named = namedAnnual(terms, terms.namedSeats, code);
    if (named === undefined) return undefined;
    parts.push(named.annual);
    working.push(...named.working);
  }
  if (terms.concurrentSeats !== undefined) {
    if (terms.concurrentRate === undefined) return undefined;
    const annual = times(terms.concurrentRate, terms.concurrentSeats * 12);
    parts.push(annual);
    working.push(
      `concurrent: ${terms.concurrentSeats} × ${formatMoney(terms.concurrentRate)} × 12 = ${formatMoney(annual)} a year`,
    );
  }
  if (parts.length === 0) return undefined;
  const annual = sum(parts, code);
  if (parts.length > 1) {
    working.push(`total: ${parts.map((p) => formatMoney(p)).join(" + ")} = ${formatMoney(annual)}`);
  }
  return { annual, working };
}

function namedAnnual(terms: OfferTerms, seats: number, code: CurrencyCode): AnnualCost | undefined {
  if (terms.namedRate !== undefined) {
    const annual = times(terms.namedRate, seats * 12);
    return {
      annual,
      working: [
        `named: ${seats} × ${formatMoney(terms.namedRate)} × 12 = ${formatMoney(annual)} a year`,
      ],
    };
  }
  if (terms.tiers === undefined) return undefined;
  const book = priceBook(terms.tiers.tiers, terms.tiers.mode, terms.tiers.period, code);
  if (!book.ok) return undefined;
  const index = tierIndexFor(book.value, seats);
  if (!index.ok) return undefined;
  const cost = costAt(book.value, seats, index.value);
  const { annual } = monthAndYear(cost, book.value.period);
  const per = book.value.period === "month" ? "a month × 12" : "a year";
  return {
    annual,
    working: [
      `named: ${seats} seats on the ${book.value.mode} tiers = ${formatMoney(cost)} ${per} = ${formatMoney(annual)} a year`,
    ],
  };
}
