import { describe, expect, it } from "vitest";
import { eventKind } from "../../src/roster/events-to-sessions.js";
import { readRosterFile } from "../../src/roster/read-file.js";
import { csvBytes, utc } from "./fixtures.js";

// The CERT insider-threat logon.csv layout: id,date,user,pc,activity, with mm/dd/yyyy dates.
const LOGON = [
  "id,date,user,pc,activity",
  "{A1},01/02/2010 07:00:00,DTAA/KEE0997,PC-1,Logon", //   row 2
  "{A2},01/02/2010 17:00:00,DTAA/KEE0997,PC-1,Logoff", //  row 3
  "{A3},01/13/2010 08:00:00,DTAA/KEE0997,PC-1,Logon", //   row 4: next login on PC-1 is row 5
  "{A4},01/13/2010 08:10:00,DTAA/KEE0997,PC-1,Logon", //   row 5: never logged off
  "{A5},01/13/2010 09:00:00,DTAA/ABC1234,PC-2,Logoff", //  row 6: no login before it
  "{A6},01/13/2010 09:00:00,DTAA/ABC1234,PC-2,Screen lock", // row 7
  "{A7},01/02/2010 17:00:00,DTAA/KEE0997,PC-1,Logoff", //  row 8: repeats row 3
  "{A8},01/02/2010 12:00:00,DTAA/KEE0997,PC-9,Logon", //   row 9: a second PC
  "{A9},01/02/2010 13:00:00,DTAA/KEE0997,PC-9,Logoff", //  row 10
].join("\n");

describe("event logs", () => {
  it("pairs logins with logouts per user and PC", async () => {
    const r = await readRosterFile(csvBytes(LOGON), "logon.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value;
    expect(v.kind).toBe("events");
    expect(v.mapping).toEqual([
      { field: "user", header: "user" },
      { field: "timestamp", header: "date" },
      { field: "event", header: "activity" },
      { field: "device", header: "pc" },
    ]);
    // 13 January proves month-first.
    expect(v.notes).toEqual(["dates read as mm/dd/yyyy"]);
    // PC-1 07:00-17:00 and PC-9 12:00-13:00 overlap: one session for the user. On 13 Jan the 08:00
    // login is cut at the 08:10 login (sooner than its 08:30 timeout), which runs to 08:40.
    expect(v.sessions).toEqual([
      { user: "dtaa/kee0997", start: utc(2010, 1, 2, 7), end: utc(2010, 1, 2, 17) },
      {
        user: "dtaa/kee0997",
        start: utc(2010, 1, 13, 8),
        end: utc(2010, 1, 13, 8, 10),
        closedAtTimeout: true,
      },
      {
        user: "dtaa/kee0997",
        start: utc(2010, 1, 13, 8, 10),
        end: utc(2010, 1, 13, 8, 40),
        closedAtTimeout: true,
      },
    ]);
    expect(v.rowErrors).toEqual([
      { row: 6, column: "activity", reason: "logout with no login before it" },
      { row: 7, column: "activity", reason: '"Screen lock" is not a login or logout' },
      { row: 8, column: null, reason: "same user, time and event as row 3" },
    ]);
    expect(v.summary).toEqual({
      rows: 9,
      blankRows: 0,
      used: 6,
      skipped: 3,
      sessions: 3,
      users: 1,
      closedAtTimeout: 2,
      overlapping: 1,
      merged: 1,
      duplicates: 1,
      endBeforeStart: 0,
      unknownUsers: 0,
      unknownUserRows: 0,
      unpairedLogouts: 1,
    });
  });

  it("asks for the date order when nothing in the log proves it", async () => {
    const r = await readRosterFile(
      csvBytes(
        "id,date,user,pc,activity\n{A},01/02/2010 07:00:00,u1,PC-1,Logon\n{B},01/02/2010 08:00:00,u1,PC-1,Logoff\n",
      ),
      "logon.csv",
    );
    expect(!r.ok && r.issues[0]?.message).toBe(
      "Is 01/02/2010 the 1st of February or the 2nd of January? No date in the file settles it. Add --date-format dd/mm or --date-format mm/dd.",
    );
    const told = await readRosterFile(
      csvBytes(
        "id,date,user,pc,activity\n{A},01/02/2010 07:00:00,u1,PC-1,Logon\n{B},01/02/2010 08:00:00,u1,PC-1,Logoff\n",
      ),
      "logon.csv",
      { dateFormat: "mm/dd" },
    );
    expect(told.ok && told.value.sessions).toEqual([
      { user: "u1", start: utc(2010, 1, 2, 7), end: utc(2010, 1, 2, 8) },
    ]);
  });

  it("pairs without a device column, by user", async () => {
    const r = await readRosterFile(
      csvBytes(
        "Timestamp,Username,Action\n2026-03-02T09:00:00Z,ann,Sign-in\n2026-03-02T09:50:00Z,ann,Signed out\n",
      ),
      "audit.csv",
    );
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 9, 50) },
    ]);
  });
});

describe("eventKind", () => {
  it.each([
    ["Logon", "login"],
    ["User logged on", "login"],
    ["Sign-in", "login"],
    ["4624", "login"],
    ["Logoff", "logout"],
    ["Disconnect", "logout"],
    ["Session timeout", "logout"],
    ["4634", "logout"],
    ["Screen lock", undefined],
    // Licence servers: OUT takes a licence (a login), IN returns it (a logout).
    ["OUT", "login"],
    ["IN", "logout"],
    ['OUT: "halo_agent" ann@WS-0101', "login"],
    ['IN: "halo_agent" ann@WS-0101', "logout"],
    ["Checked out", "login"],
    ["License checked in", "logout"],
    ["Check-out", "login"],
    ["Checkin", "logout"],
    // Words, not substrings: "Logged out" is no checkout and "Disconnected" no connect.
    ["Logged out", "logout"],
    ["Disconnected", "logout"],
    ["Connection closed", "logout"],
    ["Session opened", "login"],
    ["Session reconnection succeeded", "login"],
    ["Session has been disconnected", "logout"],
    ["USERLOGIN", "login"],
    ["agent_logoff", "logout"],
    ["Successful login attempt", "login"],
    // Failed, refused, queued or unconfirmed: neither.
    ["Login failed", "attempt"],
    ["Failed login", "attempt"],
    ["Sign-in failure", "attempt"],
    ["Unsuccessful logon", "attempt"],
    ["Logon attempt rejected", "attempt"],
    ["Connection refused", "attempt"],
    ["Not logged in", "attempt"],
    ["Unable to log in", "attempt"],
    ["Login attempt", "attempt"],
    ["Logout failed", "attempt"],
    ["4625", "attempt"],
    ["DENIED", "attempt"],
    ["QUEUED", "attempt"],
    // Both words, or neither: not guessed.
    ["Login timeout", undefined],
    ["Checking licence", undefined],
    ["Signing out", undefined],
  ])("%s → %s", (text, kind) => {
    expect(eventKind(text)).toBe(kind);
  });
});
