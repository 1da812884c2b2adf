import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseConcurrency } from "../../src/core/concurrency.js";
import type { Session } from "../../src/core/usage.js";
import { readRosterFile, readRosterFileWith } from "../../src/roster/read-file.js";
import { timeOfDay } from "../../src/roster/time-of-day.js";
import { exportBytes } from "./exports.js";
import { csvBytes, utc, xlsxBytes } from "./fixtures.js";

const peakOf = (sessions: readonly Session[] | undefined) => {
  const r = analyseConcurrency(sessions ?? []);
  if (!r.ok) throw new Error("concurrency failed");
  return r.value.peak;
};

describe("times of day written alone", () => {
  it.each([
    ["09:30", "09:30:00"],
    ["9:30", "09:30:00"],
    ["09:30:15", "09:30:15"],
    ["9:30 AM", "09:30:00"],
    ["12:00 AM", "00:00:00"],
    ["12:15 pm", "12:15:00"],
    ["05:10 P.M.", "17:10:00"],
    ["23:59:59.250", "23:59:59.250"],
  ])("%s is %s", (text, expected) => {
    expect(timeOfDay(text)?.text).toBe(expected);
  });

  it.each(["24:00", "9:60", "13:00 PM", "2026-03-02 09:30", "0930", "9.30", ""])(
    "%s is not a time of day alone",
    (text) => {
      expect(timeOfDay(text)).toBeUndefined();
    },
  );

  it("reads an XLSX time cell on Excel's day zero (30 Dec 1899) as its time of day", () => {
    expect(timeOfDay(new Date(Date.UTC(1899, 11, 30, 17, 45)))).toEqual({
      text: "17:45:00",
      ms: (17 * 60 + 45) * 60_000,
    });
    expect(timeOfDay(new Date(Date.UTC(2026, 2, 2, 17, 45)))).toBeUndefined();
  });
});

describe("an event log with the date and the time in separate columns (VPN report)", () => {
  const name = "vpn-date-time-events.csv";

  it.each([true, false])("joins Date and Time (line reader: %s)", async (lines) => {
    const r = await readRosterFileWith(exportBytes(name), name, {}, { lines });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe("events");
    expect(r.value.mapping).toEqual([
      { field: "user", header: "User" },
      { field: "timestamp", header: "Time" },
      { field: "event", header: "Event" },
    ]);
    expect(r.value.notes).toEqual([
      "dates read as dd/mm/yyyy",
      'joined "Date" with "Time": vpn-date-time-events.csv writes the date and the time of day in separate columns',
    ]);
    // By hand: ann 09:00–12:15, bob 09:30–17:00, cat 11:45–13:00 on 2 March; ann 08:05:30–10:00
    // on 16 March. All three are on from 11:45 to 12:15.
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 12, 15) },
      { user: "bob.king", start: utc(2026, 3, 2, 9, 30), end: utc(2026, 3, 2, 17) },
      { user: "cat.ng", start: utc(2026, 3, 2, 11, 45), end: utc(2026, 3, 2, 13) },
      { user: "ann.lee", start: utc(2026, 3, 16, 8, 5, 30), end: utc(2026, 3, 16, 10) },
    ]);
    expect(r.value.summary).toMatchObject({ rows: 8, used: 8, skipped: 0, sessions: 4, users: 3 });
    expect(peakOf(r.value.sessions)).toBe(3);
  });

  it("reads the joined wall times in the --tz zone", async () => {
    const r = await readRosterFile(exportBytes(name), name, { timeZone: "Europe/Berlin" });
    expect(r.ok && r.value.sessions?.[0]).toEqual({
      user: "ann.lee",
      start: utc(2026, 3, 2, 8),
      end: utc(2026, 3, 2, 11, 15),
    });
  });

  it("asks for the day/month order when the Date column can't settle it", async () => {
    const text = "User,Date,Time,Event\nann,02/03/2026,09:00,Login\nann,02/03/2026,10:00,Logout\n";
    const r = await readRosterFile(csvBytes(text), "vpn.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("dates.ambiguous");
    expect(r.issues[0]?.message).toBe(
      "Is 02/03/2026 the 2nd of March or the 3rd of February? No date in the file settles it. Add --date-format dd/mm or --date-format mm/dd.",
    );
  });
});

