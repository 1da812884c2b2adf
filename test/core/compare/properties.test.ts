import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareOffers } from "../../../src/core/compare/compare.js";
import type { VendorOffer } from "../../../src/core/compare/offer.js";
import { currency, money } from "../../../src/core/money.js";
import { ratio } from "../../../src/core/ratio.js";

const GBP = currency("GBP");

const offerArb = (name: string) =>
  fc
    .record({
      model: fc.constantFrom("named", "concurrent", "mixed"),
      named: fc.integer({ min: 1, max: 50_000 }),
      concurrent: fc.integer({ min: 1, max: 100_000 }),
      upliftBasisPoints: fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: undefined }),
      implementation: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(
      (o): VendorOffer => ({
        name,
        currency: GBP,
        ...(o.model !== "concurrent"
          ? { named: { kind: "flat", rate: money(o.named, GBP), period: "month" } }
          : {}),
        ...(o.model !== "named"
          ? { concurrent: { kind: "flat", rate: money(o.concurrent, GBP), period: "month" } }
          : {}),
        ...(o.upliftBasisPoints !== undefined
          ? { uplift: { kind: "list", uplift: ratio(o.upliftBasisPoints, 10_000) } }
          : {}),
        ...(o.implementation > 0 ? { implementation: money(o.implementation, GBP) } : {}),
        fees: [],
      }),
    );

describe("compareOffers: properties", () => {
  it("totals reconcile, years never fall, the cheapest is the least and the gap is exact", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("A", "B", "C", "D"), { minLength: 2, maxLength: 4 })
          .chain((names) => fc.tuple(...[...new Set(names)].map(offerArb))),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        (offers, years, people, named, pool) => {
          fc.pre(offers.length >= 2);
          const usage = { people, pool, split: { named: Math.min(named, people), pool } };
          const r = compareOffers({ offers, usage, over: years });
          if (!r.ok) throw new Error(JSON.stringify(r.issues));
          const c = r.value;
          for (const v of c.vendors) {
            const sum = v.years.reduce((n, y) => n + y.total.minor, 0);
            expect(v.tco.minor).toBe(sum);
            expect(
              v.years
                .map((y) => y.oneOff.minor)
                .slice(1)
                .every((m) => m === 0),
            ).toBe(true);
            for (let i = 1; i < v.years.length; i++) {
              const now = v.years[i]?.subscription.minor ?? 0;
              expect(now).toBeGreaterThanOrEqual(v.years[i - 1]?.subscription.minor ?? 0);
            }
            if (!v.offer.uplift) {
              // flat: year-1 subscription × years + the one-offs, exactly
              const y1 = v.years[0]?.subscription.minor ?? 0;
              expect(v.tco.minor).toBe(y1 * years + v.oneOff.minor);
            }
          }
          const least = Math.min(...c.vendors.map((v) => v.tco.minor));
          expect(c.cheapest.every((i) => c.vendors[i]?.tco.minor === least)).toBe(true);
          const others = c.vendors.filter((_, i) => i !== c.chosen).map((v) => v.tco.minor);
          expect(c.vendors[c.rival]?.tco.minor).toBe(Math.min(...others));
          expect(c.difference.minor).toBe(
            (c.vendors[c.chosen]?.tco.minor ?? 0) - (c.vendors[c.rival]?.tco.minor ?? 0),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
