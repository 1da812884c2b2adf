/**
 * Licence lines and scenarios: what a plan buys (named seats, a concurrent pool) at what price.
 * Validation lives here so every front end rejects the same impossible plans with the same words.
 */
import type { CurrencyCode, Money } from "./money.js";
import { fail, type Issue, ok, type Result } from "./result.js";

export type LicenceType = "named" | "concurrent";
export const LICENCE_TYPES: readonly LicenceType[] = ["named", "concurrent"];

/** The period a unit price is quoted for: per user per month, or per user per year. */
export type PricePeriod = "month" | "year";

export interface LicenceLine {
  readonly type: LicenceType;
  /** Whole seats (named) or pool slots (concurrent), more than zero. */
  readonly quantity: number;
  /** Price per seat for one `period`, more than zero. */
  readonly unitPrice: Money;
  readonly period: PricePeriod;
}

export interface Scenario {
  readonly name: string;
  readonly lines: readonly LicenceLine[];
  /** People the plan serves, when stated (`for 350 users`). */
  readonly usersCovered?: number;
}

/** Large enough for any ITSM estate; small enough that every total stays exact in minor units. */
export const MAX_SEATS = 1_000_000;
export const MAX_USERS = 10_000_000;

/** "150 named", "100 concurrent": how a line is named in messages. */
export function describeLine(type: LicenceType, quantity: number): string {
  return `${quantity} ${type}`;
}

export function licenceLine(input: LicenceLine): Result<LicenceLine> {
  const { type, quantity, unitPrice } = input;
  const issues: Issue[] = [];
  if (!Number.isInteger(quantity)) {
    issues.push({
      code: "seats.not_whole",
      message: `the number of ${type} seats must be a whole number, not ${quantity}`,
      hint: `write it like 150 ${type} @ 70`,
    });
  } else if (quantity <= 0) {
    issues.push({
      code: "seats.not_positive",
      message: `the number of ${type} seats must be more than zero, not ${quantity}`,
      hint: `write it like 150 ${type} @ 70`,
    });
  } else if (quantity > MAX_SEATS) {
    issues.push({
      code: "seats.too_many",
      message: `${describeLine(type, quantity)} is more seats than I can cost (at most ${MAX_SEATS.toLocaleString("en-GB")})`,
    });
  }
  if (unitPrice.minor <= 0) {
    issues.push({
      code: "price.not_positive",
      message: `the price for ${describeLine(type, quantity)} must be more than zero`,
      hint: `write it like ${describeLine(type, quantity)} @ 70`,
    });
  }
  return issues.length > 0 ? { ok: false, issues } : ok(input);
}

/** Seats of one type, or of every type when `type` is omitted. */
export function seatsOf(s: Scenario, type?: LicenceType): number {
  return s.lines.reduce((n, l) => (type === undefined || l.type === type ? n + l.quantity : n), 0);
}

/** The licence types a scenario buys, in the fixed order named, concurrent. */
export function typesOf(s: Scenario): LicenceType[] {
  return LICENCE_TYPES.filter((t) => s.lines.some((l) => l.type === t));
}

/** "named-only", "concurrent-only" or "mixed": the kind of plan, used to name it. */
export function planKind(s: Scenario): "named-only" | "concurrent-only" | "mixed" {
  const types = typesOf(s);
  if (types.length === 1) return types[0] === "named" ? "named-only" : "concurrent-only";
  return "mixed";
}

/**
 * Users the plan is known to serve: a named-only plan serves exactly its named seats (one person
 * per seat); a plan with a concurrent pool serves whatever the text stated, else it is unknown.
 */
export function knownUsers(s: Scenario): number | undefined {
  if (planKind(s) === "named-only") return seatsOf(s, "named");
  return s.usersCovered;
}

export function scenario(
  name: string,
  lines: readonly LicenceLine[],
  usersCovered?: number,
): Result<Scenario> {
  const first = lines[0];
  if (!first) {
    return fail("scenario.empty", `the plan "${name}" has no licence lines`, "150 named @ 70");
  }
  const code: CurrencyCode = first.unitPrice.currency;
  if (lines.some((l) => l.unitPrice.currency !== code)) {
    return fail("currency.conflict", `the plan "${name}" mixes currencies`);
  }
  const base: Scenario = { name, lines };
  if (usersCovered === undefined) return ok(base);
  const named = seatsOf(base, "named");
  if (!Number.isInteger(usersCovered) || usersCovered <= 0 || usersCovered > MAX_USERS) {
    return fail(
      "users.invalid",
      `"for ${usersCovered} users" must be a whole number of users from 1 to ${MAX_USERS.toLocaleString("en-GB")}`,
      "write it like for 350 users",
    );
  }
  if (planKind(base) === "named-only" && usersCovered !== named) {
    return fail(
      "users.named_mismatch",
      `a named-only plan covers exactly its ${named} named seats, not ${usersCovered} users`,
      `drop "for ${usersCovered} users", or add a concurrent pool for the others`,
    );
  }
  if (usersCovered < named) {
    return fail(
      "users.fewer_than_named",
      `${named} named seats already cover ${named} people, so "for ${usersCovered} users" is too few`,
      `write for ${named} users or more`,
    );
  }
  return ok({ ...base, usersCovered });
}
