/**
 * The cost-optimal named/concurrent split. Find the maximal instants, solve the LP relaxation by
 * lazy row generation (rows.ts explains why every round's bound is valid), build a strong
 * starting plan (baselines, LP rounding, heuristic), then solve the integer program on the rows
 * so far with that plan and the remaining time, adding any instant its answer overloads. Report
 * the best plan with a proven lower bound, so every answer says how close to optimal it is.
 *
 * The time limit is a budget of solver work, not of wall-clock seconds: `timeLimitSeconds` ×
 * WORK_PER_SECOND work units, counted the same however busy the machine is, so the same file and
 * limit give the same answer. A solve of a model with z nonzeros that takes i LP iterations costs
 * (1 + i) × z ÷ 1,000 units: loading a model and each simplex iteration both cost about its
 * size. The wall clock is only a safety cap (WALL_CAP_FACTOR × the limit, and at least the limit
 * for each solve, in seconds reported by the solver: core reads no clock). The report says which
 * limit, if any, stopped the search. Every plan's pool is re-checked by an independent sweep and
 * a login replay.
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
import { LiveRows } from "./live-rows.js";
import { MemberIndex } from "./members.js";
import { buildModel, gcd, namedFromValues, type SplitModel, startValues } from "./model.js";
import { type Headroom, type Pricing, poolNeeded, pricing } from "./pricing.js";
import { buildProblem, type SplitProblem } from "./problem.js";
import { shortfalls, weightedLoads, worstInstants } from "./rows.js";
import type { MipOutcome, MipProgress, SolveMip } from "./solver.js";
import { validateSplit } from "./validate.js";

export const DEFAULT_TIME_LIMIT_SECONDS = 10;
/**
 * Work units (LP iterations × thousands of nonzeros) one second of the time limit buys. HiGHS
 * (WASM) did 70,000–117,000 a CPU second on the 20,000-user benchmark's relaxation rounds and
 * 13,000–24,000 on the 5,000-user year's integer program (its root LP is not counted:
 * bench/results/split-scale.md), so a second of limit is 0.5–4 s of CPU, whatever the load.
 */
export const WORK_PER_SECOND = 50_000;

/** A model's size in thousands of nonzeros (at least 1): the cost of one pass over it. */
function passCost(model: SplitModel): number {
  return Math.max(1, model.model.rowColumns.length / 1000);
}
/**
 * The wall-clock cap, as a multiple of the time limit: only a very busy machine reaches it. On
 * this project's 2 cores at a load average of 11–15 a split got 15–20% of a core (CPU ÷ wall),
 * and a cap of 3× stopped a 1-second-limit run early on the clock while its twin, less starved,
 * finished (bench/results/split-scale.md).
 */
export const WALL_CAP_FACTOR = 10;
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
  /** Called as each stage starts and, during long solves, about once a second with the gap. */
  readonly onProgress?: (progress: SplitProgress) => void;
}

export type SplitStage =
  | "reducing"
  | "baselines"
  | "relaxation"
  | "heuristic"
  | "integer_program"
  | "verifying";

/** Where a running split is: its stage and, once known, the best plan and the proven bound. */
export interface SplitProgress {
  readonly stage: SplitStage;
  /** Round of row generation within the stage (relaxation, integer program), from 1. */
  readonly round?: number;
  /** Cost of the best plan so far, in minor units. */
  readonly best?: number;
  /** Proven lower bound on any plan's cost so far, in minor units. */
  readonly bound?: number;
  /**
   * Seconds the solver has run so far, by its own clock: a listener can space its reports by
   * it (core reads no clock, and a front end's "now" may be fixed for the analysis).
   */
  readonly solverSeconds: number;
}

/** A relaxation's answer by user: x of each user with a column, and the pool k. */
interface RelaxedValues {
  readonly users: readonly number[];
  readonly x: readonly number[];
  readonly k: number;
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
    /** The time limit the search ran under (its budget of work is this × WORK_PER_SECOND). */
    readonly timeLimitSeconds: number;
    /** Work units done (LP iterations × thousands of nonzeros), against the time limit's budget. */
    readonly work: number;
    readonly workLimit: number;
    /**
     * Which limit stopped the search before it finished, if one did: "work" (the time limit's
     * budget of LP iterations) or "time" (the wall-clock cap on a very busy machine).
     */
    readonly stoppedBy: "work" | "time" | undefined;
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

  progress({ stage: "reducing", solverSeconds: 0 });
  const problem = buildProblem(
    sessions,
    options.forceNamed ?? new Set(),
    options.forceConcurrent ?? new Set(),
  );
  const t = tracker(problem);
  const cash = (minor: number): Money => money(minor, code);
  const userIndex = new Map(problem.users.map((u, i) => [u, i]));

