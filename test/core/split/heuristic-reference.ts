/**
 * The starting-plan heuristic as it was before the peel and the local search were made fast
 * (commit fab548f, src/core/split/heuristic.ts, unchanged but for names): the reference the fast
 * version must agree with plan for plan. It rescans every busy instant's whole online set each
 * step and moves users in the load tree to try them, so it is only fit for small tests.
 */
import {
  allConcurrent,
  type Choice,
  current,
  type Evaluated,
  evaluate,
  isFree,
} from "../../../src/core/split/baselines.js";
import type { LoadTracker } from "../../../src/core/split/loads.js";
import { MemberIndex } from "../../../src/core/split/members.js";
import { type Pricing, planCost, poolNeeded } from "../../../src/core/split/pricing.js";
import type { SplitProblem } from "../../../src/core/split/problem.js";

function peel(
  problem: SplitProblem,
  pr: Pricing,
  t: LoadTracker,
  index: MemberIndex,
  start: Choice,
): Evaluated {
  let best = evaluate(problem, pr, t, start);
  const hits = new Int32Array(problem.users.length);
  const cheapest = Math.min(pr.named, pr.concurrent);
  for (;;) {
    const peak = t.peak();
    if (peak === 0) break;
    // Getting the peak from `peak` down to L names at least peak − L more users, and a pool for
    // load L has at least L seats (headroom only adds), so no later plan costs less than
    // named·a + min over L of (a·(peak − L) + b·L) = named·a + min(a, b)·peak: stop at the best.
    const floor = pr.named * current(problem, pr, t).namedCount + cheapest * peak;
    if (floor >= best.cost) break;
    // The busiest instants and their still-pooled free users.
    const open = new Map<number, Int32Array>();
    for (const j of t.atPeak()) {
      open.set(
        j,
        index.membersAt(j).filter((u) => !t.named[u] && isFree(problem, u)),
      );
    }
    const chosen: number[] = [];
    while (open.size > 0) {
      hits.fill(0);
      let pick = -1;
      for (const members of open.values()) {
        for (const u of members) {
          hits[u] = (hits[u] as number) + 1;
          if (
            pick < 0 ||
            (hits[u] as number) > (hits[pick] as number) ||
            (hits[u] === hits[pick] &&
              (problem.onlineMs[u] as number) > (problem.onlineMs[pick] as number))
          ) {
            pick = u;
          }
        }
      }
      if (pick < 0) break; // a busiest instant has only forced-concurrent users: no lower pool
      for (const [j, members] of open) if (members.includes(pick)) open.delete(j);
      chosen.push(pick);
      t.name(pick);
    }
    if (open.size > 0) break;
    const now = current(problem, pr, t);
    if (now.cost < best.cost) best = now;
    if (chosen.length === 0) break;
  }
  return best;
}

function localSearch(problem: SplitProblem, pr: Pricing, t: LoadTracker, start: Choice): Evaluated {
  let best = evaluate(problem, pr, t, start);
  // Costed inline (not through `current`) so a move is O(sets containing the user), not O(users).
  let named = best.namedCount;
  let improved = true;
  while (improved) {
    improved = false;
    for (let u = 0; u < problem.users.length; u++) {
      if (!isFree(problem, u)) continue;
      const naming = !t.named[u];
      if (naming) t.name(u);
      else t.pool(u);
      const count = named + (naming ? 1 : -1);
      if (planCost(count, poolNeeded(t.peak(), pr), pr) < best.cost) {
        named = count;
        best = current(problem, pr, t);
        improved = true;
      } else if (naming) t.pool(u);
      else t.name(u);
    }
  }
  return best;
}

export function referenceHeuristicPlan(
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

/** bestPrefix as it was: every prefix copied as a plan. */
export function referenceBestPrefix(
  problem: SplitProblem,
  pr: Pricing,
  t: LoadTracker,
  ranked: readonly number[],
): Choice {
  t.reset(allConcurrent(problem));
  let best = current(problem, pr, t);
  for (const u of ranked) {
    t.name(u);
    const now = current(problem, pr, t);
    if (now.cost < best.cost) best = now;
  }
  return best.named;
}
