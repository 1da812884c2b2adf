/**
 * Daylight saving (issue 10, class 8). In Europe/London in 2026 the clocks go forward from 01:00
 * GMT to 02:00 BST on Sunday 29 March (01:00–01:59 never happens) and back from 02:00 BST to 01:00
 * GMT on Sunday 25 October (01:00–01:59 happens twice: first BST = UTC+1, then GMT = UTC).
 */
import { describe, expect, it } from "vitest";
import { type DateContext, readDateCell, readDateText } from "../../src/roster/dates.js";
import { readRosterFile } from "../../src/roster/read-file.js";
import { clockChangeAt, wallClockToInstant } from "../../src/roster/time-zone.js";
import { csvBytes, utc } from "./fixtures.js";

const zone = (timeZone: string): DateContext => ({ order: undefined, timeZone, date1904: false });
const london = zone("Europe/London");
const HOUR = 3_600_000;

describe("wall times the clocks showed twice or never", () => {
  it("reads a repeated time as its first occurrence and says when the second was", () => {
    // 01:30 on 25 Oct: first 01:30 BST = 00:30 UTC, then 01:30 GMT = 01:30 UTC.
    expect(readDateText("2026-10-25 01:30", london)).toEqual({
      ok: true,
      ms: utc(2026, 10, 25, 0, 30),
      clock: { kind: "repeated", later: utc(2026, 10, 25, 1, 30), shiftMs: HOUR },
    });
    // 25/10/2026 is day-first; a spreadsheet serial (46320.0625 = 25 Oct 2026 01:30) and a Date cell too.
    expect(readDateText("25/10/2026 01:30", { ...london, order: "dd/mm" })).toMatchObject({
      ms: utc(2026, 10, 25, 0, 30),
      clock: { kind: "repeated" },
    });
    expect(readDateCell(46320.0625, london)).toMatchObject({
      ms: utc(2026, 10, 25, 0, 30),
      clock: { kind: "repeated" },
    });
    expect(readDateCell(new Date(utc(2026, 10, 25, 1, 30)), london)).toMatchObject({
      clock: { kind: "repeated", later: utc(2026, 10, 25, 1, 30) },
    });
  });

  it("reads a skipped time on the clock before the change: 01:30 on 29 Mar is 01:30 GMT (02:30 BST)", () => {
    expect(readDateText("2026-03-29 01:30", london)).toEqual({
      ok: true,
      ms: utc(2026, 3, 29, 1, 30),
      clock: { kind: "skipped", shiftMs: HOUR },
    });
  });

  it("leaves ordinary times, times just outside the change, and times with an offset alone", () => {
    expect(readDateText("2026-10-25 00:59", london)).toEqual({
      ok: true,
      ms: utc(2026, 10, 24, 23, 59),
    });
    expect(readDateText("2026-10-25 02:00", london)).toEqual({
      ok: true,
      ms: utc(2026, 10, 25, 2),
    });
    expect(readDateText("2026-03-29 00:59", london)).toEqual({
      ok: true,
      ms: utc(2026, 3, 29, 0, 59),
    });
    expect(readDateText("2026-03-29 02:00", london)).toEqual({ ok: true, ms: utc(2026, 3, 29, 1) });
    expect(readDateText("2026-10-25T01:30:00+01:00", london)).toEqual({
      ok: true,
      ms: utc(2026, 10, 25, 0, 30),
    });
    expect(readDateText("2026-10-25T01:30:00Z", london)).toEqual({
      ok: true,
      ms: utc(2026, 10, 25, 1, 30),
    });
    expect(readDateText("2026-10-25 01:30", zone("UTC"))).toEqual({
      ok: true,
      ms: utc(2026, 10, 25, 1, 30),
    });
  });

  it("knows other zones' changes: New York (1 Nov, 8 Mar), Sydney (5 Apr) and Lord Howe's half hour", () => {
    // New York: 01:30 on 1 Nov 2026 is 05:30 UTC (EDT) then 06:30 UTC (EST); 02:30 on 8 Mar never happens.
    expect(clockChangeAt(utc(2026, 11, 1, 1, 30), "America/New_York")).toEqual({
      kind: "repeated",
      later: utc(2026, 11, 1, 6, 30),
      shiftMs: HOUR,
    });
    expect(wallClockToInstant(utc(2026, 11, 1, 1, 30), "America/New_York")).toBe(
      utc(2026, 11, 1, 5, 30),
    );
    expect(clockChangeAt(utc(2026, 3, 8, 2, 30), "America/New_York")).toEqual({
      kind: "skipped",
      shiftMs: HOUR,
    });
    expect(wallClockToInstant(utc(2026, 3, 8, 2, 30), "America/New_York")).toBe(
      utc(2026, 3, 8, 7, 30),
    );
    // Sydney goes back from 03:00 AEDT (UTC+11) to 02:00 AEST (UTC+10) on 5 Apr 2026.
    expect(clockChangeAt(utc(2026, 4, 5, 2, 30), "Australia/Sydney")).toEqual({
      kind: "repeated",
      later: utc(2026, 4, 4, 16, 30),
      shiftMs: HOUR,
    });
    // Lord Howe Island moves by 30 minutes (UTC+11 → +10:30 at 02:00 on 5 Apr 2026).
    expect(clockChangeAt(utc(2026, 4, 5, 1, 45), "Australia/Lord_Howe")).toEqual({
      kind: "repeated",
      later: utc(2026, 4, 4, 15, 15),
      shiftMs: 30 * 60_000,
    });
    expect(clockChangeAt(utc(2026, 7, 1, 1, 30), "Europe/London")).toBeUndefined();
  });
});

