/**
 * A good starting solution for the integer program, costed exactly on the reduced sets.
 * 1. Peeling: from "everyone pooled", repeatedly find the busiest instants and name a small set of
 *    users that hits all of them (greedy hitting set), which lowers the pool by one seat; keep the
 *    cheapest plan seen on the way down (naming is not worth it one step but may be two steps on).
 * 2. Local search from the best plan found (peeling or any baseline): name or pool single users
 *    while that lowers the cost.
 *
 * At 20,000 users the peel takes thousands of steps over instants with thousands of users online,
 * so a step does only the work its changes need: each user's count of busiest instants is kept
 * between steps (hit-buckets.ts) and moved only by the instants that join or leave the busiest
 * set; those instants' still-pooled users are kept and compacted (pooled-members.ts); a plan is
 * copied only when it is the cheapest so far. Local search checks a move against the instants at
 * the peak (peak-moves.ts) and touches the load tree only for moves it keeps. The plans are the
 * ones the plain rescanning version found, user for user (test/core/split/heuristic.test.ts).
 */
import { type Choice, current, type Evaluated, evaluate, isFree } from "./baselines.js";
import { HitBuckets } from "./hit-buckets.js";
import type { LoadTracker } from "./loads.js";
import { MemberIndex } from "./members.js";
import { peakAfterNaming, peakAfterPooling } from "./peak-moves.js";
import { PooledMembers } from "./pooled-members.js";
import { type Pricing, planCost, poolNeeded } from "./pricing.js";
import type { SplitProblem } from "./problem.js";

/** Whether user u is online at instant j (their instant ranges are few). */
function covers(problem: SplitProblem, u: number, j: number): boolean {
  for (const i of problem.userIntervals[u] as Int32Array) {
    if ((problem.intervalFrom[i] as number) <= j && j < (problem.intervalTo[i] as number)) {
      return true;
    }
  }
  return false;
}

/** The latest of the ascending instants `atPeak` that user u is online at, or -1. */
function lastCovered(problem: SplitProblem, u: number, atPeak: readonly number[]): number {
  let last = -1;
  for (const i of problem.userIntervals[u] as Int32Array) {
    // The last instant before the range's end, if it is inside the range.
    let lo = 0;
    let hi = atPeak.length;
    const to = problem.intervalTo[i] as number;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((atPeak[mid] as number) < to) lo = mid + 1;
      else hi = mid;
    }
    const j = lo > 0 ? (atPeak[lo - 1] as number) : -1;
    if (j >= (problem.intervalFrom[i] as number) && j > last) last = j;
  }
  return last;
}

/**
 * The greedy pick over open instants' members, scanning them: the user in the most (ties: more
 * time online, then the one whose count reached the maximum first in instant-then-user order).
 * -1 when every open instant is empty. `hits` is all zero on entry and on return.
 */
function mostHitting(
  open: readonly Int32Array[],
  onlineMs: readonly number[],
  hits: Int32Array,
  touched: Int32Array,
): number {
  let pick = -1;
  let touchedCount = 0;
  for (const members of open) {
    for (let i = 0; i < members.length; i++) {
      const u = members[i] as number;
      const h = (hits[u] as number) + 1;
      hits[u] = h;
      if (h === 1) touched[touchedCount++] = u;
      if (
        pick < 0 ||
        h > (hits[pick] as number) ||
        (h === hits[pick] && (onlineMs[u] as number) > (onlineMs[pick] as number))
      ) {
        pick = u;
      }
    }
  }
  for (let i = 0; i < touchedCount; i++) hits[touched[i] as number] = 0;
  return pick;
}

/**
 * The same pick over all the busiest instants, read from counts kept up to date as instants join
 * and leave them: the leaders by count and time online; among ties, the one whose last busiest
 * instant comes first (where the scan would have reached its final count), then the lower index.
 */
function leadingPick(
  problem: SplitProblem,
  buckets: HitBuckets,
  atPeak: readonly number[],
): number {
  const leaders = buckets.leaders();
  let pick = leaders[0] ?? -1;
  if (leaders.length < 2) return pick;
  let pickLast = lastCovered(problem, pick, atPeak);
  for (const u of leaders) {
    const last = lastCovered(problem, u, atPeak);
    if (last < pickLast) {
      pick = u;
      pickLast = last;
    }
  }
  return pick;
}

/**
 * Peeling, as the file header says. A step's first pick (over all the busiest instants) comes from
 * counts kept between steps: each instant that joins or leaves the busiest set moves its pooled
 * users' counts by one, and most instants stay busiest from one step to the next. Further picks
 * in a step (over the few instants the first left uncovered) scan those instants' members.
 */
