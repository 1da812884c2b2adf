/**
 * The numbers behind the two charts of a session-log reply (shown under the answer when a file is
 * dropped into a channel): people online over time with the pool the plan buys, and the annual cost against the
 * number of named seats. Pure: the charts module only draws what this returns.
 */
import { type Money, money } from "./money.js";
import { LoadTracker } from "./split/loads.js";
import { type Headroom, planCost, poolNeeded, pricing } from "./split/pricing.js";
import { buildProblem } from "./split/problem.js";
import { compareText, mergePresence, peakOf, type Steps, stepsOf } from "./timeline.js";
import type { Session } from "./usage.js";

const MINUTE = 60_000;
/** Bucket widths tried in order; every real UTC offset is a whole number of 15 minutes. */
const BUCKETS_MS = [1, 5, 15, 30, 60, 120, 360, 1440].map((m) => m * MINUTE);
/** About a month of 15-minute buckets (2,976 for 31 days): more points than a chart has pixels. */
export const MAX_BUCKETS = 3_000;

/** The most people online at any instant of [start, start + bucket). */
export interface OnlineBucket {
  readonly start: number;
  readonly online: number;
  /** The most people outside the named set online at once: what the pool must carry. */
  readonly pooled: number | undefined;
}

export interface OnlineSeries {
  readonly bucketMs: number;
  readonly buckets: readonly OnlineBucket[];
  /** Highest number online at once (the highest bucket, since buckets keep maxima). */
  readonly peak: number;
  /** Highest number of pooled people online at once; undefined without a named set. */
  readonly pooledPeak: number | undefined;
}

/** The narrowest bucket that keeps the series within MAX_BUCKETS. */
export function bucketFor(spanMs: number): number {
  for (const b of BUCKETS_MS) if (Math.ceil(spanMs / b) + 1 <= MAX_BUCKETS) return b;
  return Math.ceil(spanMs / (MAX_BUCKETS - 1) / MINUTE) * MINUTE;
}

/**
 * Maximum of a step function per bucket, so a peak shorter than a bucket is never averaged away.
 * Buckets are aligned to multiples of `bucketMs` from the epoch. A step covers [times[i],
 * times[i + 1]), so it touches buckets ⌊times[i]⌋ .. ⌊times[i + 1] − 1⌋: O(steps + buckets).
 */
function bucketMaxima(steps: Steps, first: number, count: number, bucketMs: number): number[] {
  const out = new Array<number>(count).fill(0);
  const { times, counts } = steps;
  for (let i = 0; i + 1 < times.length; i++) {
    const c = counts[i] as number;
    if (c === 0) continue;
    const lo = Math.floor((times[i] as number) / bucketMs) - first;
    const hi = Math.floor(((times[i + 1] as number) - 1) / bucketMs) - first;
    for (let b = Math.max(0, lo); b <= Math.min(count - 1, hi); b++) {
      if (c > (out[b] as number)) out[b] = c;
    }
  }
  return out;
}

/**
 * People online over time, each bucket its maximum. With `named`, also the people outside that
 * set (the pooled users), whose maximum is what the plan's pool must hold.
 */
export function onlineOverTime(
  sessions: readonly Session[],
  options: { readonly named?: ReadonlySet<string>; readonly bucketMs?: number } = {},
): OnlineSeries {
  const presence = mergePresence(sessions);
  const named = options.named;
  const pooledSteps = named ? stepsOf(presence.filter((p) => !named.has(p.user))) : undefined;
  return onlineSeriesOf(stepsOf(presence), {
    ...(pooledSteps ? { pooled: pooledSteps } : {}),
    ...(options.bucketMs !== undefined ? { bucketMs: options.bucketMs } : {}),
  });
}

/**
 * onlineOverTime from a step function already measured (the concurrency analysis has one), so
 * drawing the chart does not merge and sweep the log a second time. `pooled`: the steps of the
 * people outside the named set.
 */
