/**
 * Costing scenarios and comparing them with a baseline. A line's annual cost is exact (seats × a
 * price in minor units × 12, or × 1 for a yearly price); monthly figures of yearly prices are the
 * only rounded ones, each rounded once from the exact value.
 */
import { describeLine, type LicenceLine, type Scenario } from "./licence.js";
import { type CurrencyCode, type Money, money } from "./money.js";
import { div, type Ratio, ratio, ZERO } from "./ratio.js";
import { fail, ok, type Result } from "./result.js";

/**
 * Every total must stay below this many minor units (2^51, £22 trillion), so that differences and
 * sums of two totals are still exact JavaScript integers.
 */
export const MAX_TOTAL_MINOR = 2n ** 51n;

export interface LineCost {
  readonly line: LicenceLine;
  /** Annual cost of one seat, exact: price × 12 for a monthly price, the price for a yearly one. */
  readonly seatAnnual: Money;
  /** Monthly cost of the line; rounded once when the price is yearly and ÷ 12 is not exact. */
  readonly monthly: Money;
  readonly monthlyExact: boolean;
  readonly annual: Money;
}

export interface ScenarioCost {
  readonly scenario: Scenario;
  readonly currency: CurrencyCode;
  readonly lines: readonly LineCost[];
  /** Annual ÷ 12, rounded once (exact for monthly prices). */
  readonly monthly: Money;
  readonly monthlyExact: boolean;
  readonly annual: Money;
  readonly years: number;
  /** Annual × years, flat (uplift is the renewal calculator's job); only when years > 1. */
  readonly term?: Money;
}

/** Money from exact minor units, or a clear failure when the figure is too large to keep exact. */
export function checkedMoney(minor: bigint, code: CurrencyCode, what: string): Result<Money> {
  const abs = minor < 0n ? -minor : minor;
  if (abs >= MAX_TOTAL_MINOR) {
    return fail("money.too_large", `${what} is too large to calculate exactly`);
  }
  return ok(money(minor, code));
}

/** Rounds an exact ratio of minor units half away from zero, with the same size check. */
export function roundedMoney(minor: Ratio, code: CurrencyCode, what: string): Result<Money> {
  const n = minor.num < 0n ? -minor.num : minor.num;
  const q = n / minor.den;
  const rounded = (n % minor.den) * 2n >= minor.den ? q + 1n : q;
  return checkedMoney(minor.num < 0n ? -rounded : rounded, code, what);
}

export function costLine(line: LicenceLine): Result<LineCost> {
  const code = line.unitPrice.currency;
  const what = `the cost of ${describeLine(line.type, line.quantity)}`;
  const price = BigInt(line.unitPrice.minor);
  const seatAnnual = checkedMoney(line.period === "month" ? price * 12n : price, code, what);
  if (!seatAnnual.ok) return seatAnnual;
  const annualMinor = BigInt(seatAnnual.value.minor) * BigInt(line.quantity);
  const annual = checkedMoney(annualMinor, code, what);
  if (!annual.ok) return annual;
  const monthlyExact = ratio(annualMinor, 12n);
  const monthly = roundedMoney(monthlyExact, code, what);
  if (!monthly.ok) return monthly;
  return ok({
    line,
    seatAnnual: seatAnnual.value,
    monthly: monthly.value,
    monthlyExact: monthlyExact.den === 1n,
    annual: annual.value,
  });
}

/** Costs a scenario for `years` years (a whole number ≥ 1). */
export function costScenario(s: Scenario, years: number): Result<ScenarioCost> {
  const first = s.lines[0];
  if (!first) return fail("scenario.empty", `the plan "${s.name}" has no licence lines`);
  const code = first.unitPrice.currency;
  const lines: LineCost[] = [];
  let annualMinor = 0n;
  for (const line of s.lines) {
    const c = costLine(line);
    if (!c.ok) return c;
    lines.push(c.value);
    annualMinor += BigInt(c.value.annual.minor);
  }
  const what = `the cost of the ${s.name} plan`;
  const annual = checkedMoney(annualMinor, code, what);
  if (!annual.ok) return annual;
  const monthlyExact = ratio(annualMinor, 12n);
  const monthly = roundedMoney(monthlyExact, code, what);
  if (!monthly.ok) return monthly;
  let term: Money | undefined;
  if (years > 1) {
    const t = checkedMoney(annualMinor * BigInt(years), code, `${what} over ${years} years`);
    if (!t.ok) return t;
    term = t.value;
  }
  return ok({
    scenario: s,
    currency: code,
    lines,
    monthly: monthly.value,
    monthlyExact: monthlyExact.den === 1n,
    annual: annual.value,
    years,
    ...(term ? { term } : {}),
  });
}

export interface Saving {
  /** Baseline annual − option annual: positive when the option is cheaper. */
  readonly annual: Money;
  /** The annual saving as a fraction of the baseline's annual cost (negative when dearer). */
  readonly percent: Ratio;
  /** The saving over the term (annual saving × years), only when years > 1. */
  readonly term?: Money;
}

/** What the option saves against the baseline (both costed for the same years). */
export function savingAgainst(option: ScenarioCost, baseline: ScenarioCost): Saving {
  const diff = BigInt(baseline.annual.minor) - BigInt(option.annual.minor);
  // Every total is below 2^51, so differences of totals are exact integers.
  const annual = money(diff, baseline.currency);
  // Validated lines make the baseline positive; a zero baseline has no meaningful percent.
  const percent =
    baseline.annual.minor === 0 ? ZERO : div(ratio(diff), ratio(BigInt(baseline.annual.minor)));
  if (baseline.term !== undefined && option.term !== undefined) {
    const term = money(BigInt(baseline.term.minor) - BigInt(option.term.minor), baseline.currency);
    return { annual, percent, term };
  }
  return { annual, percent };
}
