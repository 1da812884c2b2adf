/**
 * Right-sizing a roster: which provisioned licences are not used, why, and what removing them
 * saves. `now` is an argument (never the clock) so a run can be re-derived exactly.
 */
import { type Money, times } from "./money.js";
import { fail, ok, type Result } from "./result.js";
import type { RosterUser } from "./usage.js";

const DAY_MS = 86_400_000;
export const DEFAULT_INACTIVE_DAYS = 60;
/** Below this activity (tickets worked or sessions in the file's period) a user is occasional. */
export const DEFAULT_OCCASIONAL_BELOW = 5;

export type FlagReason = "departed" | "disabled" | "never_logged_in" | "inactive" | "occasional";

export interface FlaggedUser {
  readonly user: string;
  readonly name?: string;
  readonly reason: FlagReason;
  /**
   * `remove`: the licence is not used and can go. `pool`: the user works occasionally and is a
   * candidate for the concurrent pool, not for removal (they still need access).
   */
  readonly action: "remove" | "pool";
  /** Whole days since the last login, when known. */
  readonly daysSinceLogin?: number;
  readonly activity?: number;
}

export interface RightsizeOptions {
  readonly now: number;
  /** The price of one named licence and the period it is quoted for. */
  readonly rate: Money;
  readonly ratePeriod: "month" | "year";
  readonly inactiveDays?: number;
  readonly occasionalBelow?: number;
  /**
   * Rows of the roster that could not be read (a bad value), so are not among `users`: each may
   * hold a licence, and the headline must say they were not counted. Duplicates are not included.
   */
  readonly unreadRows?: number;
}

export interface RightsizeReport {
  /** Every roster user read: each holds a licence today. */
  readonly provisioned: number;
  /** Roster rows not read (bad values): not in `provisioned`, so not sized either way. */
  readonly unreadRows: number;
  /** Of the flagged as never logged in, how many were invited or pending (never accepted). */
  readonly invitedNeverLoggedIn: number;
  /** Users with no flag: the people actually working tickets. */
  readonly active: number;
  readonly flagged: readonly FlaggedUser[];
  readonly counts: Readonly<Record<FlagReason, number>>;
  /**
   * Of the `remove` flags, those on a concurrent licence (Freshservice's occasional agents): the
   * account goes, but no named licence is freed, so they are not priced at the named rate.
   */
  readonly unpriced: Readonly<Record<FlagReason, number>>;
  /** Licences that match real usage: provisioned minus every `remove` flag. */
  readonly recommended: number;
  readonly removable: number;
  readonly annualRate: Money;
  /** (removable − unpriced) × annual rate, exact. */
  readonly annualSaving: Money;
  /** Checks that could not run because no user had the column (so nobody was flagged by them). */
  readonly skippedChecks: readonly ("last_login" | "activity")[];
  /** Active users created within the threshold who have not logged in yet: not flagged. */
  readonly newNotYetLoggedIn: number;
  readonly inactiveDays: number;
  readonly occasionalBelow: number;
}

function validate(o: RightsizeOptions): Result<{ inactiveDays: number; occasionalBelow: number }> {
  const inactiveDays = o.inactiveDays ?? DEFAULT_INACTIVE_DAYS;
  const occasionalBelow = o.occasionalBelow ?? DEFAULT_OCCASIONAL_BELOW;
  if (!Number.isInteger(inactiveDays) || inactiveDays < 1) {
    return fail(
      "rightsize.bad_threshold",
      `the inactivity threshold ${inactiveDays} days is not a whole number of days ≥ 1`,
      "e.g. --inactive 60",
    );
  }
  if (!Number.isFinite(occasionalBelow) || occasionalBelow < 0) {
    return fail(
      "rightsize.bad_activity",
      `the occasional-use level ${occasionalBelow} is not a number ≥ 0`,
      "e.g. --occasional 5",
    );
  }
  if (o.rate.minor < 0) {
    return fail("rightsize.negative_rate", "the licence rate is negative", "e.g. --rate 70");
  }
  if (!Number.isFinite(o.now)) return fail("rightsize.bad_now", "the reference date is not a date");
  if (o.unreadRows !== undefined && !(Number.isInteger(o.unreadRows) && o.unreadRows >= 0)) {
    return fail(
      "rightsize.bad_unread",
      `the count of unread rows ${o.unreadRows} is not a whole number ≥ 0`,
    );
  }
  return ok({ inactiveDays, occasionalBelow });
}

