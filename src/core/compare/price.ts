/**
 * Pricing one vendor's quote on the shared usage, year by year: year 1's subscription from its
 * licence lines, each later year the year before × (1 + the uplift), rounded to the minor unit
 * every year as each invoice would be (the renewal calculator's rule), and the one-off charges in
 * year 1. Every step is kept as a line of working.
 */

import { MAX_TOTAL_MINOR } from "../cost.js";
import { type CurrencyCode, formatMoney, type Money, sum, times, zero } from "../money.js";
import { add, ONE, type Ratio, toDecimalString } from "../ratio.js";
import { projectRenewal } from "../renewal.js";
import { fail, failAll, ok, type Result } from "../result.js";
import { bandCosts, monthAndYear, type RatePeriod, tierIndexFor, tierLabel } from "../tiers.js";
import { describePolicy } from "../uplift.js";
import { type LicensingModel, type LinePrice, offerModel, type VendorOffer } from "./offer.js";
import { type SeatsPriced, seatsFor, type Usage } from "./usage.js";

export type SeatType = "named" | "concurrent";

export interface LineAnnual {
  readonly type: SeatType;
  readonly seats: number;
  readonly price: LinePrice;
  /** The year-1 cost of these seats. */
  readonly annual: Money;
  /** The tier the seats reach, for a price book ("100-249"). */
  readonly tier?: string;
}

export interface VendorYear {
  readonly year: number;
  /** The uplift applied this year; undefined in year 1. */
  readonly uplift?: Ratio;
  readonly reason: string;
  readonly subscription: Money;
  /** Implementation and one-off fees: year 1 only. */
  readonly oneOff: Money;
  readonly total: Money;
  /** True for a year after the quote's own term (priced by continuing its uplift rule). */
  readonly beyondTerm: boolean;
}

export interface VendorCost {
  readonly offer: VendorOffer;
  readonly model: LicensingModel;
  readonly seats: SeatsPriced;
  readonly lines: readonly LineAnnual[];
  readonly years: readonly VendorYear[];
  readonly oneOff: Money;
  /** Total cost of ownership over the years priced: every year's subscription plus the one-offs. */
  readonly tco: Money;
  /** CPI values the quote gave beyond the years priced, which were not used. */
  readonly unusedCpi: readonly Ratio[];
  readonly working: readonly string[];
}

const money = (m: Money): string => formatMoney(m);
const per = (period: RatePeriod): string => (period === "month" ? "/mo" : "/yr");
const seatWord = (type: SeatType, n: number): string =>
  type === "named" ? `${n} named seat${n === 1 ? "" : "s"}` : `a pool of ${n}`;

function tooLarge(vendor: string): Result<never> {
  return fail("money.too_large", `${vendor}'s cost is too large to calculate exactly`);
}

/**
 * Whether every figure stays exact: the dearest rate × seats × 12, doubled each year (an uplift is
 * at most 100%, which renewal checks) over the term, plus the one-offs, below MAX_TOTAL_MINOR.
 */
function fitsExactly(rateMinor: number, seats: number, years: number, oneOff: Money): boolean {
  const year1 = BigInt(rateMinor) * BigInt(seats) * 12n;
  const worst = year1 * 2n ** BigInt(years) * BigInt(years) + BigInt(oneOff.minor);
  return worst < MAX_TOTAL_MINOR;
}

function dearestRate(price: LinePrice): number {
  return price.kind === "flat"
    ? price.rate.minor
    : Math.max(...price.book.tiers.map((t) => t.rate.minor));
}

function prefixed(vendor: string, r: Result<unknown>): Result<never> {
  if (r.ok) throw new RangeError("prefixed: not a failure");
  return failAll(r.issues.map((i) => ({ ...i, message: `${vendor}: ${i.message}` })));
}

/** The year-1 cost of `seats` of one type, with its working line. */
function lineAnnual(
  vendor: string,
  type: SeatType,
  seats: number,
  price: LinePrice,
): Result<{ line: LineAnnual; working: string }> {
  const label = `${vendor} ${type}`;
  if (seats === 0) {
    const nil = zero(price.kind === "flat" ? price.rate.currency : price.book.currency);
    return ok({
      line: { type, seats, price, annual: nil },
      working: `${label}: no ${type} seats in the usage, so ${money(nil)}`,
    });
  }
  if (price.kind === "flat") {
    const months = price.period === "month" ? 12 : 1;
    const annual = times(price.rate, BigInt(seats) * BigInt(months));
    const twelve = months === 12 ? " × 12" : "";
    return ok({
      line: { type, seats, price, annual },
      working: `${label}: ${seats} × ${money(price.rate)}${per(price.period)}${twelve} = ${money(annual)} a year`,
    });
  }
  const { book } = price;
  const index = tierIndexFor(book, seats, `${seatWord(type, seats)} for ${vendor}`);
  if (!index.ok) return prefixed(vendor, index);
  const bands = bandCosts(book, seats, index.value);
  const cost = sum(
    bands.map((b) => b.cost),
    book.currency,
  );
  const { annual } = monthAndYear(cost, book.period);
  const reached = book.tiers[index.value];
  const tier = reached ? tierLabel(reached) : "";
  const parts = bands.map((b) => `${b.seats} × ${money(b.rate)}`).join(" + ");
  const perPeriod = bands.length > 1 ? ` = ${money(cost)}${per(book.period)}` : per(book.period);
  const twelve = book.period === "month" ? " × 12" : "";
  const how =
    book.mode === "all-units"
      ? `all-units: every seat at the ${tier} tier's rate`
      : `graduated: each band at its own rate, up to the ${tier} tier`;
  return ok({
    line: { type, seats, price, annual, tier },
    working: `${label}: ${seats} seats (${how}) ${parts}${perPeriod}${twelve} = ${money(annual)} a year`,
  });
}

