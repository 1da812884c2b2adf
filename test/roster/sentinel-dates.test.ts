import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { placeholderOf } from "../../src/roster/sentinel-dates.js";
import { xlsxBytes } from "./fixtures.js";

const exportFile = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url)));

async function read(bytes: Uint8Array, name: string) {
  const r = await readRosterFile(bytes, name, {});
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("placeholder dates", () => {
  it("recognises the placeholders systems write for 'no value', and nothing else", () => {
    expect(placeholderOf("0000-00-00")).toBe("zero");
    expect(placeholderOf("0000-00-00 00:00:00")).toBe("zero");
    expect(placeholderOf("00/00/0000")).toBe("zero");
    expect(placeholderOf("0001-01-01T00:00:00")).toBe("far-past");
    expect(placeholderOf("01/01/0001 00:00")).toBe("far-past");
    expect(placeholderOf("9999-12-31")).toBe("far-future");
    expect(placeholderOf("12/31/9999 11:59 PM")).toBe("far-future");
    expect(placeholderOf("31 Dec 9999")).toBe("far-future");
    expect(placeholderOf("1970-01-01 00:00:00")).toBe("epoch");
    expect(placeholderOf("1970-01-01T00:00:00.000Z")).toBe("epoch");
    expect(placeholderOf(new Date(0))).toBe("epoch");
    expect(placeholderOf(new Date(Date.UTC(9999, 11, 31)))).toBe("far-future");
    expect(placeholderOf(2_958_465)).toBe("far-future"); // Excel's serial for 31 Dec 9999
    // A real time on 1 Jan 1970 is not epoch zero; real dates are not placeholders.
    expect(placeholderOf("1970-01-01 09:30")).toBeUndefined();
    expect(placeholderOf("2026-03-02 09:00")).toBeUndefined();
    expect(placeholderOf(46_083)).toBeUndefined();
  });
});

/*
 * A SQL export of a login table (quote-free, CRLF): open sessions written as 9999-12-31 23:59:59
 * and 0000-00-00 00:00:00, a .NET empty login (0001-01-01), an epoch-zero logout and a row from
 * 1985. With the default 30-minute timeout:
 * - row 2 ann.lee 09:00–12:00; row 8 gus.li 14:00–15:30: used as written.
 * - row 3 bob.king 10:00, logout 9999-12-31: no logout, closed at 10:30.
 * - row 4 cat.ng 11:00, logout 0000-00-00: no logout, closed at 11:30.
 * - row 5 (login 0001-01-01), row 6 (logout epoch zero), row 7 (1985): skipped, each reported.
 * Peak: ann is online 09–12, bob 10–10:30, cat 11–11:30 → 2 at once; 4 sessions from 4 people.
 */
describe("session logs with placeholder dates", () => {
  const ROWS = [
    ["user_name", "login_time", "logout_time"],
    ["ann.lee", "2026-03-02 09:00:00", "2026-03-02 12:00:00"],
    ["bob.king", "2026-03-02 10:00:00", "9999-12-31 23:59:59"],
    ["cat.ng", "2026-03-02 11:00:00", "0000-00-00 00:00:00"],
    ["dan.ho", "0001-01-01 00:00:00", "2026-03-02 12:00:00"],
    ["eve.ra", "2026-03-02 13:00:00", "1970-01-01 00:00:00"],
    ["fay.wu", "1985-03-02 09:00:00", "1985-03-02 10:00:00"],
    ["gus.li", "2026-03-02 14:00:00", "2026-03-02 15:30:00"],
  ];
  const at = (h: number, mi = 0) => Date.UTC(2026, 2, 2, h, mi);
  const SESSIONS = [
    { user: "ann.lee", start: at(9), end: at(12) },
    { user: "bob.king", start: at(10), end: at(10, 30), closedAtTimeout: true },
    { user: "cat.ng", start: at(11), end: at(11, 30), closedAtTimeout: true },
    { user: "gus.li", start: at(14), end: at(15, 30) },
  ];
  const ERRORS = [
    {
      row: 5,
      column: "login_time",
      reason: '"0001-01-01 00:00:00" is a placeholder date (year 1), not a real login time',
    },
    {
      row: 6,
      column: "logout_time",
      reason:
        '"1970-01-01 00:00:00" is a placeholder date (epoch zero), not a real logout time: leave the cell blank when there is no logout',
    },
    {
      row: 7,
      column: "login_time",
      reason: '"1985-03-02 09:00:00" is before 1990: not a real session time',
    },
    {
      row: 7,
      column: "logout_time",
      reason: '"1985-03-02 10:00:00" is before 1990: not a real session time',
    },
  ];
  const NOTES = [
    `1 row's logout "9999-12-31 23:59:59" (a placeholder date) read as no logout: row 3`,
    `1 row's logout "0000-00-00 00:00:00" (a placeholder date) read as no logout: row 4`,
  ];

  it("reads 9999-12-31 and 0000-00-00 logouts as no logout and reports the other placeholders", async () => {
    const r = await read(exportFile("sql-sessions-placeholder-dates.csv"), "logins.csv");
    expect(r.kind).toBe("sessions");
    expect(r.sessions).toEqual(SESSIONS);
    expect(r.rowErrors).toEqual(ERRORS);
    for (const note of NOTES) expect(r.notes).toContain(note);
    expect(r.summary).toMatchObject({ rows: 7, used: 4, skipped: 3, closedAtTimeout: 2 });
  });

  it("reads the same from quoted CSV (the row-by-row path) and from XLSX text cells", async () => {
    const quoted = ROWS.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n");
    const fromQuoted = await read(new TextEncoder().encode(quoted), "logins.csv");
    expect(fromQuoted.sessions).toEqual(SESSIONS);
    expect(fromQuoted.rowErrors).toEqual(ERRORS);
    const xlsx = await read(await xlsxBytes([{ name: "Logins", rows: ROWS }]), "logins.xlsx");
    expect(xlsx.sessions).toEqual(SESSIONS);
    expect(xlsx.rowErrors).toEqual(ERRORS);
    for (const note of NOTES) expect(xlsx.notes).toContain(note);
  });

  it("reads an XLSX date cell of 31 Dec 9999 as no logout", async () => {
    const bytes = await xlsxBytes([
      {
        name: "Logins",
        rows: [
          ["User", "Login", "Logout"],
          ["ann.lee", new Date(at(9)), new Date(Date.UTC(9999, 11, 31))],
        ],
      },
    ]);
    const r = await read(bytes, "logins.xlsx");
    expect(r.sessions).toEqual([
      { user: "ann.lee", start: at(9), end: at(9, 30), closedAtTimeout: true },
    ]);
    expect(r.notes).toContain(
      `1 row's logout "9999-12-31T00:00:00.000Z" (a placeholder date) read as no logout: row 2`,
    );
  });
});

/*
 * A roster from a .NET-based tool: never-used accounts carry LastLogin 0001-01-01 (DateTime.MinValue),
 * epoch zero or MySQL's 0000-00-00; one has an impossible 9999-12-31 last login.
 */
describe("rosters with placeholder dates", () => {
  it("reads 0001-01-01, epoch zero and 0000-00-00 last logins as never and refuses 9999-12-31", async () => {
    const r = await read(exportFile("roster-placeholder-dates.csv"), "users.csv");
    expect(r.kind).toBe("roster");
    expect(r.roster?.map((u) => [u.user, u.lastLogin ?? "never", u.created ?? "unknown"])).toEqual([
      ["ann@x.com", Date.UTC(2026, 8, 20, 9), Date.UTC(2025, 0, 10)],
      ["bob@x.com", "never", Date.UTC(2025, 1, 1)],
      ["cat@x.com", "never", Date.UTC(2025, 2, 1)],
      ["dan@x.com", "never", "unknown"],
      ["fay@x.com", "never", Date.UTC(2025, 4, 1)],
    ]);
    expect(r.rowErrors).toEqual([
      {
        row: 6,
        column: "Last Login",
        reason: '"9999-12-31T23:59:59" is a placeholder date (year 9999), not a real last login',
      },
    ]);
    expect(r.notes).toEqual(
      expect.arrayContaining([
        `2 rows' last login "0001-01-01T00:00:00" (a placeholder date) read as never logged in: rows 3, 7`,
        `1 row's last login "1970-01-01T00:00:00Z" (a placeholder date) read as never logged in: row 4`,
        `1 row's last login "0000-00-00 00:00:00" (a placeholder date) read as never logged in: row 5`,
        `1 row's created "0000-00-00 00:00:00" (a placeholder date) read as no created date: row 5`,
      ]),
    );
  });
});

/*
 * An event log (one row per login or logout): bob's pair from 1985 can't be a real session, and
 * cat's login at 9999-12-31 is a placeholder; both are reported with their rows.
 */
describe("event logs with impossible dates", () => {
  it("reports a session before 1990 and a placeholder time as bad rows", async () => {
    const text = [
      "User,Time,Event",
      "ann,2026-03-02 09:00,Login",
      "ann,2026-03-02 12:00,Logout",
      "bob,1985-03-02 09:00,Login",
      "bob,1985-03-02 10:00,Logout",
      "cat,9999-12-31 00:00,Login",
    ].join("\n");
    const r = await read(new TextEncoder().encode(text), "events.csv");
    expect(r.kind).toBe("events");
    expect(r.sessions).toEqual([
      { user: "ann", start: Date.UTC(2026, 2, 2, 9), end: Date.UTC(2026, 2, 2, 12) },
    ]);
    expect(r.rowErrors).toEqual([
      {
        row: 4,
        column: null,
        reason:
          "login at 1985-03-02 09:00 UTC is before 1990: not a real session time; its logout is not counted either",
      },
      {
        row: 6,
        column: "Time",
        reason: '"9999-12-31 00:00" is a placeholder date (year 9999), not a real time',
      },
    ]);
  });
});
