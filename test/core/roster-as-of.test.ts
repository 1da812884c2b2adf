import { describe, expect, it } from "vitest";
import { rosterAsOf } from "../../src/core/roster-as-of.js";
import type { RosterUser } from "../../src/core/usage.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const TODAY = day("2026-12-02");
const midnight = (ms: number) => ms - (ms % 86_400_000);
const user = (u: Partial<RosterUser>): RosterUser => ({ user: "x", status: "active", ...u });

describe("rosterAsOf (the newest date in a roster)", () => {
  it("takes the newest of every last login and created date, as its calendar day", () => {
    const users = [
      user({ lastLogin: Date.parse("2026-09-30T17:45:00Z"), created: day("2024-01-01") }),
      // A created date newer than every login still dates the file.
      user({ created: Date.parse("2026-10-03T08:00:00Z") }),
      user({ lastLogin: day("2026-10-01") }),
    ];
    expect(rosterAsOf(users, TODAY, midnight)).toEqual({
      ms: day("2026-10-03"),
      source: "file",
      afterToday: 0,
    });
  });

  it("leaves out dates after today and counts them", () => {
    const users = [
      user({ lastLogin: day("2026-10-02") }),
      user({ lastLogin: day("2027-03-01"), created: day("2030-01-01") }),
    ];
    expect(rosterAsOf(users, TODAY, midnight)).toEqual({
      ms: day("2026-10-02"),
      source: "file",
      afterToday: 2,
    });
  });

  it("keeps a date of today itself", () => {
    const users = [user({ lastLogin: Date.parse("2026-12-02T15:00:00Z") })];
    expect(rosterAsOf(users, TODAY, midnight).ms).toBe(TODAY);
  });

  it("falls back to today when the roster has no dates", () => {
    expect(rosterAsOf([user({}), user({ activity: 3 })], TODAY, midnight)).toEqual({
      ms: TODAY,
      source: "today",
      afterToday: 0,
    });
  });

  it("uses the day the caller's dayOf gives (the file's time zone)", () => {
    // 2 Oct 00:00 in London (BST) is 1 Oct 23:00 UTC: the file wrote 2 Oct.
    const users = [user({ lastLogin: Date.parse("2026-10-01T23:00:00Z") })];
    const london = (ms: number) => midnight(ms + 3_600_000);
    expect(rosterAsOf(users, TODAY, london).ms).toBe(day("2026-10-02"));
    expect(rosterAsOf(users, TODAY, midnight).ms).toBe(day("2026-10-01"));
  });
});
