/**
 * Concurrency of a session log: how many people are online at once, how often, when, and what a
 * smaller concurrent pool would have refused. Sweep-line over merged presence, O(n log n).
 */

import { type HourOfWeek, hourOfWeekProfile } from "./hour-of-week.js";
import { type ReplayOutcome, replayLogOf, replayLogPools, stepsOfLog } from "./replay.js";
import { fail, ok, type Result } from "./result.js";
import {
  mergePresenceColumns,
  type Presence,
  type PresenceColumns,
  peakOf,
  type Steps,
  stepsOf,
} from "./timeline.js";
import { isSessionColumns, type Session, type SessionColumns, sessionColumnsOf } from "./usage.js";

export const NO_GROUP = "(no group)";
export const PERCENTILES = [50, 90, 95, 99] as const;

export interface ConcurrencyOptions {
  /** user → group (from a roster); users missing from it are reported under NO_GROUP. */
  readonly groups?: ReadonlyMap<string, string>;
  /** Fixed offset east of UTC for the hour-of-week profile, in minutes. Default 0 (UTC). */
  readonly utcOffsetMinutes?: number;
  /** Pool sizes to replay. Default: from the peak down to half the peak, at most 25 sizes. */
  readonly poolSizes?: readonly number[];
  /**
   * The observation window percentiles and the profile are taken over. Default: first login to
   * last logout, so idle nights inside the log count as time with nobody online.
   */
  readonly window?: { readonly start: number; readonly end: number };
}

export interface LevelTime {
  readonly level: number;
  /** Time with at least `level` users online, in ms (÷ 60,000 for minutes). */
  readonly ms: number;
}

export interface GroupPeak {
  readonly group: string;
  readonly users: number;
  readonly peak: number;
  readonly at: number | undefined;
}

export interface ConcurrencyReport {
  /** Distinct users with at least one non-empty session. */
  readonly users: number;
  /** Presence intervals after merging each user's overlapping sessions. */
  readonly presenceIntervals: number;
  readonly window: { readonly start: number; readonly end: number } | undefined;
  readonly peak: number;
  /** First instant the peak was reached (epoch ms). */
  readonly peakAt: number | undefined;
  /** Total time at the peak, in ms. */
  readonly peakMs: number;
  /** Time-weighted percentiles: P50 is the smallest level the number online is at or below for
   * at least half of the window. */
  readonly percentiles: readonly {
    readonly p: (typeof PERCENTILES)[number];
    readonly level: number;
  }[];
  /** For every level 1..peak, the time at or above it. */
  readonly atOrAbove: readonly LevelTime[];
  readonly groups: readonly GroupPeak[];
  readonly hourOfWeek: readonly HourOfWeek[];
  readonly utcOffsetMinutes: number;
  /** Pool sizes from the peak downward with what each would have refused. */
  readonly whatIf: readonly ReplayOutcome[];
  /** The number online as a step function: what the chart is drawn from, without a second sweep. */
  readonly steps: Steps;
}

/** Time spent at each exact level inside the window: index = level. */
function timeAtLevels(
  steps: Steps,
  window: { start: number; end: number },
  peak: number,
): number[] {
  const at = new Array<number>(peak + 1).fill(0);
  const { times, counts } = steps;
  let covered = 0;
  for (let i = 0; i < times.length; i++) {
    const from = Math.max(times[i] as number, window.start);
    const to = Math.min(i + 1 < times.length ? (times[i + 1] as number) : window.end, window.end);
    if (to <= from) continue;
    const c = counts[i] as number;
    at[c] = (at[c] as number) + (to - from);
    covered += to - from;
  }
  // Window time before the first step (or with no steps at all) has nobody online.
  at[0] = (at[0] as number) + (window.end - window.start - covered);
  return at;
}

/** Smallest level L with time(count ≤ L) ≥ p% of the window; exact integer comparison. */
function percentileLevel(at: readonly number[], total: number, p: number): number {
  let cumulative = 0;
  for (let level = 0; level < at.length; level++) {
    cumulative += at[level] as number;
    if (cumulative * 100 >= p * total) return level;
  }
  return at.length - 1;
}

