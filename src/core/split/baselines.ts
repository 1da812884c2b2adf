/**
 * The comparison plans a negotiator would otherwise use. Every plan honours the policies (forced
 * named stay named, forced concurrent stay pooled), so the comparison is like for like.
 */
import { LoadTracker } from "./loads.js";
import { type Pricing, planCost, poolNeeded } from "./pricing.js";
import type { SplitProblem } from "./problem.js";

/** Named flags per problem user (1 = named). */
export type Choice = Uint8Array;

export interface Evaluated {
  readonly named: Choice;
  readonly namedCount: number;
  readonly pool: number;
  readonly cost: number;
}

export function tracker(problem: SplitProblem): LoadTracker {
  return new LoadTracker(problem);
}

export function evaluate(
  problem: SplitProblem,
  pr: Pricing,
  t: LoadTracker,
  named: Choice,
): Evaluated {
  t.reset(named);
  return current(problem, pr, t);
}

/** The plan the tracker holds now. */
export function current(problem: SplitProblem, pr: Pricing, t: LoadTracker): Evaluated {
  const namedCount = t.namedCount() + problem.namedWithoutSessions.length;
  const pool = poolNeeded(t.peak(), pr);
  return { named: t.named.slice(), namedCount, pool, cost: planCost(namedCount, pool, pr) };
}

export function isFree(problem: SplitProblem, u: number): boolean {
  return !problem.forcedNamed[u] && !problem.forcedConcurrent[u];
}

function choice(problem: SplitProblem, nameFree: (u: number) => boolean): Choice {
  return Uint8Array.from(problem.users, (_, u) =>
    problem.forcedNamed[u] ? 1 : problem.forcedConcurrent[u] ? 0 : nameFree(u) ? 1 : 0,
  );
}

export function namedOnly(problem: SplitProblem): Choice {
  return choice(problem, () => true);
}

export function allConcurrent(problem: SplitProblem): Choice {
  return choice(problem, () => false);
}

/**
 * Rule of thumb: name a user online for more than named ÷ concurrent rate of the peak-relevant
 * time (compared exactly in integers: userMs × concurrent > named × totalMs).
 */
export function ruleOfThumb(problem: SplitProblem, pr: Pricing): Choice {
  const total = BigInt(problem.peakTime.totalMs);
  return choice(problem, (u) => {
    const ms = BigInt(problem.peakTime.userMs.get(problem.users[u] as string) ?? 0);
    return ms * BigInt(pr.concurrent) > BigInt(pr.named) * total;
  });
}

/** Free users by hours online, most first (ties by key, for determinism). */
export function byHoursOnline(problem: SplitProblem): number[] {
  const free = problem.users.map((_, u) => u).filter((u) => isFree(problem, u));
  return free.sort(
    (x, y) => (problem.onlineMs[y] as number) - (problem.onlineMs[x] as number) || x - y,
  );
}

/** Ranking by hours online: the best number of top users to name, each prefix costed exactly. */
export function hoursRanking(problem: SplitProblem, pr: Pricing, t: LoadTracker): Choice {
  return bestPrefix(problem, pr, t, byHoursOnline(problem));
}

/**
 * Names users in the given order and keeps the cheapest prefix (forced policies applied). Each
 * prefix is costed from the tracker's counts; only the winning prefix is built as a plan, so a
 * ranking of 20,000 users costs no 20,000 copies of the plan.
 */
export function bestPrefix(
  problem: SplitProblem,
  pr: Pricing,
  t: LoadTracker,
  ranked: readonly number[],
): Choice {
  const start = allConcurrent(problem);
  t.reset(start);
  const cost = (): number =>
    planCost(t.namedCount() + problem.namedWithoutSessions.length, poolNeeded(t.peak(), pr), pr);
  let bestCost = cost();
  let bestLength = 0;
  for (const [i, u] of ranked.entries()) {
    t.name(u);
    const now = cost();
    if (now < bestCost) {
      bestCost = now;
      bestLength = i + 1;
    }
  }
  // The tracker named exactly these on top of the start (naming a named user changes nothing).
  for (const u of ranked.slice(0, bestLength)) start[u] = 1;
  return start;
}
