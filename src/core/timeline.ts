/**
 * The shared first step of every usage analysis: sessions become per-user presence intervals
 * (a user with two overlapping sessions is online once), and presence becomes a step function of
 * the number online. Times are epoch ms; an interval covers [start, end).
 */
import type { Session } from "./usage.js";

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
  const byUser = new Map<string, Session[]>();
  for (const s of sessions) {
    if (!(s.end > s.start)) continue;
    const list = byUser.get(s.user);
    if (list) list.push(s);
    else byUser.set(s.user, [s]);
  }
  const merged: Presence[] = [];
  for (const [user, list] of byUser) {
    list.sort((a, b) => a.start - b.start);
    let start = list[0]?.start ?? 0;
    let end = list[0]?.end ?? 0;
    for (let i = 1; i < list.length; i++) {
      const s = list[i] as Session;
      if (s.start <= end) {
        if (s.end > end) end = s.end;
      } else {
        merged.push({ user, start, end });
        start = s.start;
        end = s.end;
      }
    }
    merged.push({ user, start, end });
  }
  merged.sort((a, b) => a.start - b.start || compareText(a.user, b.user));
  return merged;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The number online as a step function: `counts[i]` users are online during
 * [times[i], times[i + 1]). The last count is always 0 (everyone has left).
 */
export interface Steps {
  readonly times: readonly number[];
  readonly counts: readonly number[];
}

/** Sweep over presence intervals: O(n log n). Ends at an instant apply before starts at it. */
export function stepsOf(presence: readonly Presence[]): Steps {
  const deltas = new Map<number, number>();
  for (const p of presence) {
    deltas.set(p.start, (deltas.get(p.start) ?? 0) + 1);
    deltas.set(p.end, (deltas.get(p.end) ?? 0) - 1);
  }
  const times = [...deltas.keys()].sort((a, b) => a - b);
  const keptTimes: number[] = [];
  const counts: number[] = [];
  let online = 0;
  for (const t of times) {
    online += deltas.get(t) ?? 0;
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