export function defaultPoolSizes(peak: number): number[] {
  const floor = Math.ceil(peak / 2);
  const span = peak - floor + 1;
  const step = Math.max(1, Math.ceil(span / 25));
  const sizes: number[] = [];
  for (let k = peak; k >= floor; k -= step) sizes.push(k);
  return sizes;
}

function groupPeaks(
  presence: PresenceColumns,
  groups: ReadonlyMap<string, string>,
  whole: { readonly users: number; readonly peak: number; readonly at: number | undefined },
): GroupPeak[] {
  const n = presence.starts.length;
  // Without groups everyone is in one group: the whole log's figures, already computed.
  if (groups.size === 0) {
    return n === 0 ? [] : [{ group: NO_GROUP, ...whole }];
  }
  const byGroup = new Map<string, Presence[]>();
  for (let k = 0; k < n; k++) {
    const p: Presence = {
      user: presence.names[presence.users[k] as number] as string,
      start: presence.starts[k] as number,
      end: presence.ends[k] as number,
    };
    const g = groups.get(p.user) ?? NO_GROUP;
    const list = byGroup.get(g);
    if (list) list.push(p);
    else byGroup.set(g, [p]);
  }
  return [...byGroup]
    .map(([group, list]) => {
      const { peak, at } = peakOf(stepsOf(list));
      return { group, users: new Set(list.map((p) => p.user)).size, peak, at };
    })
    .sort((a, b) => b.peak - a.peak || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/**
 * `sessions` as objects or, for logs of millions of rows, as the reader's flat columns: the same
 * answer either way (the objects are turned into columns first).
 */
export function analyseConcurrency(
  sessions: readonly Session[] | SessionColumns,
  options: ConcurrencyOptions = {},
): Result<ConcurrencyReport> {
  const offset = options.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) {
    return fail(
      "concurrency.bad_offset",
      `the UTC offset ${offset} minutes is not a whole number of minutes between −14h and +14h`,
      "use e.g. 60 for UTC+1 or -300 for UTC−5",
    );
  }
  for (const k of options.poolSizes ?? []) {
    if (!Number.isInteger(k) || k < 0) {
      return fail("concurrency.bad_pool", `pool size ${k} is not a whole number ≥ 0`, "e.g. 40");
    }
  }
  if (options.window && !(options.window.end > options.window.start)) {
    return fail("concurrency.bad_window", "the window must end after it starts");
  }
  const presence = mergePresenceColumns(
    isSessionColumns(sessions) ? sessions : sessionColumnsOf(sessions),
  );
  // One ordering of the log's logins and logouts serves the step function and every what-if.
  const log = replayLogOf(presence);
  const steps = stepsOfLog(log);
  const { peak, at: peakAt } = peakOf(steps);
  const first = presence.starts[0];
  let last = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < presence.ends.length; k++) last = Math.max(last, presence.ends[k] as number);
  const window = options.window ?? (first === undefined ? undefined : { start: first, end: last });
  const at = window ? timeAtLevels(steps, window, peak) : [0];
  const total = window ? window.end - window.start : 0;
  const atOrAbove: LevelTime[] = [];
  let running = 0;
  for (let level = peak; level >= 1; level--) {
    running += at[level] as number;
    atOrAbove.push({ level, ms: running });
  }
  atOrAbove.reverse();
  const users = presence.userCount;
  const sizes = options.poolSizes ?? defaultPoolSizes(peak);
  return ok({
    users,
    presenceIntervals: presence.starts.length,
    window,
    peak,
    peakAt,
    peakMs: peak > 0 ? (at[peak] as number) : 0,
    percentiles: PERCENTILES.map((p) => ({
      p,
      level: total > 0 ? percentileLevel(at, total, p) : 0,
    })),
    atOrAbove,
    groups: groupPeaks(presence, options.groups ?? new Map(), { users, peak, at: peakAt }),
    hourOfWeek: window ? hourOfWeekProfile(steps, window, offset) : [],
    utcOffsetMinutes: offset,
    whatIf: replayLogPools(log, sizes),
    steps,
  });
}
