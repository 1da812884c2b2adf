import { describe, expect, it } from "vitest";
import { analyseConcurrency } from "../../src/core/concurrency.js";
import { readRosterFile, readRosterFileWith } from "../../src/roster/read-file.js";
import { csvBytes, utc, xlsxBytes } from "./fixtures.js";

const SESSIONS = [
  "uid,t1,t2",
  "u1001,2026-03-02 09:00,2026-03-02 11:00",
  "u1002,2026-03-02 10:00,2026-03-02 12:30",
  "u1001,2026-03-02 13:00,2026-03-02 17:00",
  "u1003,2026-03-02 10:30,2026-03-02 10:45",
  "u1002,2026-03-03 08:00,2026-03-03 09:00",
].join("\n");

describe("a session log recognised by its content", () => {
  it.each([true, false])(
    "reads uid,t1,t2 as user, login, logout (line reader: %s)",
    async (lines) => {
      const r = await readRosterFileWith(csvBytes(SESSIONS), "usage.csv", {}, { lines });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.kind).toBe("sessions");
      expect(r.value.mapping).toEqual([
        { field: "user", header: "uid", guessed: true },
        { field: "start", header: "t1", guessed: true },
        { field: "end", header: "t2", guessed: true },
      ]);
      expect(r.value.notes).toEqual([
        'columns guessed from the data: user ← "uid", start ← "t1", end ← "t2" (read as a session log: user ids repeat and "t2" is after "t1" in most rows); if that is wrong, name the columns with --map',
      ]);
      // By hand: u1001 09–11 and 13–17, u1002 10–12:30 and 08–09 next day, u1003 10:30–10:45.
      // 10:30–10:45 all three are on.
      expect(r.value.summary).toMatchObject({ rows: 5, used: 5, sessions: 5, users: 3 });
      const c = analyseConcurrency(r.value.sessions ?? []);
      expect(c.ok && c.value.peak).toBe(3);
      expect(c.ok && c.value.peakAt).toBe(utc(2026, 3, 2, 10, 30));
    },
  );

  it("takes the earlier column as the login when the logout comes first", async () => {
    const text =
      "Col1,Col2,Col3\nann,02/03/2026 10:00,02/03/2026 09:00\nann,16/03/2026 12:00,16/03/2026 11:00\n";
    const r = await readRosterFile(csvBytes(text), "export.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.mapping).toEqual([
      { field: "user", header: "Col1", guessed: true },
      { field: "start", header: "Col3", guessed: true },
      { field: "end", header: "Col2", guessed: true },
    ]);
    expect(r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10) },
      { user: "ann", start: utc(2026, 3, 16, 11), end: utc(2026, 3, 16, 12) },
    ]);
  });

  it("is not called a roster because one column is headed User", async () => {
    const text =
      "User,Col B,Col C\nann,2026-03-02 09:00,2026-03-02 10:00\nann,2026-03-02 11:00,2026-03-02 12:00\nbob,2026-03-02 09:30,2026-03-02 11:30\n";
    const r = await readRosterFile(csvBytes(text), "export.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe("sessions");
    expect(r.value.mapping).toEqual([
      { field: "user", header: "User" },
      { field: "start", header: "Col B", guessed: true },
      { field: "end", header: "Col C", guessed: true },
    ]);
    expect(r.value.notes[0]).toBe(
      'columns guessed from the data: start ← "Col B", end ← "Col C" (read as a session log: user ids repeat and "Col C" is after "Col B" in most rows); if that is wrong, name the columns with --map',
    );
  });

  it("reads an XLSX sheet of Date cells the same way", async () => {
    const bytes = await xlsxBytes([
      {
        name: "Sheet1",
        rows: [
          ["A", "B", "C"],
          ["ann@x.com", new Date(Date.UTC(2026, 2, 2, 9)), new Date(Date.UTC(2026, 2, 2, 10))],
          ["ann@x.com", new Date(Date.UTC(2026, 2, 3, 9)), new Date(Date.UTC(2026, 2, 3, 9, 45))],
        ],
      },
    ]);
    const r = await readRosterFile(bytes, "export.xlsx");
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10) },
      { user: "ann@x.com", start: utc(2026, 3, 3, 9), end: utc(2026, 3, 3, 9, 45) },
    ]);
  });
});

