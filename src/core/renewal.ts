/**
 * Renewal projection: the price of each year of a term under a yearly uplift policy. Year 1 is the
 * base; each later year is the previous year's price × (1 + uplift), rounded to the minor unit
 * (half away from zero) every year, as each year's invoice would be. A multi-year discount comes
 * off every year's invoice: discount = round(gross × discount %), net = gross − discount.
 */
import { fromMinorRatio, type Money, sub, sum, toRatio } from "./money.js";
import { formatPercent } from "./percent.js";
import { add, compare, isInteger, mul, ONE, type Ratio, ratio, ZERO } from "./ratio.js";
import { all, fail, failAll, ok, type Result } from "./result.js";
import { cpiSeries, perYearCap, type UpliftPolicy, upliftForYear } from "./uplift.js";

export const MIN_YEARS = 1;
export const MAX_YEARS = 10;

export interface RenewalInput {
  /** The year-1 annual cost. */
  readonly base: Money;
  readonly years: number;
  readonly policy: UpliftPolicy;
  /** Multi-year discount off every year's invoice (0 ≤ d < 1). */
  readonly discount?: Ratio;
  /** An assumed uncapped list uplift to compare against. */
  readonly list?: Ratio;
}

export interface RenewalYear {
  readonly year: number;
  /** Undefined in year 1, which is the base. */
  readonly uplift?: Ratio;
  readonly reason: string;
  readonly gross: Money;
  /** Exact gross in minor units before rounding, set only when rounding changed it. */
  readonly unrounded?: Ratio;
  readonly discount: Money;
  readonly net: Money;
}

export interface RenewalComparison {
  readonly policy: UpliftPolicy;
  readonly rows: readonly RenewalYear[];
  readonly total: Money;
  /** Comparison total − projected total: positive when the projected policy is cheaper. */
  readonly difference: Money;
}

/** A per-year cap charged for the whole term at once at renewal ("3% a year becomes 9%"). */
export interface TermChargeTrap {
  readonly perYearCap: Ratio;
  readonly years: number;
  /** years × cap. */
  readonly simple: Ratio;
  /** (1 + cap)^years − 1. */
  readonly compound: Ratio;
  /** base × (1 + simple), rounded. */
  readonly firstYearIfChargedForTerm: Money;
  /** base × (1 + compound), rounded. */
  readonly firstYearIfCompounded: Money;
}

export interface RenewalProjection {
  readonly base: Money;
  readonly years: number;
  readonly policy: UpliftPolicy;
  readonly discount: Ratio;
  readonly rows: readonly RenewalYear[];
  readonly total: Money;
  readonly uncapped?: RenewalComparison;
  readonly trap?: TermChargeTrap;
  /** CPI values given beyond the last year of the term, which were not used. */
  readonly unusedCpi: readonly Ratio[];
}

const HUNDRED_PERCENT = ONE;
const pct = (r: Ratio): string => formatPercent(r, 2);

/** A policy percentage (cap, minimum, floor, list uplift) must be 0% to 100%. */
function checkPercent(value: Ratio, label: string, hint: string): Result<Ratio> {
  if (compare(value, ZERO) < 0) {
    return fail("renewal.percent_negative", `${label} ${pct(value)} is negative`, hint);
  }
  if (compare(value, HUNDRED_PERCENT) > 0) {
    return fail("renewal.percent_over_100", `${label} ${pct(value)} is over 100%`, hint);
  }
  return ok(value);
}

function yearsText(years: number): string {
  return years === 2 ? "year 2" : years === 3 ? "years 2 and 3" : `years 2 to ${years}`;
}

function checkCpi(policy: UpliftPolicy, years: number): Result<readonly Ratio[]> {
  const cpi = cpiSeries(policy);
  if (policy.kind === "cap" || policy.kind === "list") return ok(cpi);
  for (const value of cpi) {
    if (compare(value, ratio(-1n)) <= 0 || compare(value, HUNDRED_PERCENT) > 0) {
      return fail(
        "renewal.cpi_out_of_range",
        `the CPI value ${pct(value)} is not a plausible inflation rate`,
        "write CPI as yearly percentages above -100% and at most 100%, like --cpi 4.1,3.2",
      );
    }
  }
  const needed = years - 1;
  if (cpi.length < needed) {
    return fail(
      "renewal.cpi_too_few",
      `a ${years}-year term needs ${needed} CPI value${needed === 1 ? "" : "s"} (for ${yearsText(years)}); got ${cpi.length}`,
      `give one CPI value per year after the first, like --cpi ${["4.1", "3.2", "2.8", "2.5", "2.4", "2.3", "2.2", "2.1", "2"].slice(0, needed).join(",")}`,
    );
  }
  return ok(cpi);
}

function checkPolicy(policy: UpliftPolicy): Result<UpliftPolicy> {
  const checks: Result<Ratio>[] = [];
  const capHint = "a yearly cap is a few percent, like 3%";
  switch (policy.kind) {
    case "cap":
    case "lesser-of":
      checks.push(checkPercent(policy.cap, "the cap", capHint));
      break;
    case "greater-of":
      checks.push(checkPercent(policy.minimum, "the greater-of minimum", "write it like 3%"));
      break;
    case "list":
      checks.push(checkPercent(policy.uplift, "the list uplift", "write it like --list 7%"));
      break;
    case "cpi":
      break;
  }
  if ("floor" in policy && policy.floor !== undefined) {
    checks.push(checkPercent(policy.floor, "the floor", "write it like --floor 1%"));
  }
  const checked = all(checks);
  if (!checked.ok) return checked;
  const cap = perYearCap(policy);
  if (
    cap !== undefined &&
    "floor" in policy &&
    policy.floor !== undefined &&
    compare(policy.floor, cap) > 0
  ) {
    return fail(
      "renewal.floor_above_cap",
      `the floor ${pct(policy.floor)} is above the ${pct(cap)} cap`,
      "a floor must be at most the cap, like --cap 3% --floor 1%",
    );
  }
  return ok(policy);
}