describe("a session log read with --tz across both clock changes", () => {
  const FILE = [
    "User,Login,Logout",
    "ann,2026-10-25 00:40,2026-10-25 01:20", // row 2: logout's first reading (00:20 UTC) is after the 23:40 UTC login
    "bo,2026-10-25 01:40,2026-10-25 01:10", //  row 3: login first (00:40 UTC); logout's first (00:10) is before it: the second (01:10)
    "cy,2026-10-25 03:00,2026-10-25 04:00", //  row 4: GMT, nothing to settle
    "dan,2026-03-29 00:30,2026-03-29 01:30", // row 5: logout never happened: read 01:30 GMT (02:30 BST)
    "eve,2026-03-29 01:45,2026-03-29 02:10", // row 6: login never happened (read 01:45 UTC); logout 02:10 BST = 01:10 UTC
  ].join("\n");

  it("chooses by the stated rule, names the rows, and says when the clock change put a logout before its login", async () => {
    const r = await readRosterFile(csvBytes(FILE), "sessions.csv", { timeZone: "Europe/London" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "dan", start: utc(2026, 3, 29, 0, 30), end: utc(2026, 3, 29, 1, 30) },
      { user: "ann", start: utc(2026, 10, 24, 23, 40), end: utc(2026, 10, 25, 0, 20) },
      { user: "bo", start: utc(2026, 10, 25, 0, 40), end: utc(2026, 10, 25, 1, 10) },
      { user: "cy", start: utc(2026, 10, 25, 3), end: utc(2026, 10, 25, 4) },
    ]);
    expect(r.value.rowErrors).toEqual([
      {
        row: 6,
        column: "Logout",
        reason:
          'logout is before login: the login "2026-03-29 01:45" never happened in Europe/London (the clocks went forward an hour), so it was read an hour later',
      },
    ]);
    expect(r.value.notes).toEqual([
      "times without a zone read as Europe/London",
      '3 times happened twice in Europe/London, when the clocks went back an hour ("2026-10-25 01:20"): read as the first, before the change; row 3 read as the second, after the change, since the first would come before its login or the row above it (rows 2, 3). Times written with their UTC offset are read exactly',
      '1 time never happened in Europe/London: the clocks went forward an hour over it ("2026-03-29 01:30"). Read as a clock not yet put forward shows it, an hour later on the new clock (row 5)',
    ]);
    expect(r.value.summary).toMatchObject({ rows: 5, used: 4, skipped: 1, endBeforeStart: 1 });
  });

  it("says nothing when the same file is read in UTC", async () => {
    const r = await readRosterFile(csvBytes(FILE), "sessions.csv");
    expect(r.ok && r.value.notes).toEqual([]);
  });
});

