import { describe, expect, it } from "vitest";
import { readDuration, unitFromHeader } from "../../src/roster/durations.js";
import { MINUTE } from "./fixtures.js";

describe("unitFromHeader", () => {
  it.each([
    ["Duration (mins)", "minutes"],
    ["Duration (s)", "seconds"],
    ["Duration Seconds", "seconds"],
    ["Session length (hrs)", "hours"],
    ["Minutes", "minutes"],
    ["Duration", undefined],
  ])("%s → %s", (header, unit) => {
    expect(unitFromHeader(header)).toBe(unit);
  });
});

describe("readDuration", () => {
  it.each([
    ["90", "minutes", 90 * MINUTE],
    ["90", undefined, 90 * MINUTE],
    ["5400", "seconds", 90 * MINUTE],
    ["1.5", "hours", 90 * MINUTE],
    ["1:30", undefined, 90 * MINUTE],
    ["01:30:30", undefined, 90 * MINUTE + 30_000],
    ["1h 30m", undefined, 90 * MINUTE],
    ["90 min", "seconds", 90 * MINUTE],
    ["2 hours", undefined, 120 * MINUTE],
    ["45s", undefined, 45_000],
    ["0", undefined, 0],
  ] as const)("%s (%s)", (text, unit, ms) => {
    expect(readDuration(text, unit)).toEqual({ ok: true, ms });
  });

  it("reads numbers and time-formatted Date cells from XLSX", () => {
    expect(readDuration(45, "minutes")).toEqual({ ok: true, ms: 45 * MINUTE });
    // A [h]:mm cell of 1:30 arrives as 30 Dec 1899 01:30 UTC (Excel's day zero plus 1.5 hours).
    expect(readDuration(new Date(Date.UTC(1899, 11, 30, 1, 30)), undefined)).toEqual({
      ok: true,
      ms: 90 * MINUTE,
    });
  });

  it.each([
    ["abc", '"abc" is not a duration'],
    ["-5", '"-5" is a negative duration'],
    ["1:75", '"1:75" is not a duration'],
    ["", '"" is not a duration'],
  ])("rejects %j", (text, reason) => {
    expect(readDuration(text, undefined)).toEqual({ ok: false, reason });
  });
});
