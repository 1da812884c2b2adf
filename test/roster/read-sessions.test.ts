import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMapping, readRosterFile } from "../../src/roster/read-file.js";
import { csvBytes, MINUTE, utc } from "./fixtures.js";

async function read(text: string, options = {}) {
  const r = await readRosterFile(csvBytes(text), "sessions.csv", options);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const LOG = [
  "Agent Email,Login Time,Logout Time",
  "ann@x.com,2026-03-02 09:00,2026-03-02 10:00", // row 2
  "ann@x.com,2026-03-02 09:30,2026-03-02 11:00", // row 3: overlaps row 2
  "ann@x.com,2026-03-02 11:00,2026-03-02 12:00", // row 4: touches, doesn't overlap
  "Bob@X.com,2026-03-02 09:00,", //                 row 5: no logout
  "bob@x.com,2026-03-02 09:00,2026-03-02 08:00", // row 6: logout before login
  "ANN@x.com,2026-03-02 09:00,2026-03-02 10:00", // row 7: repeats row 2
  ",2026-03-02 09:00,2026-03-02 10:00", //          row 8: no user
  "cat@x.com,2026-03-02 25:00,soon", //             row 9: two bad dates
].join("\r\n");

describe("session logs", () => {
  it("merges overlaps, closes open logins at the timeout and reports every unused row", async () => {
    const r = await read(LOG);
    expect(r.kind).toBe("sessions");
    expect(r.mapping).toEqual([
      { field: "user", header: "Agent Email" },
      { field: "start", header: "Login Time" },
      { field: "end", header: "Logout Time" },
    ]);
    expect(formatMapping(r.mapping)).toBe(
      'user ← "Agent Email", start ← "Login Time", end ← "Logout Time"',
    );
    // ann 09:00-10:00 and 09:30-11:00 merge into 09:00-11:00; 11:00-12:00 only touches it.
    // bob's open 09:00 login closes at the 30-minute timeout, 09:30. Sorted by start, then user.
    expect(r.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 11) },
      {
        user: "bob@x.com",
        start: utc(2026, 3, 2, 9),
        end: utc(2026, 3, 2, 9, 30),
        closedAtTimeout: true,
      },
      { user: "ann@x.com", start: utc(2026, 3, 2, 11), end: utc(2026, 3, 2, 12) },
    ]);
    expect(r.rowErrors).toEqual([
      { row: 6, column: "Logout Time", reason: "logout is before login" },
      { row: 7, column: null, reason: "same user, login and logout as row 2" },
      { row: 8, column: "Agent Email", reason: "no user" },
      { row: 9, column: "Login Time", reason: '"2026-03-02 25:00" is not a date' },
      { row: 9, column: "Logout Time", reason: '"soon" is not a date' },
    ]);
    expect(r.rowWarnings).toEqual([]);
    // 8 data rows: rows 2-5 used, rows 6-9 skipped.
    expect(r.summary).toEqual({
      rows: 8,
      blankRows: 0,
      used: 4,
      skipped: 4,
      sessions: 3,
      users: 2,
      closedAtTimeout: 1,
      overlapping: 1,
      merged: 1,
      duplicates: 1,
      endBeforeStart: 1,
      unknownUsers: 0,
      unknownUserRows: 0,
      unpairedLogouts: 0,
    });
  });

  it("counts overlapping sessions separately when asked, with a configurable timeout", async () => {
    const r = await read(LOG, { countSessions: true, sessionTimeoutMinutes: 45 });
    expect(r.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10) },
      {
        user: "bob@x.com",
        start: utc(2026, 3, 2, 9),
        end: utc(2026, 3, 2, 9, 45),
        closedAtTimeout: true,
      },
      { user: "ann@x.com", start: utc(2026, 3, 2, 9, 30), end: utc(2026, 3, 2, 11) },
      { user: "ann@x.com", start: utc(2026, 3, 2, 11), end: utc(2026, 3, 2, 12) },
    ]);
    expect(r.summary.overlapping).toBe(1);
    expect(r.summary.merged).toBe(0);
  });

  it("flags users missing from the roster but keeps their sessions", async () => {
    const r = await read(LOG, { knownUsers: new Set(["ann@x.com"]) });
    expect(r.sessions).toHaveLength(3);
    expect(r.rowWarnings).toEqual([
      {
        row: 5,
        column: "Agent Email",
        reason: "user is not in the roster; their sessions are still counted",
      },
    ]);
    expect(r.summary.unknownUsers).toBe(1);
    expect(r.summary.unknownUserRows).toBe(1);
    const none = await read(LOG, { knownUsers: new Set(["zed@x.com"]) });
    expect(none.notes).toContain(
      'none of the 2 users are in the roster: do both files use the same key (e-mail or id)? If the roster has a column holding the ids the log uses, name it with --roster-key "Column".',
    );
  });

  it("reads durations in the header's unit and notes an assumed unit", async () => {
    const mins = await read(
      "User;Start;Duration (mins)\nann;2026-03-02 09:00;45\nbob;2026-03-02 09:00;1:30\n",
    );
    expect(mins.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 9) + 45 * MINUTE },
      { user: "bob", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10, 30) },
    ]);
    expect(mins.notes).toEqual(["semicolon-separated"]);
    const bare = await read(
      "User\tStart\tDuration\nann\t2026-03-02 09:00\t45\nbob\t2026-03-02 09:00\tlong\n",
    );
    expect(bare.sessions?.[0]?.end).toBe(utc(2026, 3, 2, 9, 45));
    expect(bare.notes).toEqual([
      "tab-separated",
      '"Duration" names no unit: durations read as minutes',
    ]);
    expect(bare.rowErrors).toEqual([
      { row: 3, column: "Duration", reason: '"long" is not a duration' },
    ]);
  });

  it("reads a UTF-8 BOM file with CRLF, blank rows and dd/mm dates proven by 25/03", async () => {
    const text =
      "\uFEFFUser,Start,End\r\nann,03/04/2026 09:00,03/04/2026 10:00\r\n\r\nbob,25/03/2026 09:00,25/03/2026 09:15\r\n";
    const r = await read(text);
    expect(r.mapping[0]).toEqual({ field: "user", header: "User" });
    // 03/04 is 3 April once 25/03 proves the file is day-first.
    expect(r.sessions).toEqual([
      { user: "bob", start: utc(2026, 3, 25, 9), end: utc(2026, 3, 25, 9, 15) },
      { user: "ann", start: utc(2026, 4, 3, 9), end: utc(2026, 4, 3, 10) },
    ]);
    expect(r.summary.blankRows).toBe(1);
    expect(r.notes).toEqual(["dates read as dd/mm/yyyy"]);
  });

  it("reads times in the zone given", async () => {
    const r = await read("user,start,end\nann,2026-07-01 09:00,2026-07-01 10:00\n", {
      timeZone: "Europe/London",
    });
    // 09:00 BST is 08:00 UTC.
    expect(r.sessions?.[0]).toEqual({
      user: "ann",
      start: utc(2026, 7, 1, 8),
      end: utc(2026, 7, 1, 9),
    });
    expect(r.notes).toEqual(["times without a zone read as Europe/London"]);
  });

  it("uses --map overrides and reports rows shifted by an unquoted comma", async () => {
    const r = await read(
      "Who,Began,Stopped,Note\nann,2026-03-02 09:00,2026-03-02 10:00,ok\nbob,2026-03-02 09:00,2026-03-02 10:00,late, again\n",
      {
        mapOverrides: { user: "Who", start: "Began", end: "Stopped" },
      },
    );
    expect(r.sessions).toHaveLength(1);
    expect(r.rowErrors).toEqual([
      {
        row: 3,
        column: null,
        reason: "has 5 values but the header has 4 columns (a value with an unquoted comma?)",
      },
    ]);
    expect(r.summary).toMatchObject({ rows: 2, used: 1, skipped: 1 });
  });

  it("property: every data row is used or reported, and merged sessions never overlap", async () => {
    const users = ["ann", "bob", "", "Ann "];
    const starts = ["2026-03-02 09:00", "2026-03-02 09:20", "2026-03-02 10:00", "bad", ""];
    const ends = ["2026-03-02 09:40", "2026-03-02 11:00", "2026-03-02 08:00", "", "nope"];
    const row = fc.tuple(
      fc.constantFrom(...users),
      fc.constantFrom(...starts),
      fc.constantFrom(...ends),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(row, fc.constant(null)), { maxLength: 30 }),
        async (rows) => {
          const lines = rows.map((r) => (r === null ? "" : r.join(",")));
          const result = await readRosterFile(
            csvBytes(`user,start,end\n${lines.join("\n")}\n`),
            "p.csv",
          );
          // A row whose values are all empty (",,") is blank, like an empty line: counted apart.
          const dataRows = rows.filter((r) => r?.some((v) => v.trim() !== "") === true).length;
          if (!result.ok) {
            // Only a file with no data rows, or none usable, is refused as a whole.
            expect(["file.no_rows", "file.no_usable_rows"]).toContain(result.issues[0]?.code);
            return;
          }
          const s = result.value.summary;
          expect(s.rows).toBe(dataRows);
          expect(s.blankRows).toBe(rows.length - dataRows);
          expect(s.used + s.skipped).toBe(s.rows);
          expect(new Set(result.value.rowErrors.map((e) => e.row)).size).toBe(s.skipped);
          const sessions = result.value.sessions ?? [];
          for (const x of sessions) expect(x.end).toBeGreaterThanOrEqual(x.start);
          for (const a of sessions) {
            for (const b of sessions) {
              if (a !== b && a.user === b.user)
                expect(a.end <= b.start || b.end <= a.start).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