describe("an event log read with --tz over the autumn change", () => {
  const ROWS = [
    "2026-10-24 22:00,bo,Login", //  row 2: 21:00 UTC
    "2026-10-24 23:00,bo,Logout", // row 3: 22:00 UTC
    "2026-10-25 01:40,ann,Login", // row 4: first reading 00:40 UTC follows the row above
    "2026-10-25 01:10,ann,Logout", // row 5: first reading 00:10 would step back before row 4: 01:10 UTC
    "2026-10-25 03:00,cy,Login", //  row 6
    "2026-10-25 04:00,cy,Logout", // row 7
  ];
  const NOTE =
    '2 times happened twice in Europe/London, when the clocks went back an hour ("2026-10-25 01:40"): read as the first, before the change; row 5 read as the second, after the change, since the first would come before its login or the row above it (rows 4, 5). Times written with their UTC offset are read exactly';

  it("in time order, the row order proves the second reading", async () => {
    const r = await readRosterFile(
      csvBytes(["Time,User,Event", ...ROWS].join("\n")),
      "events.csv",
      { timeZone: "Europe/London" },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "bo", start: utc(2026, 10, 24, 21), end: utc(2026, 10, 24, 22) },
      { user: "ann", start: utc(2026, 10, 25, 0, 40), end: utc(2026, 10, 25, 1, 10) },
      { user: "cy", start: utc(2026, 10, 25, 3), end: utc(2026, 10, 25, 4) },
    ]);
    expect(r.value.rowErrors).toEqual([]);
    expect(r.value.notes).toEqual(["times without a zone read as Europe/London", NOTE]);
  });

  it("newest first, the pairing proves it: a logout whose first reading is before its login", async () => {
    const r = await readRosterFile(
      csvBytes(["Time,User,Event", ...[...ROWS].reverse()].join("\n")),
      "events.csv",
      { timeZone: "Europe/London" },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Reversed, ann's logout is row 4 and her login row 5. Read as BST the logout (00:10 UTC) would
    // come before the login (00:40 UTC); only 01:10 GMT closes it.
    expect(r.value.sessions).toContainEqual({
      user: "ann",
      start: utc(2026, 10, 25, 0, 40),
      end: utc(2026, 10, 25, 1, 10),
    });
    expect(r.value.rowErrors).toEqual([]);
    expect(r.value.notes).toContain(
      '2 times happened twice in Europe/London, when the clocks went back an hour ("2026-10-25 01:10"): read as the first, before the change; row 4 read as the second, after the change, since the first would come before its login or the row above it (rows 4, 5). Times written with their UTC offset are read exactly',
    );
  });

  it("a logout the clocks showed twice with no login to close says so in its reason", async () => {
    const r = await readRosterFile(
      csvBytes(
        [
          "Time,User,Event",
          "2026-10-25 01:10,dan,Logout",
          "2026-10-25 09:00,dan,Login",
          "2026-10-25 10:00,dan,Logout",
        ].join("\n"),
      ),
      "events.csv",
      { timeZone: "Europe/London" },
    );
    expect(r.ok && r.value.rowErrors).toEqual([
      {
        row: 2,
        column: "Time",
        reason:
          'logout with no login before it ("2026-10-25 01:10" happened twice in Europe/London (the clocks went back an hour): read as the first)',
      },
    ]);
  });
});
