import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseConcurrency } from "../../src/core/concurrency.js";
import { replayPool, replayPools } from "../../src/core/replay.js";
import { mergePresence, stepsOf } from "../../src/core/timeline.js";
import { type Session, type SessionColumns, sessionColumnsOf } from "../../src/core/usage.js";
import { mergeReference } from "./merge-reference.js";

/*
 * The concurrency analysis reads a big log as flat columns (user ids, starts, ends and a names
 * table) instead of one object per session. On any log the answer must be exactly the one the
 * object path gives, and its parts what the straightforward Map-and-comparator versions give.
 */
/** The same log's columns with ids renumbered and unused names in the table (as a reader gives). */
function scrambledColumns(sessions: readonly Session[], salt: number): SessionColumns {
  const plain = sessionColumnsOf(sessions);
  const extra = ["zz-unused", "A-unused", "m-unused"];
  const names = [...extra.slice(0, salt % 4), ...[...plain.names].reverse()];
  const offset = salt % 4;
  const users = plain.users.map((id) => offset + (plain.names.length - 1 - id));
  return { users, starts: plain.starts, ends: plain.ends, names };
}

const USERS = ["a", "B", "b", "ab", "a b", "Zoë", "zoe", "é"];
const session = fc
  .record({
    user: fc.constantFrom(...USERS),
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: -2, max: 15 }),
    scale: fc.constantFrom(1, 60_000),
  })
  .map(({ user, start, length, scale }) => ({
    user,
    start: 1_772_409_600_000 + start * scale,
    end: 1_772_409_600_000 + (start + length) * scale,
  }));

describe("concurrency on flat columns gives the object path's answer", () => {
  it("same report from Session[], its columns, and renumbered columns with unused names", () => {
    fc.assert(
      fc.property(
        fc.array(session, { maxLength: 60 }),
        fc.nat(7),
        fc.boolean(),
        (sessions, salt, sorted) => {
          const log = sorted ? [...sessions].sort((a, b) => a.start - b.start) : sessions;
          const groups = new Map(USERS.slice(0, salt).map((u, i) => [u, `g${i % 3}`]));
          const options = salt % 2 === 0 ? { groups } : { utcOffsetMinutes: 60 };
          const fromObjects = analyseConcurrency(log, options);
          expect(analyseConcurrency(sessionColumnsOf(log), options)).toEqual(fromObjects);
          expect(analyseConcurrency(scrambledColumns(log, salt), options)).toEqual(fromObjects);
          if (!fromObjects.ok) return;
          const r = fromObjects.value;
          // Its parts against the straightforward versions.
          const presence = mergeReference(log);
          expect(mergePresence(log)).toEqual(presence);
          expect(r.presenceIntervals).toBe(presence.length);
          expect(r.users).toBe(new Set(presence.map((p) => p.user)).size);
          expect(r.steps).toEqual(stepsOf(presence));
          expect(r.peak).toBe(Math.max(0, ...stepsOf(presence).counts));
          expect(r.whatIf).toEqual(
            replayPools(
              presence,
              r.whatIf.map((w) => w.poolSize),
            ),
          );
          for (const g of r.groups.filter((x) => x.group !== "(no group)" && groups.size > 0)) {
            const own = presence.filter((p) => groups.get(p.user) === g.group);
            expect(g.users).toBe(new Set(own.map((p) => p.user)).size);
            expect(g.peak).toBe(Math.max(0, ...stepsOf(own).counts));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("replays up to 32 pool sizes in one pass exactly as one pass per size", () => {
    // Many users and sessions, so most logins come below the smallest pool (the shared count)
    // and the rest visit every size; sizes from 0 to past the peak, 32 in one chunk and more.
    const many = fc.record({
      user: fc.integer({ min: 0, max: 60 }).map((u) => `u${u}`),
      start: fc.integer({ min: 0, max: 500 }),
      length: fc.integer({ min: 1, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(many, { minLength: 1, maxLength: 300 }), fc.nat(40), (raw, shift) => {
        const presence = mergePresence(raw.map((s) => ({ ...s, end: s.start + s.length })));
        const sizes = Array.from({ length: 40 }, (_, k) => (k * 3 + shift) % 45);
        expect(replayPools(presence, sizes)).toEqual(sizes.map((k) => replayPool(presence, k)));
      }),
      { numRuns: 200 },
    );
  });

  it("a hand-checked log: two users, one overlap merged, peak 2 for 30 minutes", () => {
    // a 09:00–10:00 and 09:30–10:30 merge to 09:00–10:30; b 10:00–11:00.
    // Online: 09:00–10:00 one, 10:00–10:30 two, 10:30–11:00 one. Peak 2 at 10:00 for 30 min.
    const t = (h: number, m: number) => Date.UTC(2026, 2, 2, h, m);
    const columns: SessionColumns = {
      users: Int32Array.from([0, 0, 1]),
      starts: Float64Array.from([t(9, 0), t(9, 30), t(10, 0)]),
      ends: Float64Array.from([t(10, 0), t(10, 30), t(11, 0)]),
      names: ["a@x.com", "b@x.com"],
    };
    const r = analyseConcurrency(columns);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.users).toBe(2);
    expect(r.value.presenceIntervals).toBe(2);
    expect(r.value.peak).toBe(2);
    expect(r.value.peakAt).toBe(t(10, 0));
    expect(r.value.peakMs).toBe(30 * 60_000);
    // Pool of 1: b's login at 10:00 is refused (a holds the slot until 10:30): 1 login, 60 min.
    expect(r.value.whatIf.find((w) => w.poolSize === 1)).toEqual({
      poolSize: 1,
      refusedLogins: 1,
      usersAffected: 1,
      refusedMs: 60 * 60_000,
    });
  });
});