describe("a session log with Logon Date, Logon Time, Logoff Date, Logoff Time (Citrix)", () => {
  const name = "citrix-logon-date-time.csv";

  it.each([true, false])("pairs each date with its time (line reader: %s)", async (lines) => {
    const r = await readRosterFileWith(exportBytes(name), name, {}, { lines });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe("sessions");
    expect(r.value.mapping).toEqual([
      { field: "user", header: "User Name" },
      { field: "start", header: "Logon Time" },
      { field: "end", header: "Logoff Time" },
    ]);
    expect(r.value.notes).toEqual([
      'joined "Logon Date" with "Logon Time": citrix-logon-date-time.csv writes the date and the time of day in separate columns',
      'joined "Logoff Date" with "Logoff Time": citrix-logon-date-time.csv writes the date and the time of day in separate columns',
    ]);
    // 12-hour times: 05:10 PM is 17:10, 12:00 AM is midnight; cat's session crosses midnight on
    // its own dates. Peak 2: ann and bob 10:00–11:30, then cat and bob 00:00–01:00.
    expect(r.value.sessions).toEqual([
      { user: "dom\\ann.lee", start: utc(2026, 3, 2, 8, 55), end: utc(2026, 3, 2, 17, 10) },
      { user: "dom\\bob.king", start: utc(2026, 3, 2, 10), end: utc(2026, 3, 2, 11, 30) },
      { user: "dom\\cat.ng", start: utc(2026, 3, 2, 22, 45), end: utc(2026, 3, 3, 1, 15) },
      { user: "dom\\bob.king", start: utc(2026, 3, 3, 0), end: utc(2026, 3, 3, 1) },
    ]);
    expect(peakOf(r.value.sessions)).toBe(2);
  });
});

describe("a shift log with one Date and Start Time / End Time", () => {
  const name = "shift-log-date-start-end.csv";

  it.each([true, false])(
    "reads an end before the start as the next day and says so (line reader: %s)",
    async (lines) => {
      const r = await readRosterFileWith(exportBytes(name), name, {}, { lines });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.notes).toEqual([
        'joined "Date" with "Start Time" and "End Time": shift-log-date-start-end.csv writes the date and the time of day in separate columns',
        '1 row of shift-log-date-start-end.csv (row 4) has "End Time" earlier than "Start Time" on one "Date": read as ending the next day, past midnight',
      ]);
      // cat 22:00 → 06:00 the next morning; ann's last row has no end: closed at the 30-minute
      // timeout. Peak 2: ann and bob 13:00–17:30, cat and dan 05:00–06:00.
      expect(r.value.sessions).toEqual([
        { user: "ann.lee@example.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 17, 30) },
        { user: "bob.king@example.com", start: utc(2026, 3, 2, 13), end: utc(2026, 3, 2, 21) },
        { user: "cat.ng@example.com", start: utc(2026, 3, 2, 22), end: utc(2026, 3, 3, 6) },
        { user: "dan.ho@example.com", start: utc(2026, 3, 3, 5), end: utc(2026, 3, 3, 9) },
        {
          user: "ann.lee@example.com",
          start: utc(2026, 3, 3, 9),
          end: utc(2026, 3, 3, 9, 30),
          closedAtTimeout: true,
        },
      ]);
      expect(r.value.summary).toMatchObject({ sessions: 5, users: 4, closedAtTimeout: 1 });
      expect(peakOf(r.value.sessions)).toBe(2);
    },
  );

  it("joins Login and Logout columns holding only times with the Date beside them", async () => {
    const text = "User,Date,Login,Logout\nann,2026-03-02,09:00,12:00\nbob,2026-03-02,11:00,13:00\n";
    const r = await readRosterFile(csvBytes(text), "hand-made.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 12) },
      { user: "bob", start: utc(2026, 3, 2, 11), end: utc(2026, 3, 2, 13) },
    ]);
    expect(peakOf(r.value.sessions)).toBe(2);
  });

  it("reports a row whose date is missing instead of guessing a day", async () => {
    const text = "User,Date,Start Time,End Time\nann,2026-03-02,09:00,12:00\nbob,,11:00,13:00\n";
    const r = await readRosterFile(csvBytes(text), "hand-made.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toHaveLength(1);
    expect(r.value.rowErrors).toEqual([
      { row: 3, column: "Start Time", reason: '"11:00" is not a date' },
      { row: 3, column: "End Time", reason: '"13:00" is not a date' },
    ]);
  });
});

describe("XLSX: a Date column beside time-only Start and End cells", () => {
  it.each([
    ["time-of-day text (as the XLSX reader gives it)", "09:00", "17:15:30"],
    [
      "Date cells on Excel's day zero",
      new Date(Date.UTC(1899, 11, 30, 9)),
      new Date(Date.UTC(1899, 11, 30, 17, 15, 30)),
    ],
  ])("joins %s", async (_label, start, end) => {
    const bytes = await xlsxBytes([
      {
        name: "Sessions",
        rows: [
          ["User", "Date", "Start", "End"],
          ["ann@x.com", new Date(Date.UTC(2026, 2, 2)), start, end],
        ],
      },
    ]);
    const r = await readRosterFile(bytes, "sessions.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 17, 15, 30) },
    ]);
    expect(r.value.notes).toContain(
      'joined "Date" with "Start" and "End": sessions.xlsx writes the date and the time of day in separate columns',
    );
  });
});

