import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatDate, parseIsoDate } from "../../src/drafting/dates.js";
import { timingFor, timingNotes } from "../../src/drafting/timing.js";

describe("dates", () => {
  it("reads only real ISO dates", () => {
    expect(parseIsoDate("2028-02-29")).toBeDefined();
    expect(parseIsoDate("2027-02-29")).toBeUndefined();
    expect(parseIsoDate("31/03/2027")).toBeUndefined();
  });
  it("adds days across month and year ends and formats for a contract", () => {
    expect(addDays("2027-03-31", -90)).toBe("2026-12-31");
    expect(daysBetween("2026-06-01", "2026-10-02")).toBe(123);
    expect(formatDate("2026-10-02")).toBe("2 October 2026");
  });
});

describe("start-by date", () => {
  it("is the renewal less the notice period less 90 days of runway", () => {
    // 2027-03-31 − 90 days = 2026-12-31 (notice); − 90 days = 2026-10-02 (start by).
    // From 2026-06-01: 29 + 31 + 31 + 30 + 2 = 123 days.
    const t = timingFor("2027-03-31", 90, "2026-06-01");
    expect([t.noticeBy, t.startBy, t.daysToStart, t.daysToNotice]).toEqual([
      "2026-12-31",
      "2026-10-02",
      123,
      213,
    ]);
    expect(timingNotes(t)[0]).toBe(
      "Start by 2 October 2026 (123 days from today): 90 days before the notice deadline, enough to gather usage, get a competing quote and still walk away.",
    );
  });

  it("says start now once the start-by date has passed", () => {
    const t = timingFor("2027-03-31", 90, "2026-11-01");
    // 2026-10-02 → 2026-11-01 = 30 days late; 2026-11-01 → 2026-12-31 = 60 days to notice.
    expect(timingNotes(t)[0]).toBe(
      "Start now: the start-by date, 2 October 2026, passed 30 days ago, and notice is due in 60 days.",
    );
  });

  it("suggests an extension once the notice deadline has passed", () => {
    const t = timingFor("2027-03-31", 90, "2027-01-15");
    expect(timingNotes(t)[0]).toBe(
      "The notice deadline, 31 December 2026, has passed: ask for a short extension at today's prices before negotiating the renewal.",
    );
  });
});
