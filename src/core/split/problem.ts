/**
 * The split problem in index form. Only the locally maximal instants of the pooled-eligible users
 * matter (every other instant's online set is a subset of one of them). Their members are never
 * stored: at 5,000 users there are ~27,000 such instants of ~1,000 members each. Instead each
 * presence interval is mapped to the contiguous range of instants it covers (instants are in time
 * order), so loads are range sums and a set's members are read on demand from a block index.
 */
import { mergePresence, type Presence, stepsOf } from "../timeline.js";
import type { Session } from "../usage.js";
import { maximalInstants } from "./instants.js";
import { type PeakTime, peakTime } from "./shares.js";

export interface SplitProblem {
  /** Users with at least one non-empty session, by index. */
  readonly users: readonly string[];
  readonly forcedNamed: Uint8Array;
  readonly forcedConcurrent: Uint8Array;
  /** Forced-named users with no session: named in every plan, never in a constraint. */
  readonly namedWithoutSessions: readonly string[];
  /** Locally maximal instants of the pooled-eligible users (epoch ms, ascending). */
  readonly at: readonly number[];
  /** Pooled-eligible presence intervals as instant ranges [from, to), with their user. */
  readonly intervalUser: Int32Array;
  readonly intervalFrom: Int32Array;
  readonly intervalTo: Int32Array;
  /** Per user, the indices of their intervals that cover at least one instant. */
  readonly userIntervals: readonly Int32Array[];
  /** Pooled-eligible users online at each instant (everyone not forced named pooled). */
  readonly sizes: Int32Array;
  readonly presence: readonly Presence[];
  readonly onlineMs: readonly number[];
  readonly peakTime: PeakTime;
}

/** First index with at[i] ≥ time. */
function lowerBound(at: readonly number[], time: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildProblem(
  sessions: readonly Session[],
  forceNamed: ReadonlySet<string>,
  forceConcurrent: ReadonlySet<string>,
): SplitProblem {
  const presence = mergePresence(sessions);
  const users = [...new Set(presence.map((p) => p.user))].sort();
  const indexOf = new Map(users.map((u, i) => [u, i]));
  const forcedNamed = new Uint8Array(users.length);
  const forcedConcurrent = new Uint8Array(users.length);
  for (const [i, u] of users.entries()) {
    if (forceNamed.has(u)) forcedNamed[i] = 1;
    else if (forceConcurrent.has(u)) forcedConcurrent[i] = 1;
  }
  const onlineMs = new Array<number>(users.length).fill(0);
  for (const p of presence) {
    const i = indexOf.get(p.user) as number;
    onlineMs[i] = (onlineMs[i] as number) + p.end - p.start;
  }
  // Forced-named users never load the pool, so the instants are those of everyone else.
  const pooled = presence.filter((p) => !forcedNamed[indexOf.get(p.user) as number]);
  const at = maximalInstants(pooled);
  const user: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const sizes = new Int32Array(at.length + 1);
  for (const p of pooled) {
    // [start, end) covers instant t when start ≤ t < end: a contiguous range of instants.
    const lo = lowerBound(at, p.start);
    const hi = lowerBound(at, p.end);
    if (lo >= hi) continue;
    user.push(indexOf.get(p.user) as number);
    from.push(lo);
    to.push(hi);
    sizes[lo] = (sizes[lo] as number) + 1;
    sizes[hi] = (sizes[hi] as number) - 1;
  }
  for (let j = 1; j < sizes.length; j++) sizes[j] = (sizes[j] as number) + (sizes[j - 1] as number);
  const perUser: number[][] = Array.from({ length: users.length }, () => []);
  for (const [i, u] of user.entries()) (perUser[u] as number[]).push(i);
  return {
    users,
    forcedNamed,
    forcedConcurrent,
    namedWithoutSessions: [...forceNamed].filter((u) => !indexOf.has(u)).sort(),
    at,
    intervalUser: Int32Array.from(user),
    intervalFrom: Int32Array.from(from),
    intervalTo: Int32Array.from(to),
    userIntervals: perUser.map((list) => Int32Array.from(list)),
    sizes: sizes.subarray(0, at.length),
    presence,
    onlineMs,
    peakTime: peakTime(stepsOf(presence), presence),
  };
}
