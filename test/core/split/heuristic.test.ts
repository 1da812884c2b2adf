import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratio } from "../../../src/core/ratio.js";
import { ruleOfThumb, tracker } from "../../../src/core/split/baselines.js";
import { heuristicPlan, localSearch } from "../../../src/core/split/heuristic.js";
import { type Headroom, pricing } from "../../../src/core/split/pricing.js";
import { buildProblem } from "../../../src/core/split/problem.js";
import type { Session } from "../../../src/core/usage.js";
import { referenceHeuristicPlan } from "./heuristic-reference.js";

const s = (user: string, start: number, end: number): Session => ({ user, start, end });

describe("heuristicPlan by hand", () => {
  it("peels the busiest instants down and keeps the cheapest plan on the way", () => {
    // a 0–10, b 2–8, c 4–12, d 10–14 → instants 4 {a,b,c} and 10 {c,d}; £70 named, £140 pool seat.
    // All pooled: peak 3 → 3 × 140 = 420. Step 1, peak 3 at {a,b,c}: each hits once, a is online
    // longest (10 ms) → name a: loads 2, 2 → 70 + 2 × 140 = 350. Step 2, peak 2 at both: c hits
    // both → name c: loads 1, 1 → 2 × 70 + 140 = 280. Step 3 names b then d: 4 × 70 = 280, not
    // cheaper. Local search: pooling a or c lifts the peak to 2 (+140 − 70), naming b or d leaves
    // the other instant at 1 (+70): nothing cheaper, so {a, c} + a pool of 1 = 280.
    const p = buildProblem(
      [s("a", 0, 10), s("b", 2, 8), s("c", 4, 12), s("d", 10, 14)],
      new Set(),
      new Set(),
    );
    const pr = pricing(70, 140);
    const plan = heuristicPlan(p, pr, tracker(p), []);
    expect([...plan.named]).toEqual([1, 0, 1, 0]);
    expect(plan).toMatchObject({ namedCount: 2, pool: 1, cost: 280 });
  });

  it("local search names a user who is in every busiest instant", () => {
    // a 0–10, b 0–10, c 20–25: instants 0 {a,b} and 20 {c}. From all pooled (peak 2, 2 × 140 =
    // 280): naming a drops the peak to 1 (70 + 140 = 210); naming b then leaves c's instant at 1
    // (140 + 140 = 280, dearer): the search stops at {a} for 210.
    const p = buildProblem([s("a", 0, 10), s("b", 0, 10), s("c", 20, 25)], new Set(), new Set());
    const plan = localSearch(p, pricing(70, 140), tracker(p), Uint8Array.from([0, 0, 0]));
    expect([...plan.named]).toEqual([1, 0, 0]);
    expect(plan).toMatchObject({ namedCount: 1, pool: 1, cost: 210 });
  });
});

const users = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10", "u11"];
const sessionsArb = fc.array(
  fc
    .record({
      user: fc.constantFrom(...users),
      from: fc.integer({ min: 0, max: 2000 }),
      // Short and long sessions, and equal lengths, so online-time ties happen.
      length: fc.oneof(fc.constantFrom(30, 60), fc.integer({ min: 1, max: 400 })),
    })
    .map(({ user, from, length }) => s(user, from, from + length)),
  // Up to ~150 instants: several blocks of the member index (32 instants each).
  { minLength: 1, maxLength: 160 },
);
const optionsArb = fc.record({
  named: fc.integer({ min: 1, max: 200 }),
  concurrent: fc.integer({ min: 1, max: 300 }),
  headroom: fc.constantFrom<Headroom>({}, { seats: 1 }, { percent: ratio(1, 4) }),
  forceNamed: fc.subarray(["u1", "u20"]),
  forceConcurrent: fc.subarray(["u2", "u3"]),
  seedBits: fc.array(fc.boolean(), { minLength: users.length, maxLength: users.length }),
});

describe("heuristicPlan against the implementation it replaced", () => {
  it("finds the same plan, user for user, with and without seeds", () => {
    fc.assert(
      fc.property(sessionsArb, optionsArb, (sessions, o) => {
        const p = buildProblem(sessions, new Set(o.forceNamed), new Set(o.forceConcurrent));
        const pr = pricing(o.named, o.concurrent, o.headroom);
        // A seed as a caller builds one: policies honoured, any free user either way.
        const seed = Uint8Array.from(p.users, (_, u) =>
          p.forcedNamed[u] ? 1 : p.forcedConcurrent[u] ? 0 : o.seedBits[u] ? 1 : 0,
        );
        for (const seeds of [[], [seed, ruleOfThumb(p, pr)]]) {
          const fast = heuristicPlan(p, pr, tracker(p), seeds);
          const before = referenceHeuristicPlan(p, pr, tracker(p), seeds);
          expect([...fast.named]).toEqual([...before.named]);
          expect(fast).toMatchObject({
            namedCount: before.namedCount,
            pool: before.pool,
            cost: before.cost,
          });
        }
      }),
      { numRuns: 800 },
    );
  });
});
