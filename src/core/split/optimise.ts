/**
 * The cost-optimal named/concurrent split. Reduce the constraints, build a strong starting plan
 * (baselines + heuristic), hand the integer program to the solver with that plan and a time limit,
 * and report the best plan with a proven lower bound, so every answer says how close to optimal
 * it is. Every plan's pool is re-checked by an independent sweep and a login replay.
 */
import { type Money, money } from "../money.js";
import { type Ratio, ratio } from "../ratio.js";
import { replayPool } from "../replay.js";
import { ok, type Result } from "../result.js";
import { peakOf, stepsOf } from "../timeline.js";
import type { Session } from "../usage.js";
import {
  allConcurrent,
  bestPrefix,
  type Choice,
  type Evaluated,
  evaluate,
  hoursRanking,
  namedOnly,
  ruleOfThumb,
  tracker,
} from "./baselines.js";
import { heuristicPlan } from "./heuristic.js";
import { buildModel, namedFromValues, startValues } from "./model.js";
import { type Headroom, type Pricing, poolNeeded, pricing } from "./pricing.js";
import { buildProblem, type SplitProblem } from "./problem.js";
import type { MipOutcome, SolveMip } from "./solver.js";
import { validateSplit } from "./validate.js";

export const DEFAULT_TIME_LIMIT_SECONDS = 10;

export interface SplitOptions {
  /** Price of one named licence; same period as the concurrent rate (e.g. both per year). */
  readonly namedRate: Money;
  /** Price of one concurrent pool seat. */
  readonly concurrentRate: Money;
  readonly headroom?: Headroom;
  readonly forceNamed?: ReadonlySet<string>;
  readonly forceConcurrent?: ReadonlySet<string>;
  readonly timeLimitSeconds?: number;
  /** More comparison plans, e.g. the group rule "agents and leads named" from a roster. */
  readonly extraBaselines?: readonly {
    readonly label: string;
    readonly named: readonly string[];
  }[];
  /** Called as each stage starts, for progress on long runs. */
  readonly onProgress?: (stage: string) => void;
}

export interface SplitPlan {
  readonly label: string;
  /** Named users' keys, sorted. */
  readonly named: readonly string[];
  readonly namedCount: number;
  readonly pool: number;
  readonly cost: Money;
  /** Verification: the most pooled users online at once, from a sweep over raw presence. */
  readonly pooledPeak: number;
  /** Verification: logins the pool would have refused on replay (0 for a valid plan). */
  readonly refusedAtPool: number;
}

export interface NamedUser {
  readonly user: string;
  readonly reason: "forced" | "optimised";
  /** Share of the peak-relevant time this user was online; undefined with no such time. */
  readonly peakShare: Ratio | undefined;
  readonly onlineMs: number;
}

export interface SplitReport {
  readonly optimum: SplitPlan;
  readonly namedUsers: readonly NamedUser[];
  /** named_only, all_concurrent, rule_of_thumb, hours_ranking, then any extra baselines. */
  readonly baselines: readonly SplitPlan[];
  /** A proven lower bound on the cost of any plan (same units as the costs). */
  readonly lowerBound: Money;
  /** The LP relaxation's bound, rounded up, when the relaxation solved. */
  readonly relaxationBound: Money | undefined;
  /** (cost − lower bound) ÷ cost: 0 means proven optimal. */
  readonly gap: Ratio;
  readonly provenOptimal: boolean;
  readonly heuristicCost: Money;
  readonly solver: {
    /** "skipped" when the starting plan already met the lower bound (proven optimal). */
    readonly mip: MipOutcome["status"] | "skipped";
    readonly relaxation: MipOutcome["status"] | "skipped";
    readonly seconds: number;
    readonly mipSeconds: number;
    readonly relaxationSeconds: number;
  };
  /** named rate ÷ concurrent rate: the rule of thumb's share of peak-relevant time. */
  readonly breakEven: Ratio;
  /** Peak-relevant time: at least `peakLevel` users online (half the peak, rounded up). */
  readonly peakTimeMs: number;
  readonly peakLevel: number;
  readonly stats: {
    readonly users: number;
    readonly presenceIntervals: number;
    readonly instants: number;
    readonly constraints: number;
    readonly variables: number;
  };
}