export function onlineSeriesOf(
  steps: Steps,
  options: { readonly pooled?: Steps; readonly bucketMs?: number } = {},
): OnlineSeries {
  const { times } = steps;
  const pooledSteps = options.pooled;
  if (times.length === 0) {
    return {
      bucketMs: options.bucketMs ?? BUCKETS_MS[2] ?? MINUTE,
      buckets: [],
      peak: 0,
      pooledPeak: pooledSteps ? 0 : undefined,
    };
  }
  const start = times[0] as number;
  const end = times[times.length - 1] as number; // the last step: everyone has left
  const bucketMs = options.bucketMs ?? bucketFor(end - start);
  const first = Math.floor(start / bucketMs);
  const count = Math.floor((end - 1) / bucketMs) - first + 1;
  const online = bucketMaxima(steps, first, count, bucketMs);
  const pooled = pooledSteps ? bucketMaxima(pooledSteps, first, count, bucketMs) : undefined;
  return {
    bucketMs,
    buckets: online.map((n, b) => ({
      start: (first + b) * bucketMs,
      online: n,
      pooled: pooled?.[b],
    })),
    peak: peakOf(steps).peak,
    pooledPeak: pooledSteps ? peakOf(pooledSteps).peak : undefined,
  };
}

/** One plan on the cost curve: the first `named` users of the order named, everyone else pooled. */
export interface CostPoint {
  readonly named: number;
  /** The exact pool the rest need: their peak online at once, plus any headroom. */
  readonly pool: number;
  readonly cost: Money;
}

export interface CostCurve {
  /** One point per named count, from the policy minimum (forced named) to everyone allowed. */
  readonly points: readonly CostPoint[];
  /** Index in `points` of the plan that names exactly the given set; undefined if not on the curve. */
  readonly planIndex: number | undefined;
  /** Index of the cheapest point (the first one, on ties). */
  readonly cheapestIndex: number;
}

export interface CostCurveOptions {
  /** The plan to mark (the optimum's named users). Named first on the curve. */
  readonly named: readonly string[];
  /** Per-seat rates for the same period (annual in replies). */
  readonly namedRate: Money;
  readonly concurrentRate: Money;
  readonly headroom?: Headroom;
  readonly forceNamed?: ReadonlySet<string>;
  readonly forceConcurrent?: ReadonlySet<string>;
}

/**
 * Annual cost against the number of named seats. Users are named one at a time: forced-named
 * users first (every plan names them), then the plan's named users, then everyone else, each group
 * by share of peak-relevant time, then hours online, most first (ties by key). Forced-concurrent
 * users are never named. So the curve passes through the plan itself, and each point's pool is
 * exact: the tracker holds the peak of the pooled users over every locally maximal instant.
 */
export function costByNamedSeats(sessions: readonly Session[], o: CostCurveOptions): CostCurve {
  const problem = buildProblem(sessions, o.forceNamed ?? new Set(), o.forceConcurrent ?? new Set());
  const pr = pricing(o.namedRate.minor, o.concurrentRate.minor, o.headroom);
  const planNamed = new Set(o.named);
  const rank = (u: number): number =>
    problem.forcedNamed[u] ? 0 : planNamed.has(problem.users[u] as string) ? 1 : 2;
  const peakMs = (u: number): number =>
    problem.peakTime.userMs.get(problem.users[u] as string) ?? 0;
  const order = problem.users
    .map((_, u) => u)
    .filter((u) => !problem.forcedConcurrent[u])
    .sort(
      (x, y) =>
        rank(x) - rank(y) ||
        peakMs(y) - peakMs(x) ||
        (problem.onlineMs[y] as number) - (problem.onlineMs[x] as number) ||
        compareText(problem.users[x] as string, problem.users[y] as string),
    );
  const t = new LoadTracker(problem);
  t.reset(problem.forcedNamed);
  const absent = problem.namedWithoutSessions.length;
  const points: CostPoint[] = [];
  const push = (): void => {
    const named = t.namedCount() + absent;
    const pool = poolNeeded(t.peak(), pr);
    points.push({ named, pool, cost: money(planCost(named, pool, pr), o.namedRate.currency) });
  };
  push();
  for (const u of order) {
    if (problem.forcedNamed[u]) continue; // already named in the first point
    t.name(u);
    push();
  }
  // The plan is the point whose named count matches, provided its set is a prefix of the order.
  const planSize = planNamed.size;
  const prefix = new Set(
    [...problem.namedWithoutSessions, ...order.map((u) => problem.users[u] as string)].slice(
      0,
      planSize,
    ),
  );
  const onCurve = [...planNamed].every((u) => prefix.has(u));
  const planIndex = onCurve ? points.findIndex((p) => p.named === planSize) : -1;
  let cheapestIndex = 0;
  points.forEach((p, i) => {
    if (p.cost.minor < (points[cheapestIndex] as CostPoint).cost.minor) cheapestIndex = i;
  });
  return { points, planIndex: planIndex >= 0 ? planIndex : undefined, cheapestIndex };
}
