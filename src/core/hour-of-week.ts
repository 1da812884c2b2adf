/**
 * Hour-of-week profile of the number online: 168 buckets, Monday 00:00 first, in a FIXED offset
 * from UTC (minutes east, e.g. 60 for CET). A fixed offset keeps the function pure and exact; it
 * does not follow daylight-saving changes, so pass the offset in force for most of the log.
 */
import type { Steps } from "./timeline.js";

export const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;
/** 1970-01-01 was a Thursday: epoch hour 0 is hour-of-week 3 × 24 counted from Monday. */
const EPOCH_HOUR_OF_WEEK = 3 * 24;

export interface HourOfWeek {
  /** 0 = Monday 00:00–01:00 … 167 = Sunday 23:00–24:00, local to the offset. */
  readonly index: number;
  readonly day: (typeof DAY_NAMES)[number];
  readonly hour: number;
  /** Most users online at once during this hour in any week. */
  readonly peak: number;
  /** Time-weighted mean number online during this hour over the observed weeks (display only). */
  readonly mean: number;
  /** How much of the observation window fell in this hour of the week, in ms. */
  readonly observedMs: number;
}

function bucketOf(localMs: number): number {
  const hours = Math.floor(localMs / HOUR_MS);
  return (((hours + EPOCH_HOUR_OF_WEEK) % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS;
}

/** Splits each step at hour boundaries: O(steps + hours in the window). */
export function hourOfWeekProfile(
  steps: Steps,
  window: { readonly start: number; readonly end: number },
  utcOffsetMinutes: number,
): HourOfWeek[] {
  const offset = utcOffsetMinutes * 60_000;
  const peak = new Array<number>(WEEK_HOURS).fill(0);
  const weighted = new Array<number>(WEEK_HOURS).fill(0);
  const observed = new Array<number>(WEEK_HOURS).fill(0);
  const { times, counts } = steps;
  // Count in force at the window start (0 before the first step).
  let i = 0;
  let count = 0;
  while (i < times.length && (times[i] as number) <= window.start) {
    count = counts[i] as number;
    i++;
  }
  let t = window.start;
  while (t < window.end) {
    const nextStep = i < times.length ? (times[i] as number) : Number.POSITIVE_INFINITY;
    const local = t + offset;
    const nextHour = (Math.floor(local / HOUR_MS) + 1) * HOUR_MS - offset;
    const until = Math.min(nextStep, nextHour, window.end);
    const b = bucketOf(local);
    const span = until - t;
    observed[b] = (observed[b] as number) + span;
    weighted[b] = (weighted[b] as number) + count * span;
    if (count > (peak[b] as number)) peak[b] = count;
    t = until;
    if (t === nextStep) {
      count = counts[i] as number;
      i++;
    }
  }
  return peak.map((p, index) => {
    const seen = observed[index] as number;
    return {
      index,
      day: DAY_NAMES[Math.floor(index / 24)] as (typeof DAY_NAMES)[number],
      hour: index % 24,
      peak: p,
      mean: seen > 0 ? (weighted[index] as number) / seen : 0,
      observedMs: seen,
    };
  });
}
