/**
 * A vendor's quote as the comparison reads it: what each licence type costs (a flat rate or a
 * volume price book), the quoted term, the yearly uplift rule, implementation and one-off fees,
 * all in one currency. The licensing model follows from which licence types are priced.
 */
import type { CurrencyCode, Money } from "../money.js";
import type { PriceBook, RatePeriod } from "../tiers.js";
import type { UpliftPolicy } from "../uplift.js";

export type LicensingModel = "named" | "concurrent" | "mixed";

/** The price of one licence type: one rate per seat, or a price book of volume tiers. */
export type LinePrice =
  | { readonly kind: "flat"; readonly rate: Money; readonly period: RatePeriod }
  | { readonly kind: "tiered"; readonly book: PriceBook };

export interface OneOffFee {
  /** What the fee is for, as the quote says ("training", "one-off fee"). */
  readonly label: string;
  readonly amount: Money;
}

export interface VendorOffer {
  readonly name: string;
  readonly currency: CurrencyCode;
  /** Price of a named seat; set for the named and mixed models. */
  readonly named?: LinePrice;
  /** Price of a concurrent pool seat; set for the concurrent and mixed models. */
  readonly concurrent?: LinePrice;
  /** Years the quote runs for, when it says; the comparison decides the years priced. */
  readonly term?: number;
  /** How the subscription rises each year after the first; absent, the quote states none. */
  readonly uplift?: UpliftPolicy;
  /** Implementation, charged once in year 1. */
  readonly implementation?: Money;
  /** Other one-off fees, charged once in year 1. */
  readonly fees: readonly OneOffFee[];
}

/** named only, concurrent only, or both: the model follows from the prices the quote gives. */
export function offerModel(offer: VendorOffer): LicensingModel | undefined {
  if (offer.named && offer.concurrent) return "mixed";
  if (offer.named) return "named";
  if (offer.concurrent) return "concurrent";
  return undefined;
}

/** The currency of a line's price. */
export function lineCurrency(price: LinePrice): CurrencyCode {
  return price.kind === "flat" ? price.rate.currency : price.book.currency;
}
