/**
 * The peak after naming or pooling one user, read from the instants at the peak instead of by
 * moving the user in the tracker and back. A user's instants are a few disjoint ranges (their
 * presence intervals are merged), and the busiest instants are few, so a check costs
 * O(ranges × log(instants at the peak)) and the segment tree is touched only by moves kept.
 *
 * Naming a pooled user takes one off every instant they cover: the peak drops by one exactly when
 * they cover every instant at the peak, else it stays. Pooling a named user adds one to every
 * instant they cover: the peak rises by one exactly when they cover some instant at the peak.
 */
import type { SplitProblem } from "./problem.js";

/** How many of the ascending instants `atPeak` fall in [lo, hi). */
function countIn(atPeak: readonly number[], lo: number, hi: number): number {
  return lowerBound(atPeak, hi) - lowerBound(atPeak, lo);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many instants at the peak user u is online at (their ranges are disjoint). */
function peakInstantsCovered(problem: SplitProblem, u: number, atPeak: readonly number[]): number {
  let covered = 0;
  for (const i of problem.userIntervals[u] as Int32Array) {
    covered += countIn(atPeak, problem.intervalFrom[i] as number, problem.intervalTo[i] as number);
  }
  return covered;
}

/**
 * The peak once pooled user u is named, given the current `peak` and its instants `atPeak`
 * (ascending, as LoadTracker.atPeak gives them).
 */
export function peakAfterNaming(
  problem: SplitProblem,
  u: number,
  peak: number,
  atPeak: readonly number[],
): number {
  if (peak === 0) return 0;
  return peakInstantsCovered(problem, u, atPeak) === atPeak.length ? peak - 1 : peak;
}

/** The peak once named user u is pooled again. */
export function peakAfterPooling(
  problem: SplitProblem,
  u: number,
  peak: number,
  atPeak: readonly number[],
): number {
  const ranges = problem.userIntervals[u] as Int32Array;
  // With no load anywhere every instant is "at the peak" of 0, but atPeak lists none.
  if (peak === 0) return ranges.length > 0 ? 1 : 0;
  return peakInstantsCovered(problem, u, atPeak) > 0 ? peak + 1 : peak;
}
