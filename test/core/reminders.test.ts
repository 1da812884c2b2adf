/**
 * Renewal reminders, hand-computed. Days are counted on the calendar in UTC; each reminder is due
 * at 09:00 UTC. "X − N days" below is worked month by month.
 */
import { describe, expect, it } from "vitest";
import { planReminders, utcDay } from "../../src/core/reminders.js";
import { RUNWAY_DAYS, timingFor } from "../../src/drafting/timing.js";

const at = (iso: string) => new Date(iso);
const due = (plan: ReturnType<typeof planReminders>) => {
  if (!plan.ok) throw new Error(plan.issues.map((i) => i.code).join());
  return plan.value.reminders.map((r) => [r.kind, r.daysBefore, r.dueAt.toISOString()]);
};

describe("planReminders", () => {
  it("renewal 31 March 2027, 90 days' notice, 90 days' lead: six reminders across a year end", () => {
    // notice: 2027-03-31 − 31 = 2027-02-28 (not a leap year), − 28 = 2027-01-31, − 31 = 2026-12-31
    //   (31 + 28 + 31 = 90). start-by: 2026-12-31 − 31 = 11-30, − 30 = 10-31, − 29 = 2026-10-02.
    // start-by − 30 = 10-02 − 2 = 09-30, − 28 = 09-02; − 7 = 09-25; − 1 = 10-01.
    // notice − 30 = 12-01; − 7 = 12-24; − 1 = 12-30.
    const plan = planReminders({
      renewalDate: "2027-03-31",
      noticeDays: 90,
      leadDays: 90,
      now: at("2026-06-01T00:00:00Z"),
    });
    expect(plan.ok && [plan.value.noticeBy, plan.value.startBy]).toEqual([
      "2026-12-31",
      "2026-10-02",
    ]);
    expect(due(plan)).toEqual([
      ["start-by", 30, "2026-09-02T09:00:00.000Z"],
      ["start-by", 7, "2026-09-25T09:00:00.000Z"],
      ["start-by", 1, "2026-10-01T09:00:00.000Z"],
      ["notice", 30, "2026-12-01T09:00:00.000Z"],
      ["notice", 7, "2026-12-24T09:00:00.000Z"],
      ["notice", 1, "2026-12-30T09:00:00.000Z"],
    ]);
    expect(plan.ok && plan.value.notes).toEqual([]);
  });

  it("lands on 29 February in a leap year", () => {
    // 2028 is a leap year: 2028-03-30 − 29 = 03-01, − 1 = 02-29 (notice 30).
    // start-by: 02-29 − 29 = 01-31, − 31 = 2027-12-31, − 30 = 2027-12-01 (29 + 31 + 30 = 90).
    // notice − 1 = 02-28; − 7 = 02-22; − 30 = 02-29 − 29 = 01-31, − 1 = 01-30.
    // start-by − 30 = 12-01 − 1 = 11-30, − 29 = 11-01; − 7 = 11-24; − 1 = 11-30.
    const plan = planReminders({
      renewalDate: "2028-03-30",
      noticeDays: 30,
      leadDays: 90,
      now: at("2027-01-01T00:00:00Z"),
    });
    expect(plan.ok && [plan.value.noticeBy, plan.value.startBy]).toEqual([
      "2028-02-29",
      "2027-12-01",
    ]);
    expect(due(plan)).toEqual([
      ["start-by", 30, "2027-11-01T09:00:00.000Z"],
      ["start-by", 7, "2027-11-24T09:00:00.000Z"],
      ["start-by", 1, "2027-11-30T09:00:00.000Z"],
      ["notice", 30, "2028-01-30T09:00:00.000Z"],
      ["notice", 7, "2028-02-22T09:00:00.000Z"],
      ["notice", 1, "2028-02-28T09:00:00.000Z"],
    ]);
  });

  it("from a month end: 31 January less 31 days is 31 December; 1 March less a day is 28 February", () => {
    // 2027-01-31 − 31 = 2026-12-31 (notice). Lead 60: 12-31 − 31 = 11-30, − 29 = 11-01.
    const a = planReminders({
      renewalDate: "2027-01-31",
      noticeDays: 31,
      leadDays: 60,
      now: at("2026-01-01T00:00:00Z"),
    });
    expect(a.ok && [a.value.noticeBy, a.value.startBy]).toEqual(["2026-12-31", "2026-11-01"]);
    // 2027-04-01 − 31 = 2027-03-01 (notice); the 1-day reminder is 2027-02-28 (not a leap year).
    const b = planReminders({
      renewalDate: "2027-04-01",
      noticeDays: 31,
      leadDays: 90,
      now: at("2026-01-01T00:00:00Z"),
    });
    expect(b.ok && b.value.noticeBy).toBe("2027-03-01");
    expect(due(b).at(-1)).toEqual(["notice", 1, "2027-02-28T09:00:00.000Z"]);
  });

  it("does not schedule past reminders, and says which were dropped", () => {
    // As the first case, now 24 December 2026 09:00 UTC: the start-by date (2 October) has passed,
    // the 30-day (1 December) and 7-day (24 December 09:00, not after now) notice reminders too.
    const plan = planReminders({
      renewalDate: "2027-03-31",
      noticeDays: 90,
      leadDays: 90,
      now: at("2026-12-24T09:00:00Z"),
    });
    expect(due(plan)).toEqual([["notice", 1, "2026-12-30T09:00:00.000Z"]]);
    expect(plan.ok && plan.value.notes).toEqual([
      { code: "reminders.start_by_passed", startBy: "2026-10-02" },
      { code: "reminders.some_past", kind: "notice", daysBefore: [30, 7] },
    ]);
  });

  it("schedules nothing once the notice deadline's day has begun, and says so", () => {
    const plan = planReminders({
      renewalDate: "2027-03-31",
      noticeDays: 90,
      leadDays: 90,
      now: at("2026-12-31T00:00:00Z"),
    });
    expect(due(plan)).toEqual([]);
    expect(plan.ok && plan.value.notes).toEqual([
      { code: "reminders.notice_passed", noticeBy: "2026-12-31" },
    ]);
  });

  it("keeps one set of reminders when the start-by date is the notice deadline (no lead)", () => {
    // notice 0: the notice deadline is the renewal date itself, 2027-03-31; lead 0: so is start-by.
    const plan = planReminders({
      renewalDate: "2027-03-31",
      noticeDays: 0,
      leadDays: 0,
      now: at("2026-01-01T00:00:00Z"),
    });
    expect(plan.ok && plan.value.notes).toEqual([
      { code: "reminders.deadlines_coincide", date: "2027-03-31" },
    ]);
    // 03-31 − 30 = 03-01; − 7 = 03-24; − 1 = 03-30.
    expect(due(plan)).toEqual([
      ["notice", 30, "2027-03-01T09:00:00.000Z"],
      ["notice", 7, "2027-03-24T09:00:00.000Z"],
      ["notice", 1, "2027-03-30T09:00:00.000Z"],
    ]);
  });

  it("gives the brief's start-by and notice dates", () => {
    for (const [renewal, notice] of [
      ["2027-03-31", 90],
      ["2028-03-30", 30],
      ["2026-12-01", 0],
      ["2029-01-01", 365],
    ] as const) {
      const plan = planReminders({
        renewalDate: renewal,
        noticeDays: notice,
        leadDays: RUNWAY_DAYS,
        now: at("2020-01-01T00:00:00Z"),
      });
      const t = timingFor(renewal, notice, "2020-01-01");
      expect(plan.ok && [plan.value.noticeBy, plan.value.startBy]).toEqual([t.noticeBy, t.startBy]);
    }
  });

  it("refuses a date that is not one, and a notice period out of range, with the fix", () => {
    const now = at("2026-01-01T00:00:00Z");
    const bad = (renewalDate: string, noticeDays: number) =>
      planReminders({ renewalDate, noticeDays, leadDays: 90, now });
    expect(bad("2027-02-29", 90)).toEqual({
      ok: false,
      issues: [
        {
          code: "reminders.bad_renewal_date",
          message: 'the renewal date "2027-02-29" is not a date',
          hint: "renews 2027-03-31",
        },
      ],
    });
    for (const n of [-1, 366, 1.5]) {
      const r = bad("2027-03-31", n);
      expect(r.ok ? [] : r.issues.map((i) => [i.code, i.message])).toEqual([
        ["reminders.bad_notice", "the notice period must be a whole number of days from 0 to 365"],
      ]);
    }
    expect(utcDay("31/03/2027")).toBeUndefined();
  });
});
