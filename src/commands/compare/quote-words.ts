/**
 * One vendor's quote as typed (or read from a JSON file), before the currency is known: the words
 * the compare grammar understood, with amounts still exact decimals. build.ts turns it into a
 * core VendorOffer.
 */
import type { Ratio } from "../../core/ratio.js";
import type { TierMode } from "../../core/tiers.js";
import type { TypedAmount } from "../grammar/amounts.js";
import type { TypedTier } from "../grammar/tier-list.js";

export type PriceWords =
  | { readonly kind: "flat"; readonly amount: TypedAmount }
  | { readonly kind: "tiers"; readonly tiers: readonly TypedTier[] };

export interface UpliftWords {
  readonly list?: Ratio;
  readonly cap?: Ratio;
  readonly cpi?: readonly Ratio[];
  readonly lesser?: Ratio;
  readonly greater?: Ratio;
  readonly floor?: Ratio;
}

export interface QuoteWords {
  readonly name: string;
  readonly named?: PriceWords;
  readonly concurrent?: PriceWords;
  readonly term?: number;
  readonly uplift: UpliftWords;
  readonly implementation?: TypedAmount;
  readonly fees: readonly { readonly label: string; readonly amount: TypedAmount }[];
  /** Currency codes the quote names (GBP). */
  readonly codes: readonly string[];
  /** all-units or graduated, for its tiers. */
  readonly modes: readonly TierMode[];
}
