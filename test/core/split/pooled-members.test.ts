import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemberIndex } from "../../../src/core/split/members.js";
import { PooledMembers } from "../../../src/core/split/pooled-members.js";
import { buildProblem } from "../../../src/core/split/problem.js";
import type { Session } from "../../../src/core/usage.js";

const s = (user: string, start: number, end: number): Session => ({ user, start, end });

describe("PooledMembers (busy instants' still-pooled users, kept and compacted)", () => {
  it("drops named and forced users by hand", () => {
    // a 0–10, b 2–8, c 4–12, d 10–14 → instant 4 {a,b,c}, instant 10 {c,d}; b forced concurrent.
    const p = buildProblem(
      [s("a", 0, 10), s("b", 2, 8), s("c", 4, 12), s("d", 10, 14)],
      new Set(),
      new Set(["b"]),
    );
    const pooled = new PooledMembers(p, new MemberIndex(p));
    const named = new Uint8Array(4);
    expect([...pooled.at(0, named, 0)]).toEqual([0, 2]);
    named[2] = 1; // c named
    expect([...pooled.at(0, named, 1)]).toEqual([0]);
    expect([...pooled.at(1, named, 1)]).toEqual([3]);
  });

  it("equals filtering the instant's whole online set, after any namings", () => {
    const users = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
    const sessions = fc.array(
      fc
        .record({
          user: fc.constantFrom(...users),
          from: fc.integer({ min: 0, max: 1500 }),
          length: fc.integer({ min: 1, max: 120 }),
        })
        .map(({ user, from, length }) => s(user, from, from + length)),
      { minLength: 1, maxLength: 150 },
    );
    const step = fc.record({ name: fc.nat(7), reads: fc.array(fc.nat(200), { maxLength: 6 }) });
    fc.assert(
      fc.property(sessions, fc.array(step, { maxLength: 12 }), (list, steps) => {
        const p = buildProblem(list, new Set(["u5"]), new Set(["u6"]));
        const index = new MemberIndex(p);
        const pooled = new PooledMembers(p, index);
        const named = new Uint8Array(p.users.length);
        let version = 0;
        for (const { name, reads } of steps) {
          const u = name % p.users.length;
          if (!named[u]) {
            named[u] = 1;
            version++;
          }
          for (const r of reads) {
            if (p.at.length === 0) continue;
            const j = r % p.at.length;
            const expected = [...index.membersAt(j)].filter(
              (v) => !named[v] && !p.forcedNamed[v] && !p.forcedConcurrent[v],
            );
            expect([...pooled.at(j, named, version)]).toEqual(expected);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