export function rightsize(
  users: readonly RosterUser[],
  options: RightsizeOptions,
): Result<RightsizeReport> {
  const valid = validate(options);
  if (!valid.ok) return valid;
  const { inactiveDays, occasionalBelow } = valid.value;
  const thresholdMs = inactiveDays * DAY_MS;
  const { now } = options;
  // A missing last login means "never" only when the file has the column at all.
  const hasLastLogin = users.some((u) => u.lastLogin !== undefined);
  const hasActivity = users.some((u) => u.activity !== undefined);
  const isNew = (u: RosterUser): boolean =>
    u.created !== undefined && now - u.created <= thresholdMs;

  const flagged: FlaggedUser[] = [];
  let newNotYetLoggedIn = 0;
  let invitedNeverLoggedIn = 0;
  for (const u of users) {
    const base = u.name === undefined ? { user: u.user } : { user: u.user, name: u.name };
    const days =
      u.lastLogin === undefined ? undefined : Math.max(0, Math.floor((now - u.lastLogin) / DAY_MS));
    const withDays = days === undefined ? base : { ...base, daysSinceLogin: days };
    if (u.status !== "active") {
      flagged.push({ ...withDays, reason: u.status, action: "remove" });
    } else if ((hasLastLogin || u.invited === true) && u.lastLogin === undefined) {
      // An invitation never accepted is a login that never happened, last-login column or not.
      if (isNew(u)) newNotYetLoggedIn++;
      else {
        flagged.push({ ...base, reason: "never_logged_in", action: "remove" });
        if (u.invited === true) invitedNeverLoggedIn++;
      }
    } else if (u.lastLogin !== undefined && now - u.lastLogin > thresholdMs && !isNew(u)) {
      flagged.push({ ...withDays, reason: "inactive", action: "remove" });
    } else if (u.activity !== undefined && u.activity < occasionalBelow) {
      flagged.push({ ...withDays, reason: "occasional", action: "pool", activity: u.activity });
    }
  }
  const counts: Record<FlagReason, number> = {
    departed: 0,
    disabled: 0,
    never_logged_in: 0,
    inactive: 0,
    occasional: 0,
  };
  const unpriced: Record<FlagReason, number> = { ...counts };
  const concurrent = new Set(users.filter((u) => u.licence === "concurrent").map((u) => u.user));
  for (const f of flagged) {
    counts[f.reason]++;
    if (f.action === "remove" && concurrent.has(f.user)) unpriced[f.reason]++;
  }
  const removable = flagged.filter((f) => f.action === "remove").length;
  const unpricedTotal = Object.values(unpriced).reduce((a, b) => a + b, 0);
  const annualRate = options.ratePeriod === "month" ? times(options.rate, 12) : options.rate;
  const skippedChecks: ("last_login" | "activity")[] = [];
  if (!hasLastLogin) skippedChecks.push("last_login");
  if (!hasActivity) skippedChecks.push("activity");
  return ok({
    provisioned: users.length,
    unreadRows: options.unreadRows ?? 0,
    invitedNeverLoggedIn,
    active: users.length - flagged.length,
    flagged,
    counts,
    recommended: users.length - removable,
    removable,
    annualRate,
    annualSaving: times(annualRate, removable - unpricedTotal),
    unpriced,
    skippedChecks,
    newNotYetLoggedIn,
    inactiveDays,
    occasionalBelow,
  });
}