/**
 * Model objective values of integer plans are integers (costs ÷ gcd of the rates), so any bound
 * rounds up to the next integer; solver floats within a relative 1e-6 of an integer round to it.
 */
function ceilBound(value: number): number {
  return Math.ceil(value - 1e-6 * Math.max(1, Math.abs(value)));
}

function verifyPlan(
  problem: SplitProblem,
  userIndex: ReadonlyMap<string, number>,
  e: Evaluated,
  pr: Pricing,
  label: string,
): Omit<SplitPlan, "cost"> {
  const pooled = problem.presence.filter((p) => !e.named[userIndex.get(p.user) as number]);
  const pooledPeak = peakOf(stepsOf(pooled)).peak;
  if (poolNeeded(pooledPeak, pr) !== e.pool) {
    throw new Error(`split: ${label} pool ${e.pool} disagrees with the sweep (peak ${pooledPeak})`);
  }
  const named = problem.users.filter((_, u) => e.named[u]).concat(problem.namedWithoutSessions);
  return {
    label,
    named: named.sort(),
    namedCount: e.namedCount,
    pool: e.pool,
    pooledPeak,
    refusedAtPool: replayPool(pooled, e.pool).refusedLogins,
  };
}

export function optimiseSplit(
  sessions: readonly Session[],
  options: SplitOptions,
  solve: SolveMip,
): Result<SplitReport> {
  const valid = validateSplit(options);
  if (!valid.ok) return valid;
  const code = options.namedRate.currency;
  const pr = pricing(options.namedRate.minor, options.concurrentRate.minor, options.headroom);
  const progress = options.onProgress ?? (() => {});

  progress("reducing instants");
  const problem = buildProblem(
    sessions,
    options.forceNamed ?? new Set(),
    options.forceConcurrent ?? new Set(),
  );
  const t = tracker(problem);
  const cash = (minor: number): Money => money(minor, code);
  const userIndex = new Map(problem.users.map((u, i) => [u, i]));

  progress("costing baselines");
  const seeds: { label: string; named: Choice }[] = [
    { label: "named_only", named: namedOnly(problem) },
    { label: "all_concurrent", named: allConcurrent(problem) },
    { label: "rule_of_thumb", named: ruleOfThumb(problem, pr) },
    { label: "hours_ranking", named: hoursRanking(problem, pr, t) },
  ];
  for (const extra of options.extraBaselines ?? []) {
    const named = allConcurrent(problem);
    for (const user of extra.named) {
      const u = userIndex.get(user);
      if (u !== undefined && !problem.forcedConcurrent[u]) named[u] = 1;
    }
    seeds.push({ label: extra.label, named });
  }
  const baselineEvals = [...seeds].map((s) => ({
    label: s.label,
    e: evaluate(problem, pr, t, s.named),
  }));

  const model = buildModel(problem, pr);
  const hasVariables = model.userOfColumn.length > 0;
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  progress("solving the LP relaxation");
  const relaxation: MipOutcome | undefined = hasVariables
    ? solve({ lp: model.relaxation, columns: model.columns, timeLimitSeconds: limit })
    : undefined;
  if (relaxation?.values) {
    // Rounding the relaxation: name users in order of their fractional x, best prefix exactly.
    const x = relaxation.values;
    const ranked = model.userOfColumn
      .map((u, c) => ({ u, v: x[c] ?? 0 }))
      .filter((r) => r.v > 1e-6)
      .sort(
        (p, q) =>
          q.v - p.v || (problem.onlineMs[q.u] as number) - (problem.onlineMs[p.u] as number),
      )
      .map((r) => r.u);
    seeds.push({ label: "lp_rounding", named: bestPrefix(problem, pr, t, ranked) });
  }

  progress("searching for a starting plan");
  const heuristic = heuristicPlan(
    problem,
    pr,
    t,
    seeds.map((s) => s.named),
  );

  // Lower bounds: any instant's users each cost at least min(a, b) (named, or a pool seat),
  // forced-concurrent users a pool seat; the LP relaxation; later the MIP's dual bound.
  const forcedNamedCount = problem.forcedNamed.reduce((n, x) => n + x, 0);
  const fixed = pr.named * (forcedNamedCount + problem.namedWithoutSessions.length);
  let combinatorial = fixed;
  for (const set of problem.sets) {
    let sum = fixed;
    for (const u of set) {
      sum += problem.forcedConcurrent[u] ? pr.concurrent : Math.min(pr.named, pr.concurrent);
    }
    if (sum > combinatorial) combinatorial = sum;
  }
  const relaxBound =
    relaxation?.status === "optimal" && relaxation.bound !== undefined
      ? fixed + ceilBound(relaxation.bound) * model.scale
      : undefined;
  // The model charges extra seats even when nobody is pooled; naming everyone is priced exactly.
  const namedOnlyCost = (baselineEvals[0] as { e: Evaluated }).e.cost;
  const boundBeforeMip = Math.min(Math.max(combinatorial, relaxBound ?? 0), namedOnlyCost);

  // The MIP runs only when the starting plan is not already proven optimal by the bounds.
  let mip: MipOutcome | undefined;
  if (hasVariables && heuristic.cost > boundBeforeMip) {
    progress("solving the integer program");
    t.reset(heuristic.named);
    mip = solve({
      lp: model.mip,
      columns: model.columns,
      start: startValues(model, problem, heuristic.named, t.peak(), pr),
      timeLimitSeconds: Math.max(0.5, limit - (relaxation?.seconds ?? 0)),
      integralObjective: true,
    });
  }

  let best = heuristic;
  if (mip?.values && (mip.status === "optimal" || mip.status === "time_limit")) {
    const fromSolver = evaluate(problem, pr, t, namedFromValues(model, mip.values, problem));
    if (fromSolver.cost < best.cost) best = fromSolver;
  }

  progress("verifying plans");
  const mipBound =
    mip?.bound !== undefined && Number.isFinite(mip.bound)
      ? fixed + ceilBound(mip.bound) * model.scale
      : undefined;
  let lower = Math.min(Math.max(boundBeforeMip, mipBound ?? 0), namedOnlyCost);
  if (!hasVariables) lower = best.cost; // nothing to choose: the plan is forced
  // Tolerances aside, a bound can never exceed a plan we hold.
  lower = Math.min(lower, best.cost);

  const priced = (e: Evaluated, label: string): SplitPlan => ({
    ...verifyPlan(problem, userIndex, e, pr, label),
    cost: cash(e.cost),
  });
  const optimum = priced(best, "optimum");
  const totalPeak = problem.peakTime.totalMs;
  const namedUsers: NamedUser[] = optimum.named.map((user) => {
    const u = userIndex.get(user);
    const forced = u === undefined || problem.forcedNamed[u] === 1;
    const ms = problem.peakTime.userMs.get(user) ?? 0;
    return {
      user,
      reason: forced ? "forced" : "optimised",
      peakShare: totalPeak > 0 ? ratio(ms, totalPeak) : undefined,
      onlineMs: u === undefined ? 0 : (problem.onlineMs[u] as number),
    };
  });
  return ok({
    optimum,
    namedUsers,
    baselines: baselineEvals.map(({ label, e }) => priced(e, label)),
    lowerBound: cash(lower),
    relaxationBound:
      relaxBound === undefined ? undefined : cash(Math.min(relaxBound, best.cost, namedOnlyCost)),
    gap: best.cost === 0 ? ratio(0) : ratio(best.cost - lower, best.cost),
    provenOptimal: lower === best.cost,
    heuristicCost: cash(heuristic.cost),
    solver: {
      mip: mip?.status ?? "skipped",
      relaxation: relaxation?.status ?? "skipped",
      seconds: (mip?.seconds ?? 0) + (relaxation?.seconds ?? 0),
      mipSeconds: mip?.seconds ?? 0,
      relaxationSeconds: relaxation?.seconds ?? 0,
    },
    breakEven: ratio(pr.named, pr.concurrent),
    peakTimeMs: totalPeak,
    peakLevel: problem.peakTime.level,
    stats: {
      users: problem.users.length,
      presenceIntervals: problem.presence.length,
      instants: problem.instantsBeforeReduction,
      constraints: problem.sets.length,
      variables: model.columns.length,
    },
  });
}
