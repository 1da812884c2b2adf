import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replayPool, replayPools } from "../../src/core/replay.js";
import { orderByTime, orderByTimeThenUser, userRanks } from "../../src/core/time-order.js";
import { compareText, mergePresence, type Presence, stepsOf } from "../../src/core/timeline.js";
import { mergeReference } from "./merge-reference.js";

/*
 * The usage analyses' sweeps were rewritten on flat arrays and packed numeric sorts for
 * million-row logs. These are the straightforward versions they replaced (object arrays, Map
 * buckets, comparator sorts); on any log the fast versions must give exactly the same answers.
 */
function stepsReference(presence: readonly Presence[]) {
  const deltas = new Map<number, number>();
  for (const p of presence) {
    deltas.set(p.start, (deltas.get(p.start) ?? 0) + 1);
    deltas.set(p.end, (deltas.get(p.end) ?? 0) - 1);
  }
  const times: number[] = [];
  const counts: number[] = [];
  let online = 0;
  for (const t of [...deltas.keys()].sort((a, b) => a - b)) {
    online += deltas.get(t) ?? 0;
    if (counts.length > 0 && counts[counts.length - 1] === online) continue;
    times.push(t);
    counts.push(online);
  }
  return { times, counts };
}

function replayReference(presence: readonly Presence[], poolSize: number) {
  const order: number[] = [];
  for (let i = 0; i < presence.length; i++) order.push(2 * i, 2 * i + 1);
  const p = (e: number) => presence[e >> 1] as Presence;
  const at = (e: number) => (e & 1 ? p(e).start : p(e).end);
  order.sort((x, y) => at(x) - at(y) || (x & 1) - (y & 1) || compareText(p(x).user, p(y).user));
  const admitted = new Set<number>();
  const affected = new Set<string>();
  let inUse = 0;
  let refusedLogins = 0;
  let refusedMs = 0;
  for (const e of order) {
    if (e & 1) {
      if (inUse < poolSize) {
        admitted.add(e >> 1);
        inUse++;
      } else {
        refusedLogins++;
        refusedMs += p(e).end - p(e).start;
        affected.add(p(e).user);
      }
    } else if (admitted.has(e >> 1)) inUse--;
  }
  return { poolSize, refusedLogins, usersAffected: affected.size, refusedMs };
}

// Few users and a narrow clock, so ties (same instant, same user, touching sessions) are common;
// users that differ only in case or by a prefix test the text order.
const USERS = ["a", "B", "b", "ab", "a b", "Zoë", "zoe", "é"];
const session = fc
  .record({
    user: fc.constantFrom(...USERS),
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: -2, max: 15 }),
    scale: fc.constantFrom(1, 60_000, 0.5),
  })
  .map(({ user, start, length, scale }) => ({
    user,
    start: start * scale,
    end: (start + length) * scale,
  }));

describe("fast sweeps give exactly what the straightforward ones give", () => {
  it("merges presence, steps and replays identically on random logs", () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 60 }), fc.nat(8), (sessions, pool) => {
        const presence = mergePresence(sessions);
        expect(presence).toEqual(mergeReference(sessions));
        // Already merged and in start order (what the file reader gives): the quick path.
        expect(mergePresence(presence)).toEqual(presence);
        const byStart = [...sessions].sort((a, b) => a.start - b.start);
        expect(mergePresence(byStart)).toEqual(mergeReference(byStart));
        expect(stepsOf(presence)).toEqual(stepsReference(presence));
        expect(replayPool(presence, pool)).toEqual(replayReference(presence, pool));
        // Unmerged intervals too: a user may log in twice at one instant.
        const raw = sessions.filter((s) => s.end > s.start);
        expect(stepsOf(raw)).toEqual(stepsReference(raw));
        const many = Array.from({ length: 40 }, (_, k) => (k * 7 + pool) % 9);
        expect(replayPools(presence, many)).toEqual(many.map((k) => replayReference(presence, k)));
        expect(replayPools(raw, [pool, 0, 3])).toEqual([
          replayReference(raw, pool),
          replayReference(raw, 0),
          replayReference(raw, 3),
        ]);
      }),
      { numRuns: 1000 },
    );
  });

  it("orders by time, then user text, then index", () => {
    // Times 5, 1, 5, 1, 5 with users b, a, a, a, B: 1a(1), 1a(3), 5B(4), 5a(2), 5b(0).
    const items = ["b", "a", "a", "a", "B"].map((user) => ({ user }));
    const times = [5, 1, 5, 1, 5];
    expect([...orderByTime(times)]).toEqual([1, 3, 0, 2, 4]);
    expect([...orderByTimeThenUser(times, userRanks(items))]).toEqual([1, 3, 4, 2, 0]);
    // Fractional times take the comparator path and give the same order.
    expect([...orderByTimeThenUser([2.5, 0.5, 2.5], userRanks(items.slice(0, 3)))]).toEqual([
      1, 2, 0,
    ]);
  });
});
