import { describe, expect, it } from "vitest";
import { bucketFor, costByNamedSeats, onlineOverTime } from "../../src/core/chart-data.js";
import { currency, money } from "../../src/core/money.js";
import { ratio } from "../../src/core/ratio.js";
import type { Session } from "../../src/core/usage.js";

const M = 60_000;
const GBP = currency("GBP");
const s = (user: string, from: number, to: number): Session => ({
  user,
  start: from * M,
  end: to * M,
});

/**
 * Minutes from the epoch:
 *   a [0, 60) and [10, 20) (overlapping: online once)
 *   b [30, 90)
 *   c [45, 50) and [70, 75) (short visits)
 * Number online: 0–30: 1 · 30–45: 2 · 45–50: 3 · 50–60: 2 · 60–70: 1 · 70–75: 2 · 75–90: 1.
 */
const sessions = [s("a", 0, 60), s("a", 10, 20), s("b", 30, 90), s("c", 45, 50), s("c", 70, 75)];

describe("onlineOverTime", () => {
  it("keeps the maximum of each 15-minute bucket, so a 5-minute peak shows", () => {
    const series = onlineOverTime(sessions, { bucketMs: 15 * M });
    // Buckets [0,15) 1 · [15,30) 1 · [30,45) 2 · [45,60) max(3, 2) = 3 ·
    // [60,75) max(1, 2) = 2 · [75,90) 1. The last logout is at 90, so 6 buckets.
    expect(series.buckets.map((b) => b.start / M)).toEqual([0, 15, 30, 45, 60, 75]);
    expect(series.buckets.map((b) => b.online)).toEqual([1, 1, 2, 3, 2, 1]);
    expect(series.buckets.every((b) => b.pooled === undefined)).toBe(true);
    expect(series.peak).toBe(3);
    expect(series.pooledPeak).toBeUndefined();
    expect(series.bucketMs).toBe(15 * M);
  });

  it("counts the people outside the named set as what the pool carries", () => {
    const series = onlineOverTime(sessions, { bucketMs: 15 * M, named: new Set(["a"]) });
    // Pooled b and c: 30–45: 1 · 45–50: 2 · 50–70: 1 · 70–75: 2 · 75–90: 1.
    // Buckets: 0 · 0 · 1 · 2 · 2 · 1.
    expect(series.buckets.map((b) => b.pooled)).toEqual([0, 0, 1, 2, 2, 1]);
    expect(series.pooledPeak).toBe(2);
    expect(series.peak).toBe(3);
  });

  it("aligns buckets to the clock, not the first login", () => {
    // One session [20, 40): buckets [15,30) and [30,45), both 1.
    const series = onlineOverTime([s("a", 20, 40)], { bucketMs: 15 * M });
    expect(series.buckets.map((b) => [b.start / M, b.online])).toEqual([
      [15, 1],
      [30, 1],
    ]);
  });

  it("gives an empty series for no sessions", () => {
    const series = onlineOverTime([], { named: new Set() });
    expect(series.buckets).toEqual([]);
    expect(series.peak).toBe(0);
    expect(series.pooledPeak).toBe(0);
  });

  it("picks 1-minute buckets for 90 minutes and 15-minute buckets for 30 days", () => {
    // 90 min: 91 one-minute buckets ≤ 3,000. 30 days = 43,200 min: 1 min → 43,201, 5 min →
    // 8,641, 15 min → 2,881 ≤ 3,000.
    expect(bucketFor(90 * M)).toBe(M);
    expect(bucketFor(30 * 1440 * M)).toBe(15 * M);
    expect(onlineOverTime(sessions).bucketMs).toBe(M);
  });
});