interface SubscriptionYear {
  readonly year: number;
  readonly uplift?: Ratio;
  readonly reason: string;
  readonly subscription: Money;
}

/** The subscription of each year: flat without an uplift rule, else the renewal projection's. */
function subscriptionYears(
  vendor: string,
  base: Money,
  years: number,
  offer: VendorOffer,
): Result<{ rows: SubscriptionYear[]; unusedCpi: readonly Ratio[] }> {
  const policy = offer.uplift;
  if (policy === undefined) {
    const rows = Array.from({ length: years }, (_, i) => ({
      year: i + 1,
      reason: i === 0 ? "base year" : "no uplift stated",
      subscription: base,
    }));
    return ok({ rows, unusedCpi: [] });
  }
  const projected = projectRenewal({ base, years, policy });
  if (!projected.ok) return prefixed(vendor, projected);
  const rows = projected.value.rows.map((r) => ({
    year: r.year,
    ...(r.uplift !== undefined ? { uplift: r.uplift } : {}),
    reason: r.reason,
    subscription: r.net,
  }));
  return ok({ rows, unusedCpi: projected.value.unusedCpi });
}

function oneOffs(offer: VendorOffer, code: CurrencyCode): { total: Money; working: string[] } {
  const parts: { label: string; amount: Money }[] = [
    ...(offer.implementation ? [{ label: "implementation", amount: offer.implementation }] : []),
    ...offer.fees,
  ];
  const total = sum(
    parts.map((p) => p.amount),
    code,
  );
  if (parts.length === 0) return { total, working: [] };
  const list = parts.map((p) => `${p.label} ${money(p.amount)}`).join(" + ");
  const sumText = parts.length > 1 ? ` = ${money(total)}` : "";
  return { total, working: [`${offer.name} one-off, in year 1: ${list}${sumText}`] };
}

function yearWorking(vendor: string, prev: Money | undefined, y: VendorYear): string {
  const beyond = y.beyondTerm ? " (after the quoted term, same rule)" : "";
  if (prev === undefined || y.uplift === undefined) {
    return `${vendor} year ${y.year}: ${money(y.subscription)} (${y.reason})${beyond}`;
  }
  const factor = toDecimalString(add(ONE, y.uplift), 8);
  return `${vendor} year ${y.year}: ${money(prev)} × ${factor} (${y.reason}) = ${money(y.subscription)}${beyond}`;
}

/** Prices `offer` on `usage` for `years` years (the comparison's term, which it has checked). */
export function priceOffer(offer: VendorOffer, usage: Usage, years: number): Result<VendorCost> {
  const vendor = offer.name;
  const model = offerModel(offer);
  if (!model) {
    return fail(
      "compare.no_prices",
      `${vendor}'s quote gives no price for named seats or a concurrent pool`,
      `${vendor}: named £70/mo, or concurrent £140/mo, or both`,
    );
  }
  const seats = seatsFor(model, usage, vendor);
  if (!seats.ok) return seats;
  const priced: { type: SeatType; seats: number; price: LinePrice }[] = [];
  if (offer.named) priced.push({ type: "named", seats: seats.value.named, price: offer.named });
  if (offer.concurrent) {
    priced.push({ type: "concurrent", seats: seats.value.concurrent, price: offer.concurrent });
  }
  const one = oneOffs(offer, offer.currency);
  if (priced.some((p) => !fitsExactly(dearestRate(p.price), p.seats, years, one.total))) {
    return tooLarge(vendor);
  }
  const lines: LineAnnual[] = [];
  const working: string[] = [];
  for (const p of priced) {
    const l = lineAnnual(vendor, p.type, p.seats, p.price);
    if (!l.ok) return l;
    lines.push(l.value.line);
    working.push(l.value.working);
  }
  const code = offer.currency;
  const base = sum(
    lines.map((l) => l.annual),
    code,
  );
  if (lines.length > 1) {
    working.push(
      `${vendor} year-1 subscription: ${lines.map((l) => money(l.annual)).join(" + ")} = ${money(base)}`,
    );
  }
  if (base.minor <= 0) {
    return fail(
      "compare.nothing_priced",
      `${vendor} costs nothing on this usage (no seats of the kind it licenses)`,
      "check the usage: --users, --pool and --split",
    );
  }
  const subs = subscriptionYears(vendor, base, years, offer);
  if (!subs.ok) return subs;
  const term = offer.term ?? years;
  const rows: VendorYear[] = subs.value.rows.map((s) => {
    const oneOff = s.year === 1 ? one.total : zero(code);
    return {
      ...s,
      oneOff,
      total: sum([s.subscription, oneOff], code),
      beyondTerm: s.year > term,
    };
  });
  if (offer.uplift) working.push(`${vendor} uplift: ${describePolicy(offer.uplift)}`);
  let prev: Money | undefined;
  for (const r of rows) {
    working.push(yearWorking(vendor, prev, r));
    prev = r.subscription;
  }
  working.push(...one.working);
  const tco = sum(
    rows.map((r) => r.total),
    code,
  );
  const tcoParts = rows.map((r) => money(r.subscription));
  if (one.total.minor !== 0) tcoParts.push(money(one.total));
  working.push(
    `${vendor} total cost of ownership over ${years} year${years === 1 ? "" : "s"}: ${tcoParts.join(" + ")} = ${money(tco)}`,
  );
  return ok({
    offer,
    model,
    seats: seats.value,
    lines,
    years: rows,
    oneOff: one.total,
    tco,
    unusedCpi: subs.value.unusedCpi,
    working,
  });
}
