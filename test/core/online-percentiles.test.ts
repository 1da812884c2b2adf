import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseConcurrency } from "../../src/core/concurrency.js";
import { onlinePercentiles } from "../../src/core/online-percentiles.js";
import type { Session } from "../../src/core/usage.js";

const MONDAY = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const session = (user: string, from: number, to: number): Session => ({
  user,
  start: MONDAY + from * HOUR,
  end: MONDAY + to * HOUR,
});

/*
 * Monday: a 09–17, b 09–16, c 10–12; Tuesday: d 09–10 (hours from Monday 00:00; d is 33–34).
 * Online: 09–10 two, 10–12 three, 12–16 two, 16–17 one; 17:00 Mon – 09:00 Tue nobody (16 h);
 * Tue 09–10 one. Window 25 h: 0 for 16 h, 1 for 2 h, 2 for 5 h, 3 for 2 h.
 * Over the log (25 h): ≤0 64%, ≤1 72%, ≤2 92%, ≤3 100% → P50 0, P90 2, P95 3, P99 3.
 * While anyone is online (9 h): ≤1 2/9 = 22%, ≤2 7/9 = 78%, ≤3 100% → P50 2, P90 3, P95 3, P99 3.
 */
const office = [
  session("a", 9, 17),
  session("b", 9, 16),
  session("c", 10, 12),
  session("d", 33, 34),
];

const levels = (ps: readonly { p: number; level: number }[]) =>
  Object.fromEntries(ps.map((x) => [`p${x.p}`, x.level]));

describe("onlinePercentiles (only while anyone is online)", () => {
  const r = analyseConcurrency(office);
  if (!r.ok) throw new Error("analysis failed");

  it("matches the hand-computed levels, beside the log-wide ones", () => {
    expect(levels(r.value.percentiles)).toEqual({ p50: 0, p90: 2, p95: 3, p99: 3 });
    const online = onlinePercentiles(r.value.atOrAbove);
    expect(online.onlineMs).toBe(9 * HOUR);
    expect(levels(online.percentiles)).toEqual({ p50: 2, p90: 3, p95: 3, p99: 3 });
  });

  it("takes the lower level when a share is met exactly (1 for 1 h, 2 for 1 h: P50 is 1)", () => {
    const online = onlinePercentiles([
      { level: 1, ms: 2 * HOUR },
      { level: 2, ms: HOUR },
    ]);
    expect(levels(online.percentiles)).toEqual({ p50: 1, p90: 2, p95: 2, p99: 2 });
  });

  it("is 0 throughout when nobody was online", () => {
    expect(onlinePercentiles([])).toEqual({
      onlineMs: 0,
      percentiles: [
        { p: 50, level: 0 },
        { p: 90, level: 0 },
        { p: 95, level: 0 },
        { p: 99, level: 0 },
      ],
    });
  });

  it("equals the log-wide percentile when the log has no idle time, and is never below it", () => {
    const sessions = fc.array(
      fc
        .record({
          user: fc.constantFrom("a", "b", "c", "d", "e"),
          from: fc.nat(200),
          len: fc.integer({ min: 1, max: 60 }),
        })
        .map(({ user, from, len }) => ({
          user,
          start: MONDAY + from * 60_000,
          end: MONDAY + (from + len) * 60_000,
        })),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(sessions, (list) => {
        const c = analyseConcurrency(list);
        if (!c.ok) return false;
        const online = onlinePercentiles(c.value.atOrAbove);
        const total = c.value.window ? c.value.window.end - c.value.window.start : 0;
        return c.value.percentiles.every((p, i) => {
          const o = online.percentiles[i]?.level ?? -1;
          return o >= p.level && (online.onlineMs !== total || o === p.level);
        });
      }),
    );
  });
});