describe("costByNamedSeats", () => {
  // Peak 3, so peak-relevant time is ≥ 2 online: [30, 60) and [70, 75) = 35 min.
  // Share of it: a 30 min, b 30 + 5 = 35 min, c 5 + 5 = 10 min.
  const rates = { namedRate: money(100, GBP), concurrentRate: money(150, GBP) };

  it("names the plan's users first, then the rest by peak share, each pool exact", () => {
    const curve = costByNamedSeats(sessions, { ...rates, named: ["a"] });
    // Order a (plan), b (35 min), c (10 min).
    // n=0: pool 3 → 3 × 150 = 450
    // n=1 {a}: b, c pooled, peak 2 (45–50, 70–75) → 100 + 2 × 150 = 400
    // n=2 {a,b}: c pooled, peak 1 → 200 + 150 = 350
    // n=3: nobody pooled, no pool → 300
    expect(curve.points.map((p) => [p.named, p.pool, p.cost.minor])).toEqual([
      [0, 3, 450],
      [1, 2, 400],
      [2, 1, 350],
      [3, 0, 300],
    ]);
    expect(curve.planIndex).toBe(1);
    expect(curve.cheapestIndex).toBe(3);
    expect(curve.points[0]?.cost.currency).toBe("GBP");
  });

  it("orders the rest by share of peak time, not hours online", () => {
    // Plan {c}: then b (35 min of peak time) before a (30 min), though a is online 60 min.
    // n=1 {c}: a, b pooled, peak 2 (30–60) → 100 + 300 = 400
    // n=2 {c,b}: a pooled, peak 1 → 200 + 150 = 350
    const curve = costByNamedSeats(sessions, { ...rates, named: ["c"] });
    expect(curve.points.map((p) => p.pool)).toEqual([3, 2, 1, 0]);
    expect(curve.planIndex).toBe(1);
    // Naming b second: had a been second, b and c would both be pooled (peak 2, not 1).
    expect(curve.points[2]?.cost.minor).toBe(350);
  });

  it("adds headroom seats to every pool but never to an empty pool", () => {
    // +1 seat: pools 4, 3, 2 and 0 (nobody pooled).
    // Costs 600, 100 + 450 = 550, 200 + 300 = 500, 300.
    const curve = costByNamedSeats(sessions, { ...rates, named: ["a"], headroom: { seats: 1 } });
    expect(curve.points.map((p) => [p.pool, p.cost.minor])).toEqual([
      [4, 600],
      [3, 550],
      [2, 500],
      [0, 300],
    ]);
  });

  it("rounds percentage headroom up to whole seats", () => {
    // 50%: ⌈3 × 1.5⌉ = 5, ⌈2 × 1.5⌉ = 3, ⌈1 × 1.5⌉ = 2.
    const curve = costByNamedSeats(sessions, {
      ...rates,
      named: [],
      headroom: { percent: ratio(1, 2) },
    });
    expect(curve.points.map((p) => p.pool)).toEqual([5, 3, 2, 0]);
    expect(curve.planIndex).toBe(0);
  });

  it("starts at the forced-named users and never names forced-concurrent ones", () => {
    // a forced named, "z" forced named without sessions, c forced concurrent.
    // n=2 {z,a}: b, c pooled, peak 2 → 200 + 300 = 500
    // n=3 {z,a,b}: c pooled, peak 1 → 300 + 150 = 450
    const curve = costByNamedSeats(sessions, {
      ...rates,
      named: ["a", "z"],
      forceNamed: new Set(["a", "z"]),
      forceConcurrent: new Set(["c"]),
    });
    expect(curve.points.map((p) => [p.named, p.pool, p.cost.minor])).toEqual([
      [2, 2, 500],
      [3, 1, 450],
    ]);
    expect(curve.planIndex).toBe(0);
  });

  it("leaves the plan unmarked when its set is not on the curve", () => {
    // "zz" has no sessions and is not forced: no prefix of the order is {zz}.
    const curve = costByNamedSeats(sessions, { ...rates, named: ["zz"] });
    expect(curve.planIndex).toBeUndefined();
    expect(curve.points).toHaveLength(4);
  });
});
