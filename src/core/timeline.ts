/**
 * The shared first step of every usage analysis: sessions become per-user presence intervals
 * (a user with two overlapping sessions is online once), and presence becomes a step function of
 * the number online. Times are epoch ms; an interval covers [start, end).
 */
import { orderByTimeThenUser, rememberRanks, textRanks } from "./time-order.js";
import type { Session } from "./usage.js";

export { compareText } from "./text-order.js";

export interface Presence {
  readonly user: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Merges each user's overlapping or touching sessions into one presence interval, because a user
 * holds at most one named seat or pool slot however many windows they have open. Empty sessions
 * (end ≤ start) hold nothing and are dropped. Output is sorted by start, then user.
 * Works on flat arrays (users interned, a log in start order merged in one pass, any other grouped
 * by a counting sort; the final order by a packed numeric sort and user ranks) so a million
 * sessions merge in well under a second.
 */
export function mergePresence(sessions: readonly Session[]): Presence[] {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const kept = new Int32Array(sessions.length);
  const userOf = new Int32Array(sessions.length);
  let count = 0;
  let inStartOrder = true;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i] as Session;
    if (!(s.end > s.start)) continue;
    let id = ids.get(s.user);
    if (id === undefined) {
      id = names.length;
      ids.set(s.user, id);
      names.push(s.user);
    }
    if (s.start < lastStart) inStartOrder = false;
    lastStart = s.start;
    kept[count] = i;
    userOf[count] = id;
    count++;
  }
  const out = inStartOrder
    ? mergeInStartOrder(sessions, kept.subarray(0, count), userOf, names.length)
    : mergeByUser(sessions, kept.subarray(0, count), userOf, names.length);
  const rankOf = textRanks(names);
  const ranks = new Int32Array(out.users.length);
  for (let k = 0; k < out.users.length; k++) ranks[k] = rankOf[out.users[k] as number] as number;
  const order = orderByTimeThenUser(out.starts, ranks);
  const merged: Presence[] = new Array(order.length);
  const mergedRanks = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    merged[k] = {
      user: names[out.users[i] as number] as string,
      start: out.starts[i] as number,
      end: out.ends[i] as number,
    };
    mergedRanks[k] = ranks[i] as number;
  }
  rememberRanks(merged, mergedRanks);
  return merged;
}

interface Intervals {
  readonly users: ArrayLike<number>;
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
}

/**
 * A log already in start order (what the file reader gives) merges in one pass, each user's open
 * interval extended as their next session arrives. An interval takes its place when it opens, so
 * the intervals come out in start order too (and the final ordering only settles ties).
 */
function mergeInStartOrder(
  sessions: readonly Session[],
  kept: Int32Array,
  userOf: Int32Array,
  userCount: number,
): Intervals {
  // At most one interval per session: flat buffers, trimmed at the end.
  const users = new Int32Array(kept.length);
  const starts = new Float64Array(kept.length);
  const ends = new Float64Array(kept.length);
  let n = 0;
  // Each user's open interval, as its place in the buffers (−1: none yet).
  const open = new Int32Array(userCount).fill(-1);
  for (let k = 0; k < kept.length; k++) {
    const s = sessions[kept[k] as number] as Session;
    const u = userOf[k] as number;
    const at = open[u] as number;
    if (at >= 0 && s.start <= (ends[at] as number)) {
      if (s.end > (ends[at] as number)) ends[at] = s.end;
      continue;
    }
    users[n] = u;
    starts[n] = s.start;
    ends[n] = s.end;
    open[u] = n;
    n++;
  }
  return { users: users.subarray(0, n), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Any order: group each user's sessions (a counting sort), sort each group by start, merge. */
function mergeByUser(
  sessions: readonly Session[],
  kept: Int32Array,
  userOf: Int32Array,
  userCount: number,
): Intervals {
  // Group kept sessions by user, in first-seen order of users and input order within a user.
  const bounds = new Int32Array(userCount + 1);
  for (let k = 0; k < kept.length; k++) {
    const u = userOf[k] as number;
    bounds[u + 1] = (bounds[u + 1] as number) + 1;
  }
  for (let u = 0; u < userCount; u++) {
    bounds[u + 1] = (bounds[u + 1] as number) + (bounds[u] as number);
  }
  const next = bounds.slice(0, userCount);
  const grouped = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const u = userOf[k] as number;
    grouped[next[u] as number] = kept[k] as number;
    next[u] = (next[u] as number) + 1;
  }
  const outUser: number[] = [];
  const outStart: number[] = [];
  const outEnd: number[] = [];
  const byStart = (a: number, b: number) =>
    (sessions[a] as Session).start - (sessions[b] as Session).start;
  for (let u = 0; u < userCount; u++) {
    const lo = bounds[u] as number;
    const hi = bounds[u + 1] as number;
    for (let k = lo + 1; k < hi; k++) {
      if (byStart(grouped[k - 1] as number, grouped[k] as number) > 0) {
        // Stable, like sorting the user's list by start: ties keep input order.
        grouped.set(Array.from(grouped.subarray(lo, hi)).sort(byStart), lo);
        break;
      }
    }
    const first = sessions[grouped[lo] as number] as Session;
    let start = first.start;
    let end = first.end;
    for (let k = lo + 1; k < hi; k++) {
      const s = sessions[grouped[k] as number] as Session;
      if (s.start <= end) {
        if (s.end > end) end = s.end;
      } else {
        outUser.push(u);
        outStart.push(start);
        outEnd.push(end);
        start = s.start;
        end = s.end;
      }
    }
    outUser.push(u);
    outStart.push(start);
    outEnd.push(end);
  }
  return { users: outUser, starts: outStart, ends: outEnd };
}

/**
 * The number online as a step function: `counts[i]` users are online during
 * [times[i], times[i + 1]). The last count is always 0 (everyone has left).
 */
export interface Steps {
  readonly times: readonly number[];
  readonly counts: readonly number[];
}

/**
 * Sweep over presence intervals: O(n log n). Ends at an instant apply before starts at it: only the
 * net change at each distinct instant matters. Starts and ends are sorted as flat float arrays.
 */
export function stepsOf(presence: readonly Presence[]): Steps {
  const n = presence.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = presence[i] as Presence;
    starts[i] = p.start;
    ends[i] = p.end;
  }
  starts.sort();
  ends.sort();
  const keptTimes: number[] = [];
  const counts: number[] = [];
  let online = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < n) {
    const t = Math.min(
      i < n ? (starts[i] as number) : Number.POSITIVE_INFINITY,
      j < n ? (ends[j] as number) : Number.POSITIVE_INFINITY,
    );
    while (i < n && starts[i] === t) {
      online++;
      i++;
    }
    while (j < n && ends[j] === t) {
      online--;
      j++;
    }
    // A zero net change (one leaves as another arrives) is not a step of its own.
    if (counts.length > 0 && counts[counts.length - 1] === online) continue;
    keptTimes.push(t);
    counts.push(online);
  }
  return { times: keptTimes, counts };
}

/** Highest count and the first instant it was reached; 0 at undefined for no presence. */
export function peakOf(steps: Steps): { readonly peak: number; readonly at: number | undefined } {
  let peak = 0;
  let at: number | undefined;
  for (let i = 0; i < steps.counts.length; i++) {
    const c = steps.counts[i] as number;
    if (c > peak) {
      peak = c;
      at = steps.times[i];
    }
  }
  return { peak, at };
}
