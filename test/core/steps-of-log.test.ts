import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replayLog, stepsOfLog } from "../../src/core/replay.js";
import { mergePresence, stepsOf } from "../../src/core/timeline.js";
import type { Session } from "../../src/core/usage.js";

// Small times and few users so that ties (a logout and a login at one instant, equal starts) and
// overlaps are common.
const session = fc
  .record({
    user: fc.constantFrom("ana", "bo", "Cy", "dee", "eve"),
    start: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: -2, max: 15 }),
  })
  .map(({ user, start, length }): Session => ({ user, start, end: start + length }));

describe("stepsOfLog", () => {
  it("gives stepsOf's step function, and the distinct users, for any presence (property)", () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 40 }), fc.boolean(), (sessions, sorted) => {
        const input = sorted ? [...sessions].sort((a, b) => a.start - b.start) : sessions;
        const presence = mergePresence(input);
        const log = replayLog(presence);
        expect(stepsOfLog(log)).toEqual(stepsOf(presence));
        expect(log.users).toBe(new Set(presence.map((p) => p.user)).size);
        // A log in start order merges in one pass; any other by user: the same presence.
        const inOrder = [...sessions].sort((a, b) => a.start - b.start);
        expect(mergePresence(inOrder)).toEqual(mergePresence(sessions));
      }),
      { numRuns: 500 },
    );
  });

  it("counts a logout and a login at one instant as no step", () => {
    // ana 0–10, bo 10–20: one person online from 0 to 20, then nobody.
    const presence = mergePresence([
      { user: "ana", start: 0, end: 10 },
      { user: "bo", start: 10, end: 20 },
    ]);
    expect(stepsOfLog(replayLog(presence))).toEqual({ times: [0, 20], counts: [1, 0] });
  });
});
