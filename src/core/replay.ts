/**
 * What-if replay of a concurrent pool: logins in time order, a login when every slot is taken is
 * refused and gets no slot at all (the user does not wait or retry), so a refused session never
 * holds a slot afterwards. Used both for "what would a smaller pool have cost us" and to verify
 * that a plan's pool really covers its users.
 */

import { orderByTimeThenUser, userRanks } from "./time-order.js";
import type { Presence, PresenceColumns, Steps } from "./timeline.js";

export interface ReplayOutcome {
  readonly poolSize: number;
  /** Presence intervals (merged sessions) refused at login. */
  readonly refusedLogins: number;
  readonly usersAffected: number;
  /** Total time those refused intervals would have been online, in ms. */
  readonly refusedMs: number;
}

/** A log prepared for replays: its events in replay order and flat per-interval figures. */
export interface ReplayLog {
  /** Event ids: 2i is interval i's logout, 2i + 1 its login. */
  readonly events: Int32Array;
  /** Each interval's user as a rank in text order (one number per distinct user). */
  readonly ranks: Int32Array;
  readonly durations: Float64Array;
  /** Each interval's start and end. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Distinct users (the ranks run 0..users − 1). */
  readonly users: number;
}

/**
 * Every login and logout in replay order: by time; at equal instants logouts first (they free
 * their slot before logins); then by user; then by interval. Logins and logouts are each put in
 * order by a packed numeric sort, then merged: O(n log n) with no comparator over the whole log.
 */
export function replayLog(presence: readonly Presence[]): ReplayLog {
  const n = presence.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = presence[i] as Presence;
    starts[i] = p.start;
    ends[i] = p.end;
  }
  return replayLogOf({ starts, ends, ranks: userRanks(presence) });
}

/**
 * replayLog over presence columns (mergePresenceColumns' starts, ends and user ranks): the
 * same events, with no object per interval.
 */
export function replayLogOf(
  presence: Pick<PresenceColumns, "starts" | "ends" | "ranks">,
): ReplayLog {
  const { starts, ends, ranks } = presence;
  const n = starts.length;
  const durations = new Float64Array(n);
  for (let i = 0; i < n; i++) durations[i] = (ends[i] as number) - (starts[i] as number);
  const logins = orderByTimeThenUser(starts, ranks);
  const logouts = orderByTimeThenUser(ends, ranks);
  const events = new Int32Array(2 * n);
  let a = 0;
  let b = 0;
  for (let k = 0; k < 2 * n; k++) {
    const out = b < n ? (logouts[b] as number) : -1;
    const inn = a < n ? (logins[a] as number) : -1;
    if (inn < 0 || (out >= 0 && (ends[out] as number) <= (starts[inn] as number))) {
      events[k] = 2 * out;
      b++;
    } else {
      events[k] = 2 * inn + 1;
      a++;
    }
  }
  let users = 0;
  for (let i = 0; i < n; i++) users = Math.max(users, (ranks[i] as number) + 1);
  return { events, ranks, durations, starts, ends, users };
}

/**
 * The step function stepsOf gives for the same presence, read off the log's events (already in
 * time order) instead of sorting the starts and ends again: the count after all events at an
 * instant, kept when it differs from the step before.
 */
export function stepsOfLog(log: ReplayLog): Steps {
  const { events, starts, ends } = log;
  const times: number[] = [];
  const counts: number[] = [];
  let online = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as number;
    const i = e >> 1;
    const t = e & 1 ? (starts[i] as number) : (ends[i] as number);
    online += e & 1 ? 1 : -1;
    if (k + 1 < events.length) {
      const f = events[k + 1] as number;
      const next = f & 1 ? (starts[f >> 1] as number) : (ends[f >> 1] as number);
      if (next === t) continue;
    }
    if (counts.length > 0 && counts[counts.length - 1] === online) continue;
    times.push(t);
    counts.push(online);
  }
  return { times, counts };
}