describe("times of day with no date to put them on", () => {
  it("is refused with the column and an example, never read as 30 Dec 1899", async () => {
    const text = "User,Start Time,End Time\nann,09:00,12:00\nbob,11:00,13:00\n";
    const r = await readRosterFile(csvBytes(text), "times.csv");
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "file.time_without_date",
          message:
            '"Start Time" in times.csv holds times of day with no date (e.g. "09:00" on row 2), and the file has no date column to put them on, so I can\'t tell which day anyone was online. Read alone, those times would be 30 Dec 1899.',
          hint: 'Export the date with each time (e.g. 2026-03-02 09:00), or keep a Date column beside the time columns (headers such as "Login Date" and "Login Time" pair up)',
        },
      ],
    });
  });

  it("is refused in an XLSX session log whose time cells are on Excel's day zero", async () => {
    const bytes = await xlsxBytes([
      {
        name: "Sessions",
        rows: [
          ["User", "Login", "Logout"],
          ["ann@x.com", new Date(Date.UTC(1899, 11, 30, 9)), new Date(Date.UTC(1899, 11, 30, 10))],
        ],
      },
    ]);
    const r = await readRosterFile(bytes, "times.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("file.time_without_date");
    expect(r.issues[0]?.message).toContain('"Login" in times.xlsx holds times of day with no date');
  });

  it("says it can't tell which of two unrelated date columns the times belong to", async () => {
    const text =
      "User,Hire Date,Review Date,Start Time,End Time\nann,2020-01-01,2026-01-01,09:00,12:00\n";
    const r = await readRosterFile(csvBytes(text), "times.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.message).toBe(
      '"Start Time" in times.csv holds times of day with no date (e.g. "09:00" on row 2), and I can\'t tell which of its date columns ("Hire Date" and "Review Date") they belong to, so I can\'t tell which day anyone was online. Read alone, those times would be 30 Dec 1899.',
    );
  });
});

