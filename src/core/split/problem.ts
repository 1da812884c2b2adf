/**
 * The split problem in index form: users with sessions (sorted by key), policies, and the reduced
 * constraint sets (locally maximal online sets, forced-named users removed, dominated sets gone).
 */
import { mergePresence, type Presence, stepsOf } from "../timeline.js";
import type { Session } from "../usage.js";
import { maximalOnlineSets } from "./instants.js";
import { postingsOf } from "./loads.js";
import { removeDominated } from "./reduce.js";
import { type PeakTime, peakTime } from "./shares.js";

export interface SplitProblem {
  /** Users with at least one non-empty session, by index. */
  readonly users: readonly string[];
  readonly forcedNamed: Uint8Array;
  readonly forcedConcurrent: Uint8Array;
  /** Forced-named users with no session: named in every plan, never in a constraint. */
  readonly namedWithoutSessions: readonly string[];
  readonly sets: readonly Int32Array[];
  readonly setAt: readonly number[];
  readonly postings: readonly Int32Array[];
  /** Locally maximal instants before the subset reduction. */
  readonly instantsBeforeReduction: number;
  readonly presence: readonly Presence[];
  readonly onlineMs: readonly number[];
  readonly peakTime: PeakTime;
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
  const raw = maximalOnlineSets(presence, indexOf);
  // Forced-named users never load the pool, so they leave every set before the reduction.
  const pooled = raw.sets.map((s) => s.filter((u) => !forcedNamed[u]));
  const reduced = removeDominated(pooled, raw.at, users.length);
  return {
    users,
    forcedNamed,
    forcedConcurrent,
    namedWithoutSessions: [...forceNamed].filter((u) => !indexOf.has(u)).sort(),
    sets: reduced.sets,
    setAt: reduced.at,
    postings: postingsOf(reduced.sets, users.length),
    instantsBeforeReduction: raw.sets.length,
    presence,
    onlineMs,
    peakTime: peakTime(stepsOf(presence), presence),
  };
}
