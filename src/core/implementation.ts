/**
 * Implementation quotes: a fixed price against time and materials (days × day rate, with an overrun
 * range), and the first-year total cost of ownership with the first year's subscription.
 * Each money figure is rounded once, half away from zero, where it becomes money.
 */
import { add, compareMoney, fromMinorRatio, type Money, sub, toRatio } from "./money.js";
import { formatPercent } from "./percent.js";
import {
  compare,
  div,
  mul,
  ONE,
  type Ratio,
  add as radd,
  ratio,
  toDecimalString,
  ZERO,
} from "./ratio.js";
import { type Issue, ok, type Result } from "./result.js";

export interface TimeAndMaterialsInput {
  /** Days of work; may be fractional (62.5). */
  readonly days: Ratio;
  readonly dayRate: Money;
  /** Overrun range as fractions, low ≤ high (10–40% is 1/10 and 2/5). */
  readonly overrunLow: Ratio;
  readonly overrunHigh: Ratio;
}

export interface ImplementationInput {
  readonly fixed?: Money;
  readonly timeAndMaterials?: TimeAndMaterialsInput;
  /** First-year subscription, for the first-year total cost of ownership. */
  readonly annualSubscription?: Money;
}

export interface TimeAndMaterials extends TimeAndMaterialsInput {
  /** days × day rate. */
  readonly estimate: Money;
  /** estimate × (1 + low overrun). */
  readonly low: Money;
  /** estimate × (1 + high overrun). */
  readonly high: Money;
}

export interface FirstYearTco {
  readonly fixed?: Money;
  readonly tmEstimate?: Money;
  readonly tmLow?: Money;
  readonly tmHigh?: Money;
}

/** Which quote is cheaper at the T&M estimate; undefined when only one was given. */
export type Cheaper = "fixed" | "time-and-materials" | "equal";

export interface ImplementationComparison {
  readonly fixed?: Money;
  readonly timeAndMaterials?: TimeAndMaterials;
  readonly annualSubscription?: Money;
  readonly firstYearTco?: FirstYearTco;
  readonly cheaper?: Cheaper;
  /**
   * The overrun at which T&M costs as much as the fixed price (fixed ÷ estimate − 1), set when both
   * are given and T&M is cheaper at estimate: past this overrun, fixed would have been cheaper.
   */
  readonly breakEvenOverrun?: Ratio;
}

const pct = (r: Ratio): string => formatPercent(r, 2);

function checkPositive(amount: Money | undefined, code: string, label: string, hint: string) {
  return amount !== undefined && amount.minor <= 0
    ? [{ code, message: `${label} must be more than zero`, hint }]
    : [];
}

function checkTimeAndMaterials(tm: TimeAndMaterialsInput): Issue[] {
  const issues: Issue[] = [];
  if (compare(tm.days, ZERO) <= 0) {
    issues.push({
      code: "impl.days_not_positive",
      message: `the number of days must be more than zero, not ${toDecimalString(tm.days)}`,
      hint: "write it like --days 60",
    });
  }
  issues.push(
    ...checkPositive(tm.dayRate, "impl.day_rate_not_positive", "the day rate", "--day-rate 1200"),
  );
  if (compare(tm.overrunLow, ZERO) < 0 || compare(tm.overrunHigh, ZERO) < 0) {
    issues.push({
      code: "impl.overrun_negative",
      message: `the overrun range ${pct(tm.overrunLow)}–${pct(tm.overrunHigh)} can't be negative`,
      hint: "write it like --overrun 10-40%",
    });
  } else if (compare(tm.overrunLow, tm.overrunHigh) > 0) {
    issues.push({
      code: "impl.overrun_reversed",
      message: `the overrun range ${toDecimalString(mul(tm.overrunLow, ratio(100n)), 2)}-${pct(tm.overrunHigh)} runs backwards`,
      hint: "put the low end first, like --overrun 10-40%",
    });
  }
  return issues;
}

function checkInput(input: ImplementationInput): Issue[] {
  if (input.fixed === undefined && input.timeAndMaterials === undefined) {
    return [
      {
        code: "impl.nothing_to_compare",
        message: "give a fixed price, or days and a day rate for time and materials (or both)",
        hint: "impl --fixed 45k --days 60 --day-rate 1200 --overrun 10-40%",
      },
    ];
  }
  return [
    ...checkPositive(input.fixed, "impl.fixed_not_positive", "the fixed price", "--fixed 45k"),
    ...(input.timeAndMaterials ? checkTimeAndMaterials(input.timeAndMaterials) : []),
    ...checkPositive(
      input.annualSubscription,
      "impl.annual_not_positive",
      "the annual subscription",
      "--annual 294k",
    ),
  ];
}

function withOverrun(estimate: Money, overrun: Ratio): Money {
  return fromMinorRatio(mul(toRatio(estimate), radd(ONE, overrun)), estimate.currency);
}

function costTimeAndMaterials(tm: TimeAndMaterialsInput): TimeAndMaterials {
  const estimate = fromMinorRatio(mul(tm.days, toRatio(tm.dayRate)), tm.dayRate.currency);
  return {
    ...tm,
    estimate,
    low: withOverrun(estimate, tm.overrunLow),
    high: withOverrun(estimate, tm.overrunHigh),
  };
}

function firstYear(
  annual: Money | undefined,
  fixed: Money | undefined,
  tm: TimeAndMaterials | undefined,
): FirstYearTco | undefined {
  if (annual === undefined) return undefined;
  return {
    ...(fixed ? { fixed: add(annual, fixed) } : {}),
    ...(tm
      ? {
          tmEstimate: add(annual, tm.estimate),
          tmLow: add(annual, tm.low),
          tmHigh: add(annual, tm.high),
        }
      : {}),
  };
}

/** Costs both quotes and the first-year TCO, or says what is wrong with the input. */
export function compareImplementation(
  input: ImplementationInput,
): Result<ImplementationComparison> {
  const issues = checkInput(input);
  if (issues.length > 0) return { ok: false, issues };
  const { fixed, annualSubscription } = input;
  const tm = input.timeAndMaterials ? costTimeAndMaterials(input.timeAndMaterials) : undefined;
  const tco = firstYear(annualSubscription, fixed, tm);
  let cheaper: Cheaper | undefined;
  let breakEvenOverrun: Ratio | undefined;
  if (fixed && tm) {
    const order = compareMoney(fixed, tm.estimate);
    cheaper = order < 0 ? "fixed" : order > 0 ? "time-and-materials" : "equal";
    if (order > 0) {
      breakEvenOverrun = radd(div(toRatio(fixed), toRatio(tm.estimate)), ratio(-1n));
    }
  }
  return ok({
    ...(fixed ? { fixed } : {}),
    ...(tm ? { timeAndMaterials: tm } : {}),
    ...(annualSubscription ? { annualSubscription } : {}),
    ...(tco ? { firstYearTco: tco } : {}),
    ...(cheaper ? { cheaper } : {}),
    ...(breakEvenOverrun ? { breakEvenOverrun } : {}),
  });
}

/** How much more the worst-case T&M costs than the fixed price (negative when it costs less). */
export function worstCaseOverFixed(result: ImplementationComparison): Money | undefined {
  const { fixed, timeAndMaterials } = result;
  return fixed && timeAndMaterials ? sub(timeAndMaterials.high, fixed) : undefined;
}
