/**
 * The shared first step of every usage analysis: sessions become per-user presence intervals
 * (a user with two overlapping sessions is online once), and presence becomes a step function of
 * the number online. Times are epoch ms; an interval covers [start, end).
 */
import { orderByTimeThenUser, rememberRanks, textRanks } from "./time-order.js";
import { type Session, type SessionColumns, sessionColumnsOf } from "./usage.js";

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
 */
export function mergePresence(sessions: readonly Session[]): Presence[] {
  const p = mergePresenceColumns(sessionColumnsOf(sessions));
  const merged: Presence[] = new Array(p.starts.length);
  for (let k = 0; k < merged.length; k++) {
    merged[k] = {
      user: p.names[p.users[k] as number] as string,
      start: p.starts[k] as number,
      end: p.ends[k] as number,
    };
  }
  rememberRanks(merged, p.ranks);
  return merged;
}

/** Presence as flat columns, in mergePresence's order (by start, then user). */
export interface PresenceColumns {
  /** Each interval's user id (into `names`). */
  readonly users: Int32Array;
  /** Each interval's user as a rank in text order among the users present: 0..userCount − 1. */
  readonly ranks: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly names: readonly string[];
  /** Distinct users with presence. */
  readonly userCount: number;
}

/**
 * mergePresence on flat columns (a log in start order merged in one pass, any other grouped by
 * a counting sort; the final order by a packed numeric sort and user ranks), so a million
 * sessions merge in well under a second and no object is made per interval.
 */
export function mergePresenceColumns(log: SessionColumns): PresenceColumns {
  const { users, starts, ends, names } = log;
  const kept = new Int32Array(users.length);
  let count = 0;
  let inStartOrder = true;
  let lastStart = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < users.length; i++) {
    const start = starts[i] as number;
    if (!((ends[i] as number) > start)) continue;
    if (start < lastStart) inStartOrder = false;
    lastStart = start;
    kept[count++] = i;
  }
  const out = inStartOrder
    ? mergeInStartOrder(log, kept.subarray(0, count))
    : mergeByUser(log, kept.subarray(0, count));
  // Ranks over the users present only, so they run 0..userCount − 1 whatever else `names` holds.
  const present = new Uint8Array(names.length);
  for (let k = 0; k < out.users.length; k++) present[out.users[k] as number] = 1;
  const presentIds: number[] = [];
  for (let u = 0; u < names.length; u++) if (present[u] === 1) presentIds.push(u);
  const rankOfPresent = textRanks(presentIds.map((u) => names[u] as string));
  const rankOf = new Int32Array(names.length);
  for (let j = 0; j < presentIds.length; j++) {
    rankOf[presentIds[j] as number] = rankOfPresent[j] as number;
  }
  const n = out.users.length;
  const unordered = new Int32Array(n);
  for (let k = 0; k < n; k++) unordered[k] = rankOf[out.users[k] as number] as number;
  const order = orderByTimeThenUser(out.starts, unordered);
  const sorted = {
    users: new Int32Array(n),
    ranks: new Int32Array(n),
    starts: new Float64Array(n),
    ends: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    sorted.users[k] = out.users[i] as number;
    sorted.ranks[k] = unordered[i] as number;
    sorted.starts[k] = out.starts[i] as number;
    sorted.ends[k] = out.ends[i] as number;
  }
  return { ...sorted, names, userCount: presentIds.length };
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
function mergeInStartOrder(log: SessionColumns, kept: Int32Array): Intervals {
  // At most one interval per session: flat buffers, trimmed at the end.
  const users = new Int32Array(kept.length);
  const starts = new Float64Array(kept.length);
  const ends = new Float64Array(kept.length);
  let n = 0;
  // Each user's open interval, as its place in the buffers (−1: none yet).
  const open = new Int32Array(log.names.length).fill(-1);
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k] as number;
    const u = log.users[i] as number;
    const start = log.starts[i] as number;
    const end = log.ends[i] as number;
    const at = open[u] as number;
    if (at >= 0 && start <= (ends[at] as number)) {
      if (end > (ends[at] as number)) ends[at] = end;
      continue;
    }
    users[n] = u;
    starts[n] = start;
    ends[n] = end;
    open[u] = n;
    n++;
  }
  return { users: users.subarray(0, n), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Any order: group each user's sessions (a counting sort), sort each group by start, merge. */
function mergeByUser(log: SessionColumns, kept: Int32Array): Intervals {
  const userCount = log.names.length;
  // Group kept sessions by user, in input order within a user.
  const bounds = new Int32Array(userCount + 1);
  for (let k = 0; k < kept.length; k++) {
    const u = log.users[kept[k] as number] as number;
    bounds[u + 1] = (bounds[u + 1] as number) + 1;
  }
  for (let u = 0; u < userCount; u++) {
    bounds[u + 1] = (bounds[u + 1] as number) + (bounds[u] as number);
  }
  const next = bounds.slice(0, userCount);
  const grouped = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const u = log.users[kept[k] as number] as number;
    grouped[next[u] as number] = kept[k] as number;
    next[u] = (next[u] as number) + 1;
  }
  const outUser: number[] = [];
  const outStart: number[] = [];
  const outEnd: number[] = [];
  const { starts: st, ends: en } = log;
  const byStart = (a: number, b: number) => (st[a] as number) - (st[b] as number);
  for (let u = 0; u < userCount; u++) {
    const lo = bounds[u] as number;
    const hi = bounds[u + 1] as number;
    if (hi === lo) continue;
    for (let k = lo + 1; k < hi; k++) {
      if (byStart(grouped[k - 1] as number, grouped[k] as number) > 0) {
        // Stable, like sorting the user's list by start: ties keep input order.
        grouped.set(Array.from(grouped.subarray(lo, hi)).sort(byStart), lo);
        break;
      }
    }
    const first = grouped[lo] as number;
    let start = st[first] as number;
    let end = en[first] as number;
    for (let k = lo + 1; k < hi; k++) {
      const i = grouped[k] as number;
      if ((st[i] as number) <= end) {
        if ((en[i] as number) > end) end = en[i] as number;
      } else {
        outUser.push(u);
        outStart.push(start);
        outEnd.push(end);
        start = st[i] as number;
        end = en[i] as number;
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
