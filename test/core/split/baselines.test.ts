import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bestPrefix, byHoursOnline, tracker } from "../../../src/core/split/baselines.js";
import { pricing } from "../../../src/core/split/pricing.js";
import { buildProblem } from "../../../src/core/split/problem.js";
import type { Session } from "../../../src/core/usage.js";
import { referenceBestPrefix } from "./heuristic-reference.js";

const s = (user: string, start: number, end: number): Session => ({ user, start, end });

describe("bestPrefix", () => {
  it("keeps the cheapest prefix of the ranking, by hand", () => {
    // a 0–100, b 0–60, c 0–10 all at instant 0 (load 3), £70 named, £140 seat: naming none
    // 3 × 140 = 420; a: 70 + 280 = 350; a, b: 140 + 140 = 280; a, b, c: 210. All three win.
    const p = buildProblem([s("a", 0, 100), s("b", 0, 60), s("c", 0, 10)], new Set(), new Set());
    const pr = pricing(70, 140);
    expect(byHoursOnline(p)).toEqual([0, 1, 2]);
    expect([...bestPrefix(p, pr, tracker(p), [0, 1, 2])]).toEqual([1, 1, 1]);
    // At £200 named: 420, 200 + 280 = 480, 400 + 140 = 540, 600: naming nobody wins.
    expect([...bestPrefix(p, pricing(200, 140), tracker(p), [0, 1, 2])]).toEqual([0, 0, 0]);
  });

  it("picks the same prefix as costing every prefix as a whole plan", () => {
    const users = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
    const sessions = fc.array(
      fc
        .record({
          user: fc.constantFrom(...users),
          from: fc.integer({ min: 0, max: 1000 }),
          length: fc.integer({ min: 1, max: 200 }),
        })
        .map(({ user, from, length }) => s(user, from, from + length)),
      { minLength: 1, maxLength: 80 },
    );
    fc.assert(
      fc.property(
        sessions,
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.nat(7), { maxLength: 12 }),
        (list, named, concurrent, order) => {
          const p = buildProblem(list, new Set(["u1"]), new Set(["u2"]));
          const pr = pricing(named, concurrent);
          // Any ranking of free users (repeats allowed: naming twice changes nothing).
          const ranked = order
            .map((i) => i % p.users.length)
            .filter((u) => !p.forcedNamed[u] && !p.forcedConcurrent[u]);
          const fast = bestPrefix(p, pr, tracker(p), ranked);
          expect([...fast]).toEqual([...referenceBestPrefix(p, pr, tracker(p), ranked)]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
