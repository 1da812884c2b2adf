import { describe, expect, it } from "vitest";
import {
  knownUsers,
  licenceLine,
  planKind,
  type Scenario,
  scenario,
  seatsOf,
  typesOf,
} from "../../src/core/licence.js";
import { currency, major } from "../../src/core/money.js";

const GBP = currency("GBP");
const named = (quantity: number, price: number | string) =>
  ({ type: "named", quantity, unitPrice: major(price, GBP), period: "month" }) as const;
const conc = (quantity: number, price: number | string) =>
  ({ type: "concurrent", quantity, unitPrice: major(price, GBP), period: "month" }) as const;

describe("licenceLine", () => {
  it("accepts a whole, positive seat count at a positive price", () => {
    expect(licenceLine(named(150, 70))).toEqual({ ok: true, value: named(150, 70) });
  });

  it.each([
    [named(0, 70), "seats.not_positive", "the number of named seats must be more than zero, not 0"],
    [
      conc(-5, 140),
      "seats.not_positive",
      "the number of concurrent seats must be more than zero, not -5",
    ],
    [
      named(1.5, 70),
      "seats.not_whole",
      "the number of named seats must be a whole number, not 1.5",
    ],
    [
      named(1_000_001, 70),
      "seats.too_many",
      "1000001 named is more seats than I can cost (at most 1,000,000)",
    ],
    [named(150, 0), "price.not_positive", "the price for 150 named must be more than zero"],
    [named(150, -70), "price.not_positive", "the price for 150 named must be more than zero"],
  ])("rejects %j with %s", (line, code, message) => {
    const r = licenceLine(line);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code, message });
  });

  it("reports a bad seat count and a bad price together", () => {
    const r = licenceLine(named(0, 0));
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual([
      "seats.not_positive",
      "price.not_positive",
    ]);
  });
});

describe("scenario", () => {
  it("rejects a plan with no lines", () => {
    const r = scenario("empty", []);
    expect(!r.ok && r.issues[0]?.code).toBe("scenario.empty");
  });

  it("keeps `for N users` on a plan with a concurrent pool", () => {
    const r = scenario("mixed", [named(150, 70), conc(100, 140)], 350);
    expect(r.ok && r.value.usersCovered).toBe(350);
    expect(r.ok && knownUsers(r.value)).toBe(350);
  });

  it("rejects users that differ from a named-only plan's seats", () => {
    const r = scenario("named-only", [named(150, 70)], 200);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: "users.named_mismatch",
      message: "a named-only plan covers exactly its 150 named seats, not 200 users",
    });
  });

  it("rejects fewer users than named seats", () => {
    const r = scenario("mixed", [named(150, 70), conc(100, 140)], 100);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: "users.fewer_than_named",
      message: '150 named seats already cover 150 people, so "for 100 users" is too few',
    });
  });

  it("rejects zero users", () => {
    const r = scenario("concurrent-only", [conc(100, 140)], 0);
    expect(!r.ok && r.issues[0]?.code).toBe("users.invalid");
  });
});

describe("plan facts", () => {
  const mixed: Scenario = { name: "m", lines: [conc(100, 140), named(150, 70), named(10, 90)] };
  it("counts seats by type and in total", () => {
    // 150 + 10 named; 100 concurrent; 260 in all.
    expect(seatsOf(mixed, "named")).toBe(160);
    expect(seatsOf(mixed, "concurrent")).toBe(100);
    expect(seatsOf(mixed)).toBe(260);
  });
  it("lists types in the fixed order named, concurrent", () => {
    expect(typesOf(mixed)).toEqual(["named", "concurrent"]);
  });
  it("knows the kind of a plan", () => {
    expect(planKind(mixed)).toBe("mixed");
    expect(planKind({ name: "n", lines: [named(5, 1)] })).toBe("named-only");
    expect(planKind({ name: "c", lines: [conc(5, 1)] })).toBe("concurrent-only");
  });
  it("knows a named-only plan's users but not a pool's unless stated", () => {
    expect(knownUsers({ name: "n", lines: [named(500, 100)] })).toBe(500);
    expect(knownUsers(mixed)).toBeUndefined();
  });
});
