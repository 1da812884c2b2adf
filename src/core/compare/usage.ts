/**
 * The one usage every quote is priced on, so the comparison is like for like: the people who need
 * a named seat, the pool an all-concurrent licence needs (the measured peak), and the cheapest
 * named + pool split for a vendor that sells both.
 */
import { MAX_SEATS } from "../licence.js";
import { fail, failAll, type Issue, ok, type Result } from "../result.js";
import type { LicensingModel } from "./offer.js";

export interface SplitUsage {
  readonly named: number;
  readonly pool: number;
}

export interface Usage {
  /** People to license: every one of them is a named seat with a named-only vendor. */
  readonly people?: number;
  /** Concurrent pool an all-concurrent vendor is priced on (the measured peak). */
  readonly pool?: number;
  /** The cheapest split of named seats and pool, for a vendor that licenses both. */
  readonly split?: SplitUsage;
}

/** Seats of each licence type a vendor of this model is priced on. */
export interface SeatsPriced {
  readonly named: number;
  readonly concurrent: number;
}

function countIssue(value: number, what: string, example: string, zeroOk: boolean): Issue[] {
  const low = zeroOk ? 0 : 1;
  if (!Number.isSafeInteger(value) || value < low || value > MAX_SEATS) {
    return [
      {
        code: "compare.usage_invalid",
        message: `${what} must be a whole number from ${low} to ${MAX_SEATS.toLocaleString("en-GB")}, not ${value}`,
        hint: example,
      },
    ];
  }
  return [];
}

/** Checks the counts: whole, in range, and a split that does not name more people than there are. */
export function checkUsage(usage: Usage): Result<Usage> {
  const issues: Issue[] = [];
  if (usage.people !== undefined) {
    issues.push(...countIssue(usage.people, "the number of users", "--users 240", false));
  }
  if (usage.pool !== undefined) {
    issues.push(...countIssue(usage.pool, "the concurrent pool", "--pool 60", false));
  }
  const split = usage.split;
  if (split) {
    issues.push(...countIssue(split.named, "the split's named seats", "--split 150+25", true));
    issues.push(...countIssue(split.pool, "the split's pool", "--split 150+25", true));
    if (split.named + split.pool === 0) {
      issues.push({
        code: "compare.usage_invalid",
        message: "the split 0+0 licenses nobody",
        hint: "--split 150+25 (150 named seats and a pool of 25)",
      });
    }
    if (usage.people !== undefined && split.named > usage.people) {
      issues.push({
        code: "compare.split_above_users",
        message: `the split names ${split.named} people but there are only ${usage.people} users`,
        hint: `name at most ${usage.people}, e.g. --split ${Math.floor(usage.people / 2)}+25`,
      });
    }
  }
  return issues.length > 0 ? failAll(issues) : ok(usage);
}

/** The seats a vendor of `model` is priced on, or the count that is missing, said for `vendor`. */
export function seatsFor(model: LicensingModel, usage: Usage, vendor: string): Result<SeatsPriced> {
  switch (model) {
    case "named":
      if (usage.people === undefined) {
        return fail(
          "compare.usage_needs_users",
          `${vendor} licenses named seats only, so I need how many people use it`,
          "add --users 240 (or share the session log or roster and run split or rightsize first)",
        );
      }
      return ok({ named: usage.people, concurrent: 0 });
    case "concurrent":
      if (usage.pool === undefined) {
        return fail(
          "compare.usage_needs_pool",
          `${vendor} licenses a concurrent pool only, so I need the pool size (the measured peak)`,
          "add --pool 60 (or share the session log and run split first)",
        );
      }
      return ok({ named: 0, concurrent: usage.pool });
    case "mixed":
      if (usage.split === undefined) {
        return fail(
          "compare.usage_needs_split",
          `${vendor} licenses named seats and a pool, so I need the split: how many named and how big a pool`,
          "add --split 150+25 (150 named and a pool of 25; split on the session log finds the cheapest)",
        );
      }
      return ok({ named: usage.split.named, concurrent: usage.split.pool });
  }
}
