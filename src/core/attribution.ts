/**
 * Savings attribution: splits the difference between a baseline and an option into a quantity
 * effect (users covered), a rate effect (price per seat) and a mix effect (the licensing model,
 * named → concurrent) that add up exactly to the total.
 *
 * The convention is a chain of intermediate plans, each one change away from the last:
 *   S0 = the baseline                                         cost C0
 *   S1 = the baseline rescaled to the option's user count     cost C1  quantity = C0 − C1
 *   S2 = S1 at the option's average rate for each type        cost C2  rate     = C1 − C2
 *        (a type the option lacks keeps the baseline's rate)
 *   S3 = the option                                           cost C3  mix      = C2 − C3
 * Intermediates are exact Ratios, each total is rounded once, and the parts telescope, so
 * quantity + rate + mix = C0 − C3 to the penny. Another order would split the same total
 * differently; this is one documented convention, not the only truth.
 */

import { roundedMoney, type ScenarioCost } from "./cost.js";
import { knownUsers, type LicenceType, type Scenario, seatsOf, typesOf } from "./licence.js";
import { type Money, money } from "./money.js";
import { add, compare, mul, ONE, type Ratio, ratio, ZERO } from "./ratio.js";
import { ok, type Result } from "./result.js";

/**
 * How the two user counts were found:
 * - both-known: each plan is named-only or states `for N users`;
 * - option-assumed / baseline-assumed: only the other side was known, this side is assumed equal;
 * - seats-counted: neither known, same licence types on both sides, so seats are compared;
 * - assumed-equal: neither known and different licence types, so no quantity effect is taken.
 */
export type UsersBasis =
  | "both-known"
  | "option-assumed"
  | "baseline-assumed"
  | "seats-counted"
  | "assumed-equal";

export interface UsersComparison {
  readonly basis: UsersBasis;
  /** Absent only for `assumed-equal`. */
  readonly baseline?: number;
  readonly option?: number;
  /** Option users ÷ baseline users: the factor the baseline is rescaled by in step S1. */
  readonly factor: Ratio;
}

export function compareUsers(baseline: Scenario, option: Scenario): UsersComparison {
  const b = knownUsers(baseline);
  const o = knownUsers(option);
  if (b !== undefined && o !== undefined) {
    return { basis: "both-known", baseline: b, option: o, factor: ratio(o, b) };
  }
  if (b !== undefined) return { basis: "option-assumed", baseline: b, option: b, factor: ONE };
  if (o !== undefined) return { basis: "baseline-assumed", baseline: o, option: o, factor: ONE };
  if (typesOf(baseline).join() === typesOf(option).join()) {
    const bs = seatsOf(baseline);
    const os = seatsOf(option);
    return { basis: "seats-counted", baseline: bs, option: os, factor: ratio(os, bs) };
  }
  return { basis: "assumed-equal", factor: ONE };
}

/** One licence type of the repriced plan S2. */
export interface RepricedType {
  readonly type: LicenceType;
  /** Baseline seats of this type × the users factor (may be fractional). */
  readonly seats: Ratio;
  /** The baseline's average annual price per seat of this type, in minor units. */
  readonly baselineSeatAnnual: Ratio;
  /** The annual price per seat used in S2: the option's average, or the baseline's. */
  readonly seatAnnual: Ratio;
  readonly rateFrom: "option" | "baseline";
  /** seats × seatAnnual, exact minor units. */
  readonly cost: Ratio;
}

export interface Attribution {
  readonly users: UsersComparison;
  /** C0: the baseline's annual cost. */
  readonly baselineAnnual: Money;
  /** C1: the baseline rescaled to the option's users. */
  readonly rescaledAnnual: Money;
  /** C2: the rescaled baseline at the option's rates. */
  readonly repricedAnnual: Money;
  /** C3: the option's annual cost. */
  readonly optionAnnual: Money;
  readonly repriced: readonly RepricedType[];
  /** Each part is a saving: positive when that change makes the option cheaper. */
  readonly quantity: Money;
  readonly rate: Money;
  readonly mix: Money;
  /** C0 − C3, which quantity + rate + mix always equal exactly. */
  readonly total: Money;
}

/** Average annual price per seat of one type in minor units, or undefined if the plan lacks it. */
export function averageSeatAnnual(c: ScenarioCost, type: LicenceType): Ratio | undefined {
  let seats = 0n;
  let annual = 0n;
  for (const l of c.lines) {
    if (l.line.type !== type) continue;
    seats += BigInt(l.line.quantity);
    annual += BigInt(l.annual.minor);
  }
  return seats === 0n ? undefined : ratio(annual, seats);
}

/** Attributes the annual saving of `option` against `baseline` (same currency). */
export function attribute(option: ScenarioCost, baseline: ScenarioCost): Result<Attribution> {
  const code = baseline.currency;
  const users = compareUsers(baseline.scenario, option.scenario);
  const c0 = baseline.annual;
  const c3 = option.annual;

  const c1 = roundedMoney(
    mul(ratio(BigInt(c0.minor)), users.factor),
    code,
    "the baseline rescaled to the option's users",
  );
  if (!c1.ok) return c1;

  const repriced: RepricedType[] = [];
  let c2Exact = ZERO;
  for (const type of typesOf(baseline.scenario)) {
    const baselineSeatAnnual = averageSeatAnnual(baseline, type) ?? ZERO;
    const optionSeatAnnual = averageSeatAnnual(option, type);
    const seats = mul(ratio(seatsOf(baseline.scenario, type)), users.factor);
    const seatAnnual = optionSeatAnnual ?? baselineSeatAnnual;
    const cost = mul(seats, seatAnnual);
    c2Exact = add(c2Exact, cost);
    repriced.push({
      type,
      seats,
      baselineSeatAnnual,
      seatAnnual,
      rateFrom: optionSeatAnnual ? "option" : "baseline",
      cost,
    });
  }
  const c2 = roundedMoney(c2Exact, code, "the baseline at the option's rates");
  if (!c2.ok) return c2;

  // Every total is below 2^51 minor units, so these differences are exact integers.
  const diff = (a: Money, b: Money): Money => money(BigInt(a.minor) - BigInt(b.minor), code);
  return ok({
    users,
    baselineAnnual: c0,
    rescaledAnnual: c1.value,
    repricedAnnual: c2.value,
    optionAnnual: c3,
    repriced,
    quantity: diff(c0, c1.value),
    rate: diff(c1.value, c2.value),
    mix: diff(c2.value, c3),
    total: diff(c0, c3),
  });
}

/** Which way the rate part moved for each type whose price changed: used to word the part. */
export function rateChanges(a: Attribution): { type: LicenceType; lower: boolean }[] {
  return a.repriced
    .filter((r) => r.rateFrom === "option" && compare(r.seatAnnual, r.baselineSeatAnnual) !== 0)
    .map((r) => ({ type: r.type, lower: compare(r.seatAnnual, r.baselineSeatAnnual) < 0 }));
}

/** Users factor as a plain fraction, for working lines: "500/500". */
export function factorText(u: UsersComparison): string {
  if (u.baseline === undefined || u.option === undefined) return "1";
  return `${u.option}/${u.baseline}`;
}
