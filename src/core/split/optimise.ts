/**
 * The cost-optimal named/concurrent split. Find the maximal instants, solve the LP relaxation by
 * lazy row generation (rows.ts explains why every round's bound is valid), build a strong
 * starting plan (baselines, LP rounding, heuristic), then solve the integer program on the rows
 * so far with that plan and the remaining time, adding any instant its answer overloads. Report
 * the best plan with a proven lower bound, so every answer says how close to optimal it is. The
 * time limit counts solver seconds (reported by the solver: core reads no clock). Every plan's
 * pool is re-checked by an independent sweep and a login replay.
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
  isFree,
  namedOnly,
  ruleOfThumb,
  tracker,
} from "./baselines.js";
import { heuristicPlan } from "./heuristic.js";
import { MemberIndex } from "./members.js";
import { buildModel, gcd, namedFromValues, type SplitModel, startValues } from "./model.js";
import { type Headroom, type Pricing, poolNeeded, pricing } from "./pricing.js";
import { buildProblem, type SplitProblem } from "./problem.js";
import { shortfalls, weightedLoads, worstInstants } from "./rows.js";
import type { MipOutcome, SolveMip } from "./solver.js";
import { validateSplit } from "./validate.js";

export const DEFAULT_TIME_LIMIT_SECONDS = 10;
/** Instants added to the model per round of row generation (at most one per clock hour). */
export const DEFAULT_ROWS_PER_ROUND = 100;

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
  /**
   * Most instants added to the solver's model per round of lazy row generation (default 100).
   * A tuning knob: the answer is exact whatever it is, only the number of rounds changes.
   */
  readonly rowsPerRound?: number;
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
    /** Rounds of row generation: models solved for the relaxation and for the MIP. */
    readonly relaxationRounds: number;
    readonly mipRounds: number;
  };
  /** named rate ÷ concurrent rate: the rule of thumb's share of peak-relevant time. */
  readonly breakEven: Ratio;
  /** Peak-relevant time: at least `peakLevel` users online (half the peak, rounded up). */
  readonly peakTimeMs: number;
  readonly peakLevel: number;
  readonly stats: {
    readonly users: number;
    readonly presenceIntervals: number;
    /** Locally maximal instants: the rows of the full model. */
    readonly instants: number;
    /** Rows the solver saw last (generated lazily; dominated and variable-free sets dropped). */
    readonly constraints: number;
    /** Columns the solver saw last (named flags of users in those rows, and the pool k). */
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

  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const cap = options.rowsPerRound ?? DEFAULT_ROWS_PER_ROUND;
  const index = new MemberIndex(problem);
  const scale = gcd(pr.named, pr.concurrent);
  // Every pooled-eligible interval covers some maximal instant, so this is "anything to choose".
  const hasFree = problem.users.some(
    (_, u) => isFree(problem, u) && (problem.userIntervals[u] as Int32Array).length > 0,
  );
  const chosen = new Set<number>();
  let solverSeconds = 0;
  let lastModel: SplitModel | undefined;
  const solveModel = (
    model: SplitModel,
    kind: "mip" | "relaxation",
    start?: readonly number[],
  ): MipOutcome => {
    lastModel = model;
    if (model.userOfColumn.length === 0) {
      // Only k is left: its least value is the bound from the variable-free rows.
      const objective = (pr.concurrent / scale) * model.kLower;
      return { status: "optimal", values: [model.kLower], objective, bound: objective, seconds: 0 };
    }
    const out = solve({
      lp: kind === "mip" ? model.mip : model.relaxation,
      columns: model.columns,
      ...(start ? { start } : {}),
      timeLimitSeconds: Math.max(0.5, limit - solverSeconds),
      ...(kind === "mip" ? { integralObjective: true } : {}),
    });
    solverSeconds += out.seconds;
    return out;
  };
  const addRows = (rows: readonly number[]): void => {
    for (const j of rows) chosen.add(j);
  };

  // Rows to start from: the busiest instant of each hour with everyone pooled, busiest first.
  if (hasFree) addRows(worstInstants(problem, shortfalls(problem.sizes, 0, pr), chosen, cap, 0));

  progress("solving the LP relaxation");
  let relaxation: MipOutcome | undefined;
  let relaxationRounds = 0;
  let relaxationUnits: number | undefined;
  let relaxationValues: { model: SplitModel; values: readonly number[] } | undefined;
  while (hasFree) {
    const model = buildModel(problem, pr, [...chosen], index);
    relaxation = solveModel(model, "relaxation");
    relaxationRounds++;
    if (relaxation.status !== "optimal" || !relaxation.values || relaxation.bound === undefined) {
      break;
    }
    // A subset's relaxation is a relaxation of the full one: a valid bound every round.
    relaxationUnits = Math.max(relaxationUnits ?? 0, ceilBound(relaxation.bound));
    relaxationValues = { model, values: relaxation.values };
    const x = relaxation.values;
    const weight = Float64Array.from(problem.users, (_, u) => (problem.forcedNamed[u] ? 0 : 1));
    model.userOfColumn.forEach((u, c) => {
      weight[u] = 1 - (x[c] ?? 0);
    });
    const k = x[model.userOfColumn.length] ?? 0;
    const next = worstInstants(
      problem,
      shortfalls(weightedLoads(problem, weight), k, pr),
      chosen,
      cap,
      1e-6 * (1 + Number(pr.factorDen) * k),
    );
    if (next.length === 0 || solverSeconds >= limit) break; // every instant holds: full LP solved
    addRows(next);
  }
  const relaxationSeconds = solverSeconds;
  if (relaxationValues) {
    // Rounding the relaxation: name users in order of their fractional x, best prefix exactly.
    const { model, values: x } = relaxationValues;
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
  const cheapest = Math.min(pr.named, pr.concurrent);
  const perUser = Float64Array.from(problem.users, (_, u) =>
    problem.forcedConcurrent[u] ? pr.concurrent : cheapest,
  );
  let combinatorial = fixed;
  for (const sum of weightedLoads(problem, perUser))
    combinatorial = Math.max(combinatorial, fixed + sum);
  const relaxBound = relaxationUnits === undefined ? undefined : fixed + relaxationUnits * scale;
  // The model charges extra seats even when nobody is pooled; naming everyone is priced exactly.
  const namedOnlyCost = (baselineEvals[0] as { e: Evaluated }).e.cost;
  const boundBeforeMip = Math.min(Math.max(combinatorial, relaxBound ?? 0), namedOnlyCost);

  // The MIP runs only when the starting plan is not already proven optimal by the bounds. Each
  // round's answer is costed exactly on every instant; instants it overloads join the model.
  let best = heuristic;
  let mip: MipOutcome | undefined;
  let mipRounds = 0;
  let mipBound: number | undefined;
  while (hasFree && best.cost > boundBeforeMip && best.cost > (mipBound ?? 0)) {
    if (mipRounds === 0) progress("solving the integer program");
    const model = buildModel(problem, pr, [...chosen], index);
    t.reset(best.named);
    mip = solveModel(model, "mip", startValues(model, problem, best.named, t.peak(), pr));
    mipRounds++;
    if (mip.bound !== undefined && Number.isFinite(mip.bound)) {
      mipBound = Math.max(mipBound ?? 0, fixed + ceilBound(mip.bound) * scale);
    }
    if (!mip.values || !(mip.status === "optimal" || mip.status === "time_limit")) break;
    const fromSolver = evaluate(problem, pr, t, namedFromValues(model, mip.values, problem));
    if (fromSolver.cost < best.cost) best = fromSolver;
    const k = Math.round(mip.values[model.userOfColumn.length] ?? 0);
    // Integer loads: a row is violated by at least 1 unit or not at all.
    const next = worstInstants(problem, shortfalls(t.loads(), k, pr), chosen, cap, 0.5);
    if (next.length === 0 || solverSeconds >= limit) break;
    addRows(next);
  }

  progress("verifying plans");
  let lower = Math.min(Math.max(boundBeforeMip, mipBound ?? 0), namedOnlyCost);
  if (!hasFree) lower = best.cost; // nothing to choose: the plan is forced
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
      seconds: solverSeconds,
      mipSeconds: solverSeconds - relaxationSeconds,
      relaxationSeconds,
      relaxationRounds,
      mipRounds,
    },
    breakEven: ratio(pr.named, pr.concurrent),
    peakTimeMs: totalPeak,
    peakLevel: problem.peakTime.level,
    stats: {
      users: problem.users.length,
      presenceIntervals: problem.presence.length,
      instants: problem.at.length,
      constraints: lastModel?.rows ?? 0,
      variables: lastModel?.columns.length ?? 0,
    },
  });
}