describe("an event log recognised by its content", () => {
  it("reads Col1,Col2,Col3 as user, time and login/logout words", async () => {
    const text = [
      "Col1,Col2,Col3",
      "ann,2026-03-02 09:00,Logon",
      "bob,2026-03-02 09:10,Logon",
      "ann,2026-03-02 09:40,Logoff",
      "bob,2026-03-02 10:00,Logoff",
      "bob,2026-03-02 10:05,Logon failed",
    ].join("\n");
    const r = await readRosterFile(csvBytes(text), "events.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe("events");
    expect(r.value.mapping).toEqual([
      { field: "user", header: "Col1", guessed: true },
      { field: "timestamp", header: "Col2", guessed: true },
      { field: "event", header: "Col3", guessed: true },
    ]);
    expect(r.value.notes[0]).toBe(
      'columns guessed from the data: user ← "Col1", timestamp ← "Col2", event ← "Col3" (read as an event log: user ids repeat beside one date-time column and a column of login and logout words); if that is wrong, name the columns with --map',
    );
    // ann 09:00–09:40, bob 09:10–10:00; the failed logon is left out and reported.
    expect(r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 9, 40) },
      { user: "bob", start: utc(2026, 3, 2, 9, 10), end: utc(2026, 3, 2, 10) },
    ]);
    const c = analyseConcurrency(r.value.sessions ?? []);
    expect(c.ok && c.value.peak).toBe(2);
  });
});

describe("--map overrides a guess", () => {
  it("keeps the user the --map names and guesses only the times", async () => {
    const r = await readRosterFile(csvBytes(SESSIONS), "usage.csv", {
      mapOverrides: { user: "uid" },
    });
    expect(r.ok && r.value.mapping).toEqual([
      { field: "user", header: "uid" },
      { field: "start", header: "t1", guessed: true },
      { field: "end", header: "t2", guessed: true },
    ]);
  });

  it("guesses nothing when --map names the times, even the wrong way round", async () => {
    const r = await readRosterFile(csvBytes(SESSIONS), "usage.csv", {
      mapOverrides: { user: "uid", start: "t2", end: "t1" },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("file.no_usable_rows");
    expect(r.issues[0]?.message).toBe(
      'None of the 5 rows of usage.csv could be used. First problems: row 2 "t1" logout is before login; row 3 "t1" logout is before login; row 4 "t1" logout is before login.',
    );
  });
});

describe("no guess when the data doesn't settle it", () => {
  const unrecognised = (columns: string) => ({
    ok: false,
    issues: [
      {
        code: "file.unrecognised",
        message: `I couldn't tell what export.csv holds: no column for the user (e-mail or id), login time or event. Columns found: ${columns}.`,
        hint: '--map user="Agent Email" --map start="Login Time" --map end="Logout Time"',
      },
    ],
  });

  it("two columns of repeating ids (which is the user?)", async () => {
    const text =
      "Col1,Col2,Col3,Col4\nann,pc1,2026-03-02 09:00,2026-03-02 10:00\nann,pc1,2026-03-02 11:00,2026-03-02 12:00\n";
    expect(await readRosterFile(csvBytes(text), "export.csv")).toEqual(
      unrecognised('"Col1", "Col2", "Col3", "Col4"'),
    );
  });

  it("three date-time columns", async () => {
    const text =
      "a,b,c,d\nann,2026-03-02 09:00,2026-03-02 10:00,2026-03-02 11:00\nann,2026-03-03 09:00,2026-03-03 10:00,2026-03-03 11:00\n";
    expect(await readRosterFile(csvBytes(text), "export.csv")).toEqual(
      unrecognised('"a", "b", "c", "d"'),
    );
  });

  it("ids that never repeat (one row per person is a roster's shape, not a log's)", async () => {
    const text =
      "Col1,Col2,Col3\nann,2026-03-02 09:00,2026-03-02 10:00\nbob,2026-03-02 11:00,2026-03-02 12:00\n";
    expect(await readRosterFile(csvBytes(text), "export.csv")).toEqual(
      unrecognised('"Col1", "Col2", "Col3"'),
    );
  });

  it("months between the two dates (created and last login), so it stays a roster", async () => {
    const text =
      "Email,Col2,Col3\nann@x.com,2025-01-06,2026-03-02\nann@x.com,2025-02-03,2026-02-27\n";
    const r = await readRosterFile(csvBytes(text), "export.csv");
    expect(r.ok && r.value.kind).toBe("roster");
    expect(r.ok && r.value.mapping.some((m) => m.guessed)).toBe(false);
  });

  it("a first row of data is still refused as no header (its row would be lost)", async () => {
    const text =
      "ann@x.com,2026-03-02 09:00,2026-03-02 10:00\nann@x.com,2026-03-02 11:00,2026-03-02 12:00\n";
    const r = await readRosterFile(csvBytes(text), "export.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(["file.no_header"]);
  });
});