function checkInput(input: RenewalInput): Result<readonly Ratio[]> {
  const issues: Result<unknown>[] = [];
  if (input.base.minor <= 0) {
    issues.push(
      fail(
        "renewal.base_not_positive",
        "the base annual cost must be more than zero",
        "write it like 294k GBP",
      ),
    );
  }
  if (!Number.isInteger(input.years) || input.years < MIN_YEARS || input.years > MAX_YEARS) {
    issues.push(
      fail(
        "renewal.years_out_of_range",
        `the term must be ${MIN_YEARS} to ${MAX_YEARS} years, not ${input.years}`,
        "write it like --years 3",
      ),
    );
  }
  issues.push(checkPolicy(input.policy));
  const discount = input.discount ?? ZERO;
  if (compare(discount, ZERO) < 0 || compare(discount, HUNDRED_PERCENT) >= 0) {
    issues.push(
      fail(
        "renewal.discount_out_of_range",
        `the multi-year discount ${pct(discount)} must be at least 0% and under 100%`,
        "write it like --discount 5%",
      ),
    );
  }
  if (input.list !== undefined) {
    issues.push(checkPercent(input.list, "the list uplift", "write it like --list 7%"));
  }
  const failed = issues.flatMap((r) => (r.ok ? [] : r.issues));
  if (failed.length > 0) return failAll(failed);
  return checkCpi(input.policy, input.years);
}

/** The year-by-year prices of `policy`; the input must already be valid. */
function projectYears(
  base: Money,
  years: number,
  policy: UpliftPolicy,
  discount: Ratio,
): RenewalYear[] {
  const rows: RenewalYear[] = [];
  let gross = base;
  for (let year = 1; year <= years; year++) {
    let uplift: Ratio | undefined;
    let reason = "base year";
    let unrounded: Ratio | undefined;
    if (year > 1) {
      const rule = upliftForYear(policy, year);
      uplift = rule.rate;
      reason = rule.reason;
      const exact = mul(toRatio(gross), add(ONE, rule.rate));
      gross = fromMinorRatio(exact, base.currency);
      if (!isInteger(exact)) unrounded = exact;
    }
    const off = fromMinorRatio(mul(toRatio(gross), discount), base.currency);
    rows.push({
      year,
      ...(uplift !== undefined ? { uplift } : {}),
      reason,
      gross,
      ...(unrounded !== undefined ? { unrounded } : {}),
      discount: off,
      net: sub(gross, off),
    });
  }
  return rows;
}

/** What "uncapped" means here: the assumed list uplift if given, else CPI alone for CPI rules. */
export function comparisonPolicy(
  policy: UpliftPolicy,
  list: Ratio | undefined,
): UpliftPolicy | undefined {
  if (policy.kind === "list") return undefined;
  if (list !== undefined) return { kind: "list", uplift: list };
  if (policy.kind === "lesser-of" || policy.kind === "greater-of") {
    return { kind: "cpi", cpi: policy.cpi };
  }
  return undefined;
}

function power(r: Ratio, n: number): Ratio {
  let result = ONE;
  for (let i = 0; i < n; i++) result = mul(result, r);
  return result;
}

function termChargeTrap(base: Money, years: number, cap: Ratio): TermChargeTrap {
  const simple = mul(cap, ratio(years));
  const compound = add(power(add(ONE, cap), years), ratio(-1n));
  return {
    perYearCap: cap,
    years,
    simple,
    compound,
    firstYearIfChargedForTerm: fromMinorRatio(mul(toRatio(base), add(ONE, simple)), base.currency),
    firstYearIfCompounded: fromMinorRatio(mul(toRatio(base), add(ONE, compound)), base.currency),
  };
}

export function totalOf(rows: readonly RenewalYear[], base: Money): Money {
  return sum(
    rows.map((r) => r.net),
    base.currency,
  );
}

/** Projects the term, the uncapped comparison and the term-charge trap, or says what is wrong. */
export function projectRenewal(input: RenewalInput): Result<RenewalProjection> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  const { base, years, policy } = input;
  const discount = input.discount ?? ZERO;
  const rows = projectYears(base, years, policy, discount);
  const total = totalOf(rows, base);
  const compareWith = comparisonPolicy(policy, input.list);
  let uncapped: RenewalComparison | undefined;
  if (compareWith) {
    const otherRows = projectYears(base, years, compareWith, discount);
    const otherTotal = totalOf(otherRows, base);
    uncapped = {
      policy: compareWith,
      rows: otherRows,
      total: otherTotal,
      difference: sub(otherTotal, total),
    };
  }
  const cap = perYearCap(policy);
  return ok({
    base,
    years,
    policy,
    discount,
    rows,
    total,
    ...(uncapped ? { uncapped } : {}),
    ...(cap !== undefined && years > 1 ? { trap: termChargeTrap(base, years, cap) } : {}),
    unusedCpi: checked.value.slice(years - 1),
  });
}
