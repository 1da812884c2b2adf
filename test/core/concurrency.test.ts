import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseConcurrency, defaultPoolSizes, NO_GROUP } from "../../src/core/concurrency.js";
import { replayPool } from "../../src/core/replay.js";
import { mergePresence } from "../../src/core/timeline.js";
import type { Session } from "../../src/core/usage.js";

const MONDAY = Date.UTC(2024, 0, 1); // 2024-01-01 was a Monday
const MIN = 60_000;
const at = (minutes: number): number => MONDAY + minutes * MIN;
const session = (user: string, from: number, to: number): Session => ({
  user,
  start: at(from),
  end: at(to),
});

// a online 0–60 (plus an overlapping second window 10–20, counted once), b 30–90, c 100–120.
// Number online: 0–30: 1, 30–60: 2, 60–90: 1, 90–100: 0, 100–120: 1. Window 0–120 (120 min).
const three = [
  session("a", 0, 60),
  session("a", 10, 20),
  session("b", 30, 90),
  session("c", 100, 120),
];

describe("analyseConcurrency on three users, two overlapping", () => {
  const r = analyseConcurrency(three, {
    groups: new Map([
      ["a", "desk"],
      ["b", "desk"],
    ]),
  });
  if (!r.ok) throw new Error("expected ok");
  const report = r.value;

  it("finds the peak of 2 at minute 30, held for 30 minutes", () => {
    expect(report.peak).toBe(2);
    expect(report.peakAt).toBe(at(30));
    expect(report.peakMs).toBe(30 * MIN);
    expect(report.users).toBe(3);
    expect(report.presenceIntervals).toBe(3); // a's two windows merge into one
  });

  it("gives time-weighted percentiles", () => {
    // Time at 0: 10 min, at 1: 30+30+20 = 80 min, at 2: 30 min. Cumulative ≤0: 10/120 = 8.3%,
    // ≤1: 90/120 = 75%, ≤2: 100%. So P50 = 1; P90, P95, P99 = 2.
    expect(report.percentiles).toEqual([
      { p: 50, level: 1 },
      { p: 90, level: 2 },
      { p: 95, level: 2 },
      { p: 99, level: 2 },
    ]);
  });

  it("gives the minutes at or above each level", () => {
    // ≥1: 120 − 10 idle = 110 min; ≥2: 30 min.
    expect(report.atOrAbove).toEqual([
      { level: 1, ms: 110 * MIN },
      { level: 2, ms: 30 * MIN },
    ]);
  });

  it("gives the peak per group, users without a group under their own heading", () => {
    expect(report.groups).toEqual([
      { group: "desk", users: 2, peak: 2, at: at(30) },
      { group: NO_GROUP, users: 1, peak: 1, at: at(100) },
    ]);
  });

  it("replays smaller pools: a pool of 1 refuses b's login for its 60 minutes", () => {
    // Pool 1: a takes the slot at 0; b's login at 30 is refused (b would have been on 30–90);
    // c logs in at 100 after a left at 60.
    expect(report.whatIf).toEqual([
      { poolSize: 2, refusedLogins: 0, usersAffected: 0, refusedMs: 0 },
      { poolSize: 1, refusedLogins: 1, usersAffected: 1, refusedMs: 60 * MIN },
    ]);
  });

  it("profiles hour-of-week in UTC", () => {
    // Mon 00:00–01:00: 30 min at 1 + 30 min at 2 → mean 1.5, peak 2.
    // Mon 01:00–02:00: 30 min at 1, 10 at 0, 20 at 1 → mean 50/60, peak 1.
    expect(report.utcOffsetMinutes).toBe(0);
    expect(report.hourOfWeek).toHaveLength(168);
    expect(report.hourOfWeek[0]).toMatchObject({ day: "Mon", hour: 0, peak: 2, mean: 1.5 });
    expect(report.hourOfWeek[1]?.peak).toBe(1);
    expect(report.hourOfWeek[1]?.mean).toBeCloseTo(50 / 60, 12);
    expect(report.hourOfWeek[1]?.observedMs).toBe(60 * MIN);
    expect(report.hourOfWeek[2]?.observedMs).toBe(0);
  });
});

