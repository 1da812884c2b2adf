/** Invited accounts and unread rows in right-sizing (issue 10, class 9). */
import { describe, expect, it } from "vitest";
import { currency, major } from "../../src/core/money.js";
import { rightsize } from "../../src/core/rightsize.js";
import type { RosterUser } from "../../src/core/usage.js";

const GBP = currency("GBP");
const NOW = Date.UTC(2026, 9, 1);
const daysAgo = (d: number): number => NOW - d * 86_400_000;
const options = { now: NOW, rate: major(70, GBP), ratePeriod: "month" as const };

describe("rightsize with invited accounts", () => {
  // No last-login column at all: only the invitations say anyone never logged in.
  const users: RosterUser[] = [
    { user: "a", status: "active" },
    { user: "b", status: "active", invited: true, created: daysAgo(90) },
    { user: "c", status: "active", invited: true, created: daysAgo(10) },
    { user: "d", status: "active", invited: true },
  ];

  it("flags an old or undated invitation as never logged in; a recent one is new", () => {
    const r = rightsize(users, options);
    if (!r.ok) throw new Error("expected ok");
    // b (invited 90 days ago > 60) and d (no created date) are flagged; c (10 days) is new.
    expect(r.value.flagged).toEqual([
      { user: "b", reason: "never_logged_in", action: "remove" },
      { user: "d", reason: "never_logged_in", action: "remove" },
    ]);
    expect(r.value).toMatchObject({
      provisioned: 4,
      removable: 2,
      recommended: 2,
      active: 2,
      newNotYetLoggedIn: 1,
      invitedNeverLoggedIn: 2,
      unreadRows: 0,
      // 2 × £70 × 12 = £1,680.
      annualSaving: { minor: 168_000 },
    });
  });

  it("keeps an invited user who has a last login (the status word is out of date)", () => {
    const r = rightsize(
      [{ user: "e", status: "active", invited: true, lastLogin: daysAgo(3) }],
      options,
    );
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.flagged).toEqual([]);
  });
});

describe("rightsize with rows that could not be read", () => {
  it("carries the count and never adds it to provisioned", () => {
    const r = rightsize([{ user: "a", status: "active" }], { ...options, unreadRows: 3 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value).toMatchObject({ provisioned: 1, unreadRows: 3, recommended: 1 });
  });

  it("refuses a count that is not a whole number", () => {
    const r = rightsize([], { ...options, unreadRows: 1.5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({
      code: "rightsize.bad_unread",
      message: "the count of unread rows 1.5 is not a whole number ≥ 0",
    });
  });
});