  progress({ stage: "baselines", solverSeconds: 0 });
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
  const workLimit = Math.round(limit * WORK_PER_SECOND);
  const wallCap = limit * WALL_CAP_FACTOR;
  const cap = options.rowsPerRound ?? DEFAULT_ROWS_PER_ROUND;
  const index = new MemberIndex(problem);
  const scale = gcd(pr.named, pr.concurrent);
  // Every pooled-eligible interval covers some maximal instant, so this is "anything to choose".
  const hasFree = problem.users.some(
    (_, u) => isFree(problem, u) && (problem.userIntervals[u] as Int32Array).length > 0,
  );
  const chosen = new Set<number>();
  let solverSeconds = 0;
  let work = 0;
  let stoppedBy: "work" | "time" | undefined;
  const spent = (): boolean => work >= workLimit || solverSeconds >= wallCap;
  /** Counts a solve's seconds and work (its LP iterations × the model's size) and its limit. */
  const account = (out: MipOutcome, pass: number): MipOutcome => {
    solverSeconds += out.seconds;
    work += Math.round(pass * (1 + (out.work ?? 0)));
    if (out.status === "time_limit") stoppedBy = out.limit ?? "time";
    return out;
  };
  let liveShape: { rows: number; columns: number } | undefined;
  let lastModel: SplitModel | undefined;
  const solveModel = (
    model: SplitModel,
    kind: "mip" | "relaxation",
    start?: readonly number[],
    onProgress?: (p: MipProgress) => void,
  ): MipOutcome => {
    lastModel = model;
    if (model.userOfColumn.length === 0) {
      // Only k is left: its least value is the bound from the variable-free rows.
      const objective = (pr.concurrent / scale) * model.kLower;
      return { status: "optimal", values: [model.kLower], objective, bound: objective, seconds: 0 };
    }
    const pass = passCost(model);
    // At least a little of each budget, so a last round is never asked to do nothing.
    const iterations = Math.max(10, Math.floor((workLimit - work) / pass) - 1);
    const out = solve({
      model: model.model,
      kind,
      ...(start ? { start } : {}),
      // Each solve may take the limit itself on the clock: with less, a busy machine's clock
      // rather than the work budget would stop the last round, and the answer would vary.
      timeLimitSeconds: Math.max(limit, wallCap - solverSeconds),
      workLimit: iterations,
      ...(kind === "mip" ? { integralObjective: true } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    return account(out, pass);
  };
  const addRows = (rows: readonly number[]): void => {
    for (const j of rows) chosen.add(j);
  };

  // Rows to start from: the busiest instant of each hour with everyone pooled, busiest first.
  if (hasFree) addRows(worstInstants(problem, shortfalls(problem.sizes, 0, pr), chosen, cap, 0));

  const bestBaseline = Math.min(...baselineEvals.map((b) => b.e.cost));
  let relaxation: MipOutcome | undefined;
  let relaxationRounds = 0;
  let relaxationUnits: number | undefined;
  let relaxationValues: RelaxedValues | undefined;
  // A live relaxation (rows appended, basis kept) when the solver offers one, else a rebuilt
  // model each round; both see the same instants and give valid bounds.
  const live = hasFree
    ? solve.openRelaxation?.({
        cost: Float64Array.of(pr.concurrent / scale),
        lower: new Float64Array(1),
        upper: Float64Array.of(Number.POSITIVE_INFINITY),
      })
    : undefined;
  const liveRows = live ? new LiveRows(problem, pr, index, live, pr.named / scale) : undefined;
  const relaxRound = (added: readonly number[]): { out: MipOutcome; relaxed?: RelaxedValues } => {
    if (live && liveRows) {
      liveRows.append(added);
      const pass = Math.max(1, liveRows.nonzeros / 1000);
      const out = account(
        live.solve({
          timeLimitSeconds: Math.max(limit, wallCap - solverSeconds),
          workLimit: Math.max(10, Math.floor((workLimit - work) / pass) - 1),
        }),
        pass,
      );
      liveShape = { rows: liveRows.rows, columns: liveRows.users.length + 1 };
      if (!out.values) return { out };
      const x = out.values;
      return {
        out,
        relaxed: {
          users: liveRows.users,
          x: liveRows.users.map((_, c) => x[c + 1] ?? 0),
          k: x[0] ?? 0,
        },
      };
    }
    const model = buildModel(problem, pr, [...chosen], index);
    const out = solveModel(model, "relaxation");
    if (!out.values) return { out };
    const x = out.values;
    const n = model.userOfColumn.length;
    return { out, relaxed: { users: model.userOfColumn, x: x.slice(0, n), k: x[n] ?? 0 } };
  };
  let added = [...chosen];
  while (hasFree) {
    progress({
      stage: "relaxation",
      round: relaxationRounds + 1,
      solverSeconds,
      best: bestBaseline,
      ...(relaxationUnits === undefined ? {} : { bound: relaxationUnits * scale }),
    });
    const round = relaxRound(added);
    relaxation = round.out;
    relaxationRounds++;
    if (relaxation.status !== "optimal" || !round.relaxed || relaxation.bound === undefined) {
      break;
    }
    // A subset's relaxation is a relaxation of the full one: a valid bound every round.
    relaxationUnits = Math.max(relaxationUnits ?? 0, ceilBound(relaxation.bound));
    relaxationValues = round.relaxed;
    const { users, x, k } = round.relaxed;
    const weight = Float64Array.from(problem.users, (_, u) => (problem.forcedNamed[u] ? 0 : 1));
    users.forEach((u, c) => {
      weight[u] = 1 - (x[c] ?? 0);
    });
    const next = worstInstants(
      problem,
      shortfalls(weightedLoads(problem, weight), k, pr),
      chosen,
      cap,
      1e-6 * (1 + Number(pr.factorDen) * k),
    );
    if (next.length === 0 || spent()) break; // every instant holds: full LP solved
    addRows(next);
    added = next;
  }
  live?.dispose();
  const relaxationSeconds = solverSeconds;
  if (relaxationValues) {
    // Rounding the relaxation: name users in order of their fractional x, best prefix exactly.
    const { users, x } = relaxationValues;
    const ranked = users
      .map((u, c) => ({ u, v: x[c] ?? 0 }))
      .filter((r) => r.v > 1e-6)
      .sort(
        (p, q) =>
          q.v - p.v || (problem.onlineMs[q.u] as number) - (problem.onlineMs[p.u] as number),
      )
      .map((r) => r.u);
    seeds.push({ label: "lp_rounding", named: bestPrefix(problem, pr, t, ranked) });
  }

  progress({
    stage: "heuristic",
    solverSeconds,
    best: bestBaseline,
    ...(relaxationUnits === undefined ? {} : { bound: relaxationUnits * scale }),
  });
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
    if (mipRounds === 0 && (spent() || workLimit - work < workLimit / 10)) {
      // The relaxation used (nearly) the whole budget. An integer program cannot be stopped
      // before its first checkpoint (2.5–4.5 s of CPU at the root of the 20,000-user model), so
      // one started on the last scraps would let the clock, not the budget, decide the answer.
      // It starts only with at least a tenth of the budget left.
      stoppedBy = solverSeconds >= wallCap ? "time" : "work";
      break;
    }
    const round = mipRounds + 1;
    const boundSoFar = Math.max(boundBeforeMip, mipBound ?? 0);
    progress({
      stage: "integer_program",
      round,
      solverSeconds,
      best: best.cost,
      bound: boundSoFar,
    });
    const model = buildModel(problem, pr, [...chosen], index);
    t.reset(best.named);
    // The solver's incumbent is a plan for this round's rows only, so it is shown as the best
    // only when it beats the plan held (it is re-costed on every instant after the round).
    const heldCost = best.cost;
    const live = (p: MipProgress): void => {
      const incumbent = p.incumbent === undefined ? heldCost : fixed + p.incumbent * scale;
      const bound = p.bound === undefined ? 0 : fixed + ceilBound(p.bound) * scale;
      progress({
        stage: "integer_program",
        round,
        solverSeconds: solverSeconds + p.seconds,
        best: Math.min(heldCost, incumbent),
        bound: Math.min(Math.max(boundSoFar, bound), heldCost),
      });
    };
    mip = solveModel(model, "mip", startValues(model, problem, best.named, t.peak(), pr), live);
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
    if (next.length === 0 || spent()) break;
    addRows(next);
  }

  progress({ stage: "verifying", solverSeconds });
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
      timeLimitSeconds: limit,
      work,
      workLimit,
      stoppedBy: lower === best.cost ? undefined : stoppedBy,
    },
    breakEven: ratio(pr.named, pr.concurrent),
    peakTimeMs: totalPeak,
    peakLevel: problem.peakTime.level,
    stats: {
      users: problem.users.length,
      presenceIntervals: problem.presence.length,
      instants: problem.at.length,
      constraints: lastModel?.rows ?? liveShape?.rows ?? 0,
      variables: lastModel?.columns.length ?? liveShape?.columns ?? 0,
    },
  });
}
