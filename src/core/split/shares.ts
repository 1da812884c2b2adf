/**
 * "Peak-relevant time": the time when at least half the peak number of users are online. A user's
 * share of it is the break-even test of the rule of thumb (name a user online more than
 * named rate ÷ concurrent rate of it) and the reason shown next to each named user.
 */
import { type Presence, peakOf, type Steps } from "../timeline.js";

export interface PeakTime {
  /** Total peak-relevant time, ms. */
  readonly totalMs: number;
  /** The level that makes an instant peak-relevant (at least half the peak, at least 1). */
  readonly level: number;
  /** Per presence user: online ms inside peak-relevant time. */
  readonly userMs: ReadonlyMap<string, number>;
}

export function peakTime(steps: Steps, presence: readonly Presence[]): PeakTime {
  const { peak } = peakOf(steps);
  const level = Math.max(1, Math.ceil(peak / 2));
  const starts: number[] = [];
  const ends: number[] = [];
  const { times, counts } = steps;
  for (let i = 0; i < times.length; i++) {
    if ((counts[i] as number) < level) continue;
    const from = times[i] as number;
    const to = times[i + 1] as number; // the last step is 0, so a busy step always has an end
    if (ends.length > 0 && ends[ends.length - 1] === from) ends[ends.length - 1] = to;
    else {
      starts.push(from);
      ends.push(to);
    }
  }
  let totalMs = 0;
  for (let i = 0; i < starts.length; i++) totalMs += (ends[i] as number) - (starts[i] as number);
  // Prefix sums of busy time let each presence interval be measured with two binary searches.
  const before = new Array<number>(starts.length + 1).fill(0);
  for (let i = 0; i < starts.length; i++) {
    before[i + 1] = (before[i] as number) + (ends[i] as number) - (starts[i] as number);
  }
  const busyUpTo = (t: number): number => {
    // Busy time in (−∞, t).
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    const i = lo - 1;
    return (before[i] as number) + Math.min(t, ends[i] as number) - (starts[i] as number);
  };
  const userMs = new Map<string, number>();
  for (const p of presence) {
    const ms = busyUpTo(p.end) - busyUpTo(p.start);
    userMs.set(p.user, (userMs.get(p.user) ?? 0) + ms);
  }
  return { totalMs, level, userMs };
}