describe("analyseConcurrency conventions", () => {
  it("shifts the hour-of-week profile by a fixed UTC offset", () => {
    const r = analyseConcurrency(three, { utcOffsetMinutes: 60 });
    expect(r.ok && r.value.hourOfWeek[1]).toMatchObject({ day: "Mon", hour: 1, peak: 2 });
    // Sunday 23:00 UTC is Monday 00:00 at UTC+1; Sunday 23:30 UTC at UTC−1 is Sunday 22:30.
    const late = [session("x", -30, -20)];
    const west = analyseConcurrency(late, { utcOffsetMinutes: -60 });
    expect(west.ok && west.value.hourOfWeek[167 - 1]?.peak).toBe(1);
  });

  it("does not count a logout and a login at the same instant as overlapping", () => {
    const r = analyseConcurrency([session("a", 0, 60), session("b", 60, 90)]);
    expect(r.ok && r.value.peak).toBe(1);
  });

  it("reports an empty log as peak 0 with no window", () => {
    const r = analyseConcurrency([]);
    expect(r.ok && r.value).toMatchObject({ peak: 0, peakAt: undefined, window: undefined });
  });

  it("defaults what-if sizes from the peak down to half of it, at most 25", () => {
    expect(defaultPoolSizes(4)).toEqual([4, 3, 2]);
    expect(defaultPoolSizes(0)).toEqual([0]);
    expect(defaultPoolSizes(100).length).toBeLessThanOrEqual(26);
    expect(defaultPoolSizes(100)[0]).toBe(100);
  });

  it.each([
    [{ utcOffsetMinutes: 1.5 }, "concurrency.bad_offset"],
    [{ utcOffsetMinutes: 15 * 60 }, "concurrency.bad_offset"],
    [{ poolSizes: [-1] }, "concurrency.bad_pool"],
    [{ window: { start: 10, end: 10 } }, "concurrency.bad_window"],
  ])("rejects bad options %j", (options, code) => {
    const r = analyseConcurrency(three, options);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]?.code).toBe(code);
  });

  it("says what is wrong with a pool size", () => {
    const r = analyseConcurrency(three, { poolSizes: [2.5] });
    expect(!r.ok && r.issues[0]?.message).toBe("pool size 2.5 is not a whole number ≥ 0");
  });
});

const sessionsArb = fc.array(
  fc
    .record({
      user: fc.constantFrom("u1", "u2", "u3", "u4", "u5", "u6"),
      from: fc.integer({ min: 0, max: 500 }),
      length: fc.integer({ min: 0, max: 120 }),
    })
    .map(({ user, from, length }) => session(user, from, from + length)),
  { maxLength: 40 },
);

/** Brute force: number of distinct users online at minute t. */
function onlineAt(sessions: readonly Session[], t: number): number {
  return new Set(sessions.filter((s) => s.start <= t && t < s.end).map((s) => s.user)).size;
}

describe("concurrency properties", () => {
  it("peak equals the brute-force maximum over every login instant", () => {
    fc.assert(
      fc.property(sessionsArb, (sessions) => {
        const r = analyseConcurrency(sessions);
        if (!r.ok) return false;
        const brute = Math.max(0, ...sessions.map((s) => onlineAt(sessions, s.start)));
        return r.value.peak === brute;
      }),
    );
  });

  it("percentiles are monotone and at most the peak; time at or above falls with the level", () => {
    fc.assert(
      fc.property(sessionsArb, (sessions) => {
        const r = analyseConcurrency(sessions);
        if (!r.ok) return false;
        const levels = r.value.percentiles.map((p) => p.level);
        const ms = r.value.atOrAbove.map((l) => l.ms);
        return (
          levels.every((l, i) => i === 0 || l >= (levels[i - 1] as number)) &&
          levels.every((l) => l <= r.value.peak) &&
          ms.every((m, i) => m > 0 && (i === 0 || m <= (ms[i - 1] as number)))
        );
      }),
    );
  });

  it("refuses nothing at the peak pool size, and refusals never fall as the pool shrinks", () => {
    fc.assert(
      fc.property(sessionsArb, (sessions) => {
        const r = analyseConcurrency(sessions);
        if (!r.ok) return false;
        const presence = mergePresence(sessions);
        const atPeak = replayPool(presence, r.value.peak);
        const below = r.value.peak > 0 ? replayPool(presence, r.value.peak - 1) : atPeak;
        return (
          atPeak.refusedLogins === 0 &&
          (r.value.peak === 0 || below.refusedLogins > 0) &&
          replayPool(presence, 0).refusedLogins === presence.length
        );
      }),
    );
  });

  it("no group peaks above the overall peak", () => {
    fc.assert(
      fc.property(sessionsArb, (sessions) => {
        const groups = new Map([
          ["u1", "g"],
          ["u2", "g"],
          ["u3", "h"],
        ]);
        const r = analyseConcurrency(sessions, { groups });
        return r.ok && r.value.groups.every((g) => g.peak <= r.value.peak);
      }),
    );
  });
});
