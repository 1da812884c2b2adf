/** What the reader's patterns found, before sense.ts turns it into a quote or questions. */
import type { Issue } from "../../core/result.js";
import type { QuoteMoney } from "./money-text.js";
import type { Implementation, LicenceKind, Period, SeatLine } from "./quote.js";

export interface Draft {
  lines: SeatLine[];
  seatCounts: { quantity: number; type: LicenceKind; typed: boolean }[];
  prices: { money: QuoteMoney; period?: Period; perSeat: boolean }[];
  terms: number[];
  monthTerms: number[];
  list?: string;
  cap?: string;
  lesserOf?: string;
  greaterOf?: string;
  floor?: string;
  discount?: string;
  cpi?: string[];
  tiers?: string[];
  periodTotals: { money: QuoteMoney; period: Period }[];
  termTotals: { money: QuoteMoney; years?: number }[];
  yearFigures: { year: number; money: QuoteMoney }[];
  bareAmounts: QuoteMoney[];
  implementation: { -readonly [K in keyof Implementation]: Implementation[K] };
  active?: number;
  unsupported: Issue[];
}
