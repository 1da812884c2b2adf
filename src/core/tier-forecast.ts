/**
 * Positioning in a price book: what a quantity costs, how far the next break is, what to ask for,
 * whether buying up pays, and whether a growth forecast justifies asking for a better rate now.
 */
import { compareMoney, type Money, sub } from "./money.js";
import { fail, ok, type Result } from "./result.js";
import {
  askCost,
  type BandCost,
  bandCosts,
  costAt,
  type MonthAndYear,
  monthAndYear,
  type PriceBook,
  type Tier,
  tierIndexFor,
} from "./tiers.js";

export interface NextBreak {
  readonly tierIndex: number;
  readonly tier: Tier;
  /** Seats to add to reach the break. */
  readonly seatsAway: number;
  /** The current quantity at the next tier's rate, without buying up (see `askCost`). */
  readonly ask: MonthAndYear;
  /** Staying cost minus the ask: what the rate alone is worth. */
  readonly askSaving: MonthAndYear;
  /** The cost of buying exactly up to the break. */
  readonly buyUp: MonthAndYear;
  /** Staying cost minus the buy-up cost; negative when buying up costs more. */
  readonly buyUpSaving: MonthAndYear;
  /** Strictly cheaper; an equal cost is reported by buyUpPoint ≤ quantity with this false. */
  readonly buyUpCheaper: boolean;
  /**
   * All-units only: the smallest quantity in the current tier from which buying up to the break
   * costs no more than staying. Absent under graduated (buying up never pays there) and when no
   * quantity in the tier qualifies (the next rate is too close to, or above, the current one).
   */
  readonly buyUpPoint?: number;
}

export interface TierPosition {
  readonly book: PriceBook;
  readonly quantity: number;
  readonly tierIndex: number;
  readonly tier: Tier;
  /** The bands carrying the cost: one under all-units, each band reached under graduated. */
  readonly bands: readonly BandCost[];
  /** Cost per the book's period (exact). */
  readonly cost: Money;
  readonly monthly: Money;
  readonly annual: Money;
  /** Absent in the last tier. */
  readonly nextBreak?: NextBreak;
}

function difference(a: MonthAndYear, b: MonthAndYear): MonthAndYear {
  // Differences of the figures shown, so that every line of a reply reconciles to the penny.
  return { monthly: sub(a.monthly, b.monthly), annual: sub(a.annual, b.annual) };
}

/**
 * Under all-units, staying at q costs q × r and buying up costs B × r'; buying up costs no more
 * once q × r ≥ B × r', i.e. from q = ⌈B × r' ÷ r⌉ (computed exactly on minor units).
 */
export function buyUpPoint(current: Tier, next: Tier): number | undefined {
  const breakAt = BigInt(next.from);
  const rate = BigInt(current.rate.minor);
  const nextRate = BigInt(next.rate.minor);
  const point = (breakAt * nextRate + rate - 1n) / rate;
  if (point >= breakAt) return undefined;
  return Math.max(Number(point), current.from);
}

function nextBreakFor(book: PriceBook, quantity: number, index: number, stay: Money): NextBreak {
  const current = book.tiers[index] as Tier;
  const tier = book.tiers[index + 1] as Tier;
  const stayBoth = monthAndYear(stay, book.period);
  const ask = monthAndYear(askCost(book, quantity, index, index + 1), book.period);
  const buyUpCost = costAt(book, tier.from, index + 1);
  const buyUp = monthAndYear(buyUpCost, book.period);
  const point = book.mode === "all-units" ? buyUpPoint(current, tier) : undefined;
  return {
    tierIndex: index + 1,
    tier,
    seatsAway: tier.from - quantity,
    ask,
    askSaving: difference(stayBoth, ask),
    buyUp,
    buyUpSaving: difference(stayBoth, buyUp),
    buyUpCheaper: compareMoney(buyUpCost, stay) < 0,
    ...(point === undefined ? {} : { buyUpPoint: point }),
  };
}

/** Where `quantity` sits in the book and what the next break offers. */
export function analyseTiers(book: PriceBook, quantity: number): Result<TierPosition> {
  const found = tierIndexFor(book, quantity);
  if (!found.ok) return found;
  const index = found.value;
  const bands = bandCosts(book, quantity, index);
  const cost = costAt(book, quantity, index);
  const both = monthAndYear(cost, book.period);
  const hasNext = index + 1 < book.tiers.length;
  return ok({
    book,
    quantity,
    tierIndex: index,
    tier: book.tiers[index] as Tier,
    bands,
    cost,
    monthly: both.monthly,
    annual: both.annual,
    ...(hasNext ? { nextBreak: nextBreakFor(book, quantity, index, cost) } : {}),
  });
}

export interface TierForecast {
  /** The forecast quantity. */
  readonly quantity: number;
  readonly withinMonths?: number;
  /** The tier the forecast lands in. */
  readonly tierIndex: number;
  readonly tier: Tier;
  /** True when the forecast lands in a higher tier than today's quantity. */
  readonly crossesBreak: boolean;
  /** Today's quantity at the forecast tier's rate (see `askCost`); today's cost when no break. */
  readonly ask: MonthAndYear;
  /** Today's cost minus the ask: what asking for the forecast tier's rate now saves. */
  readonly saving: MonthAndYear;
  /** Ask now only when the forecast crosses a break AND that tier's rate saves money today. */
  readonly recommend: boolean;
}

/**
 * Should the better rate be negotiated now? A forecast of growth to `forecastQuantity` (within
 * `withinMonths`, when given) that crosses a break is leverage: the vendor will be paid that rate
 * soon anyway, so ask for it on today's quantity.
 */
export function forecastTiers(
  position: TierPosition,
  forecastQuantity: number,
  withinMonths?: number,
): Result<TierForecast> {
  const { book, quantity } = position;
  if (withinMonths !== undefined && (!Number.isSafeInteger(withinMonths) || withinMonths < 1)) {
    return fail(
      "forecast.months_not_positive",
      `the forecast horizon must be a whole number of months, at least 1 (it is ${withinMonths})`,
      "write it like --within 6",
    );
  }
  const found = tierIndexFor(book, forecastQuantity, `your forecast of ${forecastQuantity}`);
  if (!found.ok) return found;
  if (forecastQuantity < quantity) {
    return fail(
      "forecast.below_quantity",
      `your forecast of ${forecastQuantity} is below today's ${quantity} seats; a forecast here is growth`,
      `forecast a number above ${quantity}, e.g. --forecast ${quantity + 20}`,
    );
  }
  const index = found.value;
  const crossesBreak = index > position.tierIndex;
  const today = { monthly: position.monthly, annual: position.annual };
  const ask = crossesBreak
    ? monthAndYear(askCost(book, quantity, position.tierIndex, index), book.period)
    : today;
  const saving = difference(today, ask);
  return ok({
    quantity: forecastQuantity,
    ...(withinMonths === undefined ? {} : { withinMonths }),
    tierIndex: index,
    tier: book.tiers[index] as Tier,
    crossesBreak,
    ask,
    saving,
    recommend: crossesBreak && saving.annual.minor > 0,
  });
}