describe("joined logs: the figures don't depend on how the file was written (property)", () => {
  const pad = (n: number) => String(n).padStart(2, "0");
  /** Sessions as (user, day of March, start minute, length in minutes), some past midnight. */
  const sessions = fc.array(
    fc.record({
      user: fc.constantFrom("ann", "bob", "Cat", "dan"),
      day: fc.integer({ min: 2, max: 27 }),
      start: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      length: fc.integer({ min: 1, max: 12 * 60 }),
    }),
    { minLength: 1, maxLength: 25 },
  );
  const clock = (minute: number) => `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;

  it("shuffling rows, the separator, the line reader and the date order give the same sessions", async () => {
    await fc.assert(
      fc.asyncProperty(
        sessions,
        fc.constantFrom(",", ";", "\t", "|"),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        async (list, sep, lines, dayFirst, seed) => {
          const date = (d: number) => (dayFirst ? `${pad(d)}/03/2026` : `03/${pad(d)}/2026`);
          const rows = list.map((s) =>
            [s.user, date(s.day), clock(s.start), clock(s.start + s.length)].join(sep),
          );
          // A seeded shuffle, so a failure can be replayed.
          const shuffled = rows
            .map((r, i) => ({ r, k: Math.imul(i + 1, seed | 1) >>> 0 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.r);
          const text = [["User", "Date", "Start Time", "End Time"].join(sep), ...shuffled].join(
            "\n",
          );
          const dateFormat = dayFirst ? "dd/mm" : "mm/dd";
          const r = await readRosterFileWith(
            csvBytes(text),
            "log.csv",
            { dateFormat, countSessions: true },
            {
              lines,
            },
          );
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const expected = list.map((s) => ({
            user: s.user.toLowerCase(),
            start: utc(2026, 3, s.day) + s.start * 60_000,
            end: utc(2026, 3, s.day) + (s.start + s.length) * 60_000,
          }));
          const key = (s: { user: string; start: number; end: number }) =>
            `${s.user} ${s.start} ${s.end}`;
          // Each session counted as written (--count sessions), exact repeats dropped.
          const got = (r.value.sessions ?? []).map(key).sort();
          expect(got).toEqual([...new Set(expected.map(key))].sort());
          expect(peakOf(r.value.sessions)).toBe(peakOf(expected));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("a Date column beside a Time column that holds the full date-time", () => {
  it.each([true, false])(
    "reads the event time from Time, not the dates alone (line reader: %s)",
    async (lines) => {
      const text = [
        "User,Date,Time,Event",
        "ann,2026-03-02,2026-03-02 09:00,Logon",
        "bob,2026-03-02,2026-03-02 09:30,Logon",
        "ann,2026-03-02,2026-03-02 11:00,Logoff",
        "bob,2026-03-02,2026-03-02 12:00,Logoff",
      ].join("\n");
      const r = await readRosterFileWith(csvBytes(text), "vpn.csv", {}, { lines });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.mapping).toContainEqual({ field: "timestamp", header: "Time" });
      expect(r.value.notes).toEqual([
        'read the event time from "Time", not "Date": "Date" holds dates alone and "Time" the dates with their times',
      ]);
      // ann 09:00–11:00, bob 09:30–12:00: both on 09:30–11:00.
      expect(r.value.sessions).toEqual([
        { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 11) },
        { user: "bob", start: utc(2026, 3, 2, 9, 30), end: utc(2026, 3, 2, 12) },
      ]);
      expect(peakOf(r.value.sessions)).toBe(2);
    },
  );

  it("keeps a --map that names the Date column", async () => {
    const text =
      "User,Date,Time,Event\nann,2026-03-02,2026-03-02 09:00,Logon\nann,2026-03-02,2026-03-02 11:00,Logoff\n";
    const r = await readRosterFile(csvBytes(text), "vpn.csv", {
      mapOverrides: { timestamp: "Date" },
    });
    expect(r.ok && r.value.mapping).toContainEqual({ field: "timestamp", header: "Date" });
  });
});

describe("a log of when each session began and how long it lasted: User,Date,Time,Duration", () => {
  // ann 09:00 for 1 h 30 min → 10:30; bo 10:00 for 45 min → 10:45; cy 10:15 for 2 h → 12:15.
  // Overlaps: 10:00–10:30 ann+bo, 10:15–10:30 ann+bo+cy → peak 3.
  const TEXT =
    "User,Date,Time,Duration\nann,2026-03-02,09:00,01:30:00\nbo,2026-03-02,10:00,00:45:00\ncy,2026-03-02,10:15,02:00:00\n";

  it.each([true, false])("reads Time on its Date as the login (line reader: %s)", async (lines) => {
    const r = await readRosterFileWith(csvBytes(TEXT), "vpn.csv", {}, { lines });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.kind).toBe("sessions");
    expect(r.value.mapping).toEqual([
      { field: "user", header: "User" },
      { field: "start", header: "Time" },
      { field: "duration", header: "Duration" },
    ]);
    expect(r.value.notes).toContain(
      'joined "Date" with "Time": vpn.csv writes the date and the time of day in separate columns',
    );
    expect(r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10, 30) },
      { user: "bo", start: utc(2026, 3, 2, 10), end: utc(2026, 3, 2, 10, 45) },
      { user: "cy", start: utc(2026, 3, 2, 10, 15), end: utc(2026, 3, 2, 12, 15) },
    ]);
    expect(peakOf(r.value.sessions)).toBe(3);
  });

  it("reads Date,Start,Duration the same way, Start a time of day", async () => {
    const text =
      "Agent,Date,Start,Duration (minutes)\nann,2026-03-02,09:00,90\nbo,2026-03-02,10:00,45\ncy,2026-03-02,10:15,120\n";
    for (const lines of [true, false]) {
      const r = await readRosterFileWith(csvBytes(text), "shifts.csv", {}, { lines });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      expect(r.value.sessions).toEqual([
        { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10, 30) },
        { user: "bo", start: utc(2026, 3, 2, 10), end: utc(2026, 3, 2, 10, 45) },
        { user: "cy", start: utc(2026, 3, 2, 10, 15), end: utc(2026, 3, 2, 12, 15) },
      ]);
      expect(peakOf(r.value.sessions)).toBe(3);
    }
  });

  it("a User,Time,Event log stays an event log (a Time column is the login only beside a duration)", async () => {
    const text = "User,Time,Event\nann,2026-03-02 09:00,login\nann,2026-03-02 10:00,logout\n";
    const r = await readRosterFile(csvBytes(text), "events.csv");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.kind).toBe("events");
    expect(r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10) },
    ]);
  });

  it("a Time column with no date to put it on is still refused, not read as 30 Dec 1899", async () => {
    const r = await readRosterFile(csvBytes("User,Time,Duration\nann,09:00,30\n"), "vpn.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(["file.time_without_date"]);
  });
});