function peel(
  problem: SplitProblem,
  pr: Pricing,
  t: LoadTracker,
  index: MemberIndex,
  start: Choice,
): Evaluated {
  let best = evaluate(problem, pr, t, start);
  const pooled = new PooledMembers(problem, index);
  const buckets = new HitBuckets(problem.onlineMs);
  const hits = new Int32Array(problem.users.length);
  const touched = new Int32Array(problem.users.length);
  const cheapest = Math.min(pr.named, pr.concurrent);
  const namedCount = (): number => t.namedCount() + problem.namedWithoutSessions.length;
  let namings = 0;
  const count = (j: number, delta: number): void => {
    for (const u of pooled.at(j, t.named, namings)) buckets.add(u, delta);
  };
  /** The busiest instants the buckets count, ascending. */
  let counted: number[] = [];
  for (;;) {
    const peak = t.peak();
    if (peak === 0) break;
    // Getting the peak from `peak` down to L names at least peak − L more users, and a pool for
    // load L has at least L seats (headroom only adds), so no later plan costs less than
    // named·a + min over L of (a·(peak − L) + b·L) = named·a + min(a, b)·peak: stop at the best.
    const floor = pr.named * namedCount() + cheapest * peak;
    if (floor >= best.cost) break;
    const atPeak = t.atPeak();
    mergeSorted(
      counted,
      atPeak,
      (j) => count(j, -1),
      (j) => count(j, 1),
    );
    counted = atPeak;
    let open: readonly number[] = atPeak;
    let chosen = 0;
    while (open.length > 0) {
      const pick =
        chosen === 0
          ? leadingPick(problem, buckets, atPeak)
          : mostHitting(
              open.map((j) => pooled.at(j, t.named, namings)),
              problem.onlineMs,
              hits,
              touched,
            );
      if (pick < 0) break; // a busiest instant has only forced-concurrent users: no lower pool
      open = open.filter((j) => !covers(problem, pick, j));
      chosen++;
      t.name(pick);
      buckets.drop(pick);
      namings++;
    }
    if (open.length > 0) break;
    const cost = planCost(namedCount(), poolNeeded(t.peak(), pr), pr);
    if (cost < best.cost) best = current(problem, pr, t);
    if (chosen === 0) break;
  }
  return best;
}

/** Walks two ascending lists: `onlyA` for values only in a, `onlyB` for values only in b. */
function mergeSorted(
  a: readonly number[],
  b: readonly number[],
  onlyA: (x: number) => void,
  onlyB: (x: number) => void,
): void {
  let i = 0;
  let k = 0;
  while (i < a.length || k < b.length) {
    const x = a[i];
    const y = b[k];
    if (y === undefined || (x !== undefined && x < y)) {
      onlyA(x as number);
      i++;
    } else if (x === undefined || y < x) {
      onlyB(y);
      k++;
    } else {
      i++;
      k++;
    }
  }
}

export function localSearch(
  problem: SplitProblem,
  pr: Pricing,
  t: LoadTracker,
  start: Choice,
): Evaluated {
  let best = evaluate(problem, pr, t, start);
  // Costed inline (not through `current`) so a move is O(sets containing the user), not O(users).
  let named = best.namedCount;
  let peak = t.peak();
  let atPeak = t.atPeak();
  let improved = true;
  while (improved) {
    improved = false;
    for (let u = 0; u < problem.users.length; u++) {
      if (!isFree(problem, u)) continue;
      const naming = !t.named[u];
      const after = naming
        ? peakAfterNaming(problem, u, peak, atPeak)
        : peakAfterPooling(problem, u, peak, atPeak);
      const count = named + (naming ? 1 : -1);
      if (planCost(count, poolNeeded(after, pr), pr) < best.cost) {
        if (naming) t.name(u);
        else t.pool(u);
        named = count;
        peak = t.peak();
        atPeak = t.atPeak();
        best = current(problem, pr, t);
        improved = true;
      }
    }
  }
  return best;
}

export function heuristicPlan(
  problem: SplitProblem,
  pr: Pricing,
  t: LoadTracker,
  seeds: readonly Choice[],
): Evaluated {
  const allPooled = Uint8Array.from(problem.users, (_, u) => (problem.forcedNamed[u] ? 1 : 0));
  const candidates = [
    peel(problem, pr, t, new MemberIndex(problem), allPooled),
    ...seeds.map((s) => evaluate(problem, pr, t, s)),
  ];
  let best = candidates[0] as Evaluated;
  for (const c of candidates) if (c.cost < best.cost) best = c;
  return localSearch(problem, pr, t, best.named);
}
