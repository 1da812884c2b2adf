/**
 * What a plan costs and how big its pool must be. Headroom is extra pool on top of the measured
 * peak of pooled users: a percentage (rounded up to whole seats) and/or a number of seats. A plan
 * that pools nobody needs no pool at all, headroom or not.
 */
import type { Ratio } from "../ratio.js";

export interface Headroom {
  /** Extra share of the pooled peak, e.g. 1/10 for 10%; rounded up to whole seats. */
  readonly percent?: Ratio;
  /** Extra seats on top. */
  readonly seats?: number;
}

export interface Pricing {
  /** Named rate in minor units (per user, per period). */
  readonly named: number;
  /** Concurrent rate in minor units (per pool seat, same period). */
  readonly concurrent: number;
  /** Pool factor 1 + percent headroom as an exact fraction num/den. */
  readonly factorNum: bigint;
  readonly factorDen: bigint;
  readonly extraSeats: number;
}

export function pricing(named: number, concurrent: number, headroom: Headroom = {}): Pricing {
  const p = headroom.percent;
  return {
    named,
    concurrent,
    factorNum: p ? p.den + p.num : 1n,
    factorDen: p ? p.den : 1n,
    extraSeats: headroom.seats ?? 0,
  };
}

/** Pool seats needed when `load` pooled users are online at the busiest instant. */
export function poolNeeded(load: number, pr: Pricing): number {
  if (load <= 0) return 0;
  const scaled = BigInt(load) * pr.factorNum;
  const ceil = (scaled + pr.factorDen - 1n) / pr.factorDen;
  return Number(ceil) + pr.extraSeats;
}

/** Cost in minor units; exact because every term is an integer far below 2^53. */
export function planCost(namedCount: number, pool: number, pr: Pricing): number {
  return pr.named * namedCount + pr.concurrent * pool;
}
