/** A quote as the reader understood it: every field is something the text said, in its words. */
import type { Issue } from "../../core/result.js";
import type { Unused } from "./claims.js";
import type { QuoteMoney } from "./money-text.js";

export type Period = "month" | "year";
export type LicenceKind = "named" | "concurrent";

/** Seats bought at a unit price: `260 agents at £62 per agent per month`. */
export interface SeatLine {
  readonly quantity: number;
  readonly type: LicenceKind;
  /** False when the quote did not say named or concurrent (named is then assumed). */
  readonly typeStated: boolean;
  readonly price: QuoteMoney;
  /** Undefined when the text gave no period: see `assumeMonthly` in read.ts. */
  readonly period?: Period;
}

export interface Implementation {
  readonly fixed?: QuoteMoney;
  readonly days?: number;
  readonly dayRate?: QuoteMoney;
  /** `10-40%` as the impl command reads it. */
  readonly overrun?: string;
}

export interface Quote {
  readonly lines: readonly SeatLine[];
  /** A seat count with no price of its own (used with a tier list or a lone unit price). */
  readonly seats?: { readonly quantity: number; readonly type: LicenceKind };
  readonly years?: number;
  /** Percentages as typed, without the % sign: "5", "3.5". */
  readonly list?: string;
  readonly cap?: string;
  readonly lesserOf?: string;
  readonly greaterOf?: string;
  readonly floor?: string;
  readonly discount?: string;
  readonly cpi?: readonly string[];
  /** Tiers in the tiers command's form: `1-99 @ £75`. */
  readonly tiers?: readonly string[];
  /** A total for one month or year of the whole subscription, not per seat. */
  readonly periodTotal?: { readonly money: QuoteMoney; readonly period: Period };
  /** A total for the whole term: "£1.2m for 3 years". */
  readonly termTotal?: { readonly money: QuoteMoney; readonly years?: number };
  readonly implementation?: Implementation;
  /** The quote's own figure for a year of the term ("Year 2: £203,112"), checked, never used. */
  readonly yearFigures?: readonly { readonly year: number; readonly money: QuoteMoney }[];
  /** How many of the seats are in use, for right-sizing. */
  readonly active?: number;
  /** The ISO code the text's amounts are marked with, if any. */
  readonly currency?: string;
}

export interface QuoteReading {
  readonly quote: Quote;
  /** What was read, one short phrase per fact, for "I read: …". */
  readonly read: readonly string[];
  /** Assumptions the figures rely on, each a sentence. */
  readonly assumed: readonly string[];
  /** Numbers that look like part of the deal but were not understood. */
  readonly unused: readonly Unused[];
  /** Numbers recognised as not part of the deal: phone numbers, dates, references. */
  readonly notQuote: readonly Unused[];
  /** Questions back to the user: the reading is too doubtful to calculate from. */
  readonly questions: readonly Issue[];
  /** True when the text carries a quote's numbers (a price or a total), so the reader answers. */
  readonly isQuote: boolean;
}
