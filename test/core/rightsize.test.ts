import { describe, expect, it } from "vitest";
import { currency, major, money } from "../../src/core/money.js";
import { rightsize } from "../../src/core/rightsize.js";
import type { RosterUser } from "../../src/core/usage.js";

const GBP = currency("GBP");
const NOW = Date.UTC(2024, 5, 30);
const daysAgo = (d: number): number => NOW - d * 86_400_000;

const roster: RosterUser[] = [
  { user: "a", status: "active", lastLogin: daysAgo(1), activity: 50 },
  { user: "b", name: "Bea", status: "departed", lastLogin: daysAgo(100) },
  { user: "c", status: "disabled" },
  { user: "d", status: "active", created: daysAgo(200) },
  { user: "e", status: "active", created: daysAgo(10) },
  { user: "f", status: "active", lastLogin: daysAgo(61), activity: 30 },
  { user: "g", status: "active", lastLogin: daysAgo(60), activity: 2 },
  { user: "h", status: "active", lastLogin: daysAgo(5), activity: 4 },
  { user: "i", status: "active", lastLogin: daysAgo(5), activity: 5 },
];

describe("rightsize", () => {
  const r = rightsize(roster, { now: NOW, rate: major(70, GBP), ratePeriod: "month" });
  if (!r.ok) throw new Error("expected ok");
  const report = r.value;

  it("flags each unused licence with its reason", () => {
    expect(report.flagged).toEqual([
      { user: "b", name: "Bea", reason: "departed", action: "remove", daysSinceLogin: 100 },
      { user: "c", reason: "disabled", action: "remove" },
      { user: "d", reason: "never_logged_in", action: "remove" },
      // 61 days > 60: inactive. g at exactly 60 days is not (the threshold is "longer than").
      { user: "f", reason: "inactive", action: "remove", daysSinceLogin: 61 },
      // Activity 2 and 4 are below 5: occasional, pool candidates, not removals. i (5) is not.
      { user: "g", reason: "occasional", action: "pool", daysSinceLogin: 60, activity: 2 },
      { user: "h", reason: "occasional", action: "pool", daysSinceLogin: 5, activity: 4 },
    ]);
    expect(report.counts).toEqual({
      departed: 1,
      disabled: 1,
      never_logged_in: 1,
      inactive: 1,
      occasional: 2,
    });
  });

  it("does not call a user created within the threshold inactive or never-logged-in", () => {
    // e was created 10 days ago and has not logged in yet.
    expect(report.flagged.some((f) => f.user === "e")).toBe(false);
    expect(report.newNotYetLoggedIn).toBe(1);
  });

  it("counts licences that match real usage and the annual saving", () => {
    // 9 provisioned; 4 removable (b, c, d, f) → 5 recommended; 3 unflagged (a, e, i).
    // £70/month × 12 = £840/year; 4 × £840 = £3,360 = 336,000p.
    expect(report.provisioned).toBe(9);
    expect(report.active).toBe(3);
    expect(report.removable).toBe(4);
    expect(report.recommended).toBe(5);
    expect(report.annualRate).toEqual(money(84_000, GBP));
    expect(report.annualSaving).toEqual(money(336_000, GBP));
    expect(report.skippedChecks).toEqual([]);
  });

  it("takes an annual rate as is, and the thresholds as given", () => {
    const r2 = rightsize(roster, {
      now: NOW,
      rate: money(100_050, GBP),
      ratePeriod: "year",
      inactiveDays: 30,
      occasionalBelow: 3,
    });
    if (!r2.ok) throw new Error("expected ok");
    // Threshold 30 days: f (61) and g (60) are now inactive; h (activity 4 ≥ 3) is no longer
    // occasional. Removals b, c, d, f, g = 5; 5 × £1,000.50 = £5,002.50.
    expect(r2.value.flagged.map((f) => `${f.user}:${f.reason}`)).toEqual([
      "b:departed",
      "c:disabled",
      "d:never_logged_in",
      "f:inactive",
      "g:inactive",
    ]);
    expect(r2.value.annualSaving).toEqual(money(500_250, GBP));
  });

  it("skips the never-logged-in check when the file has no last-login column", () => {
    const r3 = rightsize(
      [
        { user: "x", status: "active" },
        { user: "y", status: "departed" },
      ],
      { now: NOW, rate: major(70, GBP), ratePeriod: "month" },
    );
    expect(r3.ok && r3.value.flagged.map((f) => f.user)).toEqual(["y"]);
    expect(r3.ok && r3.value.skippedChecks).toEqual(["last_login", "activity"]);
  });

  it.each([
    [
      { inactiveDays: 0 },
      "rightsize.bad_threshold",
      "the inactivity threshold 0 days is not a whole number of days ≥ 1",
    ],
    [
      { inactiveDays: 1.5 },
      "rightsize.bad_threshold",
      "the inactivity threshold 1.5 days is not a whole number of days ≥ 1",
    ],
    [
      { occasionalBelow: -1 },
      "rightsize.bad_activity",
      "the occasional-use level -1 is not a number ≥ 0",
    ],
    [{ rate: money(-1, GBP) }, "rightsize.negative_rate", "the licence rate is negative"],
  ])("rejects %j", (override, code, message) => {
    const r4 = rightsize(roster, {
      now: NOW,
      rate: major(70, GBP),
      ratePeriod: "month",
      ...override,
    });
    expect(r4.ok).toBe(false);
    expect(!r4.ok && r4.issues[0]).toMatchObject({ code, message });
  });
});