function replayEvents(log: ReplayLog, poolSize: number): ReplayOutcome {
  const { events, ranks, durations } = log;
  const admitted = new Uint8Array(durations.length);
  const affected = new Uint8Array(log.users);
  let usersAffected = 0;
  let inUse = 0;
  let refusedLogins = 0;
  let refusedMs = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as number;
    const i = e >> 1;
    if (e & 1) {
      if (inUse < poolSize) {
        admitted[i] = 1;
        inUse++;
      } else {
        refusedLogins++;
        refusedMs += durations[i] as number;
        const u = ranks[i] as number;
        if (affected[u] === 0) {
          affected[u] = 1;
          usersAffected++;
        }
      }
    } else if (admitted[i]) {
      inUse--;
    }
  }
  return { poolSize, refusedLogins, usersAffected, refusedMs };
}

/**
 * Up to 32 pool sizes replayed side by side in one pass over the events: interval i's admissions
 * are bits of admitted[i] (bit s for size s), a user's "affected" marks likewise. Each size sees
 * exactly the sequence of events its own pass would, so the outcomes are the same.
 *
 * Most logins come while fewer people are online than the smallest pool: every size admits them.
 * Such a login (and its logout) moves one shared count instead of one per size, so each size's
 * slots in use are `common + own[s]`; only a login with the smallest pool possibly full visits
 * every size. The same admissions, in a fraction of the work.
 */
function replayEventsTogether(log: ReplayLog, poolSizes: readonly number[]): ReplayOutcome[] {
  const { events, ranks, durations } = log;
  const m = poolSizes.length;
  const sizes = Int32Array.from(poolSizes);
  const smallest = Math.min(...poolSizes);
  /** Every size's bit: what admitted[i] holds when all admitted interval i. */
  const everyone = m === 32 ? 0xffffffff : 2 ** m - 1;
  let common = 0;
  const own = new Int32Array(m);
  /** Intervals online now, admitted or not: no size has more slots in use than this. */
  let online = 0;
  const refusedLogins = new Float64Array(m);
  const refusedMs = new Float64Array(m);
  const usersAffected = new Int32Array(m);
  const admitted = new Uint32Array(durations.length);
  const affected = new Uint32Array(log.users);
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as number;
    const i = e >> 1;
    if (e & 1) {
      if (online < smallest) {
        // inUse ≤ online < every size: all admit.
        admitted[i] = everyone;
        common++;
        online++;
        continue;
      }
      online++;
      let got = 0;
      for (let s = 0; s < m; s++) {
        if (common + (own[s] as number) < (sizes[s] as number)) {
          got |= 1 << s;
          own[s] = (own[s] as number) + 1;
        } else {
          refusedLogins[s] = (refusedLogins[s] as number) + 1;
          refusedMs[s] = (refusedMs[s] as number) + (durations[i] as number);
          const u = ranks[i] as number;
          if (((affected[u] as number) & (1 << s)) === 0) {
            affected[u] = (affected[u] as number) | (1 << s);
            usersAffected[s] = (usersAffected[s] as number) + 1;
          }
        }
      }
      admitted[i] = got;
    } else {
      online--;
      const got = admitted[i] as number;
      if (got === 0) continue;
      if (got === everyone) {
        common--;
        continue;
      }
      for (let s = 0; s < m; s++) if (got & (1 << s)) own[s] = (own[s] as number) - 1;
    }
  }
  return poolSizes.map((poolSize, s) => ({
    poolSize,
    refusedLogins: refusedLogins[s] as number,
    usersAffected: usersAffected[s] as number,
    refusedMs: refusedMs[s] as number,
  }));
}

/** Replays of several pool sizes over one ordering of the log (the ordering is most of the work). */
export function replayPools(
  presence: readonly Presence[],
  poolSizes: readonly number[],
): ReplayOutcome[] {
  if (poolSizes.length === 0) return [];
  return replayLogPools(replayLog(presence), poolSizes);
}

/** replayPools over a log already prepared by replayLog. */
export function replayLogPools(log: ReplayLog, poolSizes: readonly number[]): ReplayOutcome[] {
  const outcomes: ReplayOutcome[] = [];
  for (let from = 0; from < poolSizes.length; from += 32) {
    outcomes.push(...replayEventsTogether(log, poolSizes.slice(from, from + 32)));
  }
  return outcomes;
}

/** O(n log n): one ordering, one pass. At equal instants, logouts free their slot before logins. */
export function replayPool(presence: readonly Presence[], poolSize: number): ReplayOutcome {
  return replayEvents(replayLog(presence), poolSize);
}
