import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { MINUTE, utc, xlsxBytes } from "./fixtures.js";

describe("XLSX files", () => {
  it("reads Excel serial dates, real Date cells, rich text, hyperlinks and formula results", async () => {
    const bytes = await xlsxBytes([
      {
        name: "Sessions",
        rows: [
          ["Agent Email", "Login Time", "Logout Time"],
          // Serial 46000 is 9 Dec 2025; .375 is 09:00 and .4375 is 10:30.
          ["ann@x.com", 46000.375, 46000.4375],
          // exceljs writes a Date as a date-formatted cell and reads it back as a Date.
          ["bob@x.com", new Date(utc(2026, 3, 2, 9)), new Date(utc(2026, 3, 2, 9, 45))],
          [
            { richText: [{ text: "Cat@" }, { text: "x.com" }] },
            "2026-03-02 11:00",
            { formula: "B3+1/24", result: new Date(utc(2026, 3, 2, 12)) },
          ],
          [
            { text: "dan@x.com", hyperlink: "mailto:dan@x.com" },
            "2026-03-02 11:00",
            "2026-03-02 11:30",
          ],
          [],
          ["eve@x.com", "#N/A", { error: "#N/A" }],
        ],
      },
    ]);
    const r = await readRosterFile(bytes, "export.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe("xlsx");
    expect(r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2025, 12, 9, 9), end: utc(2025, 12, 9, 10, 30) },
      { user: "bob@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 9, 45) },
      { user: "cat@x.com", start: utc(2026, 3, 2, 11), end: utc(2026, 3, 2, 12) },
      { user: "dan@x.com", start: utc(2026, 3, 2, 11), end: utc(2026, 3, 2, 11, 30) },
    ]);
    // Row 6 is blank; eve is on sheet row 7.
    expect(r.value.rowErrors).toEqual([
      { row: 7, column: "Login Time", reason: '"#N/A" is not a date' },
      { row: 7, column: "Logout Time", reason: '"#N/A" is not a date' },
    ]);
    expect(r.value.summary).toMatchObject({ rows: 5, blankRows: 1, used: 4, skipped: 1 });
  });

  it("reads the first sheet by default, a named one when asked, and lists the sheets otherwise", async () => {
    const bytes = await xlsxBytes([
      {
        name: "Notes",
        rows: [
          ["Email", "Status"],
          ["a@x.com", "active"],
        ],
      },
      {
        name: "Agents",
        rows: [
          ["Email", "Status"],
          ["b@x.com", "Departed"],
          ["c@x.com", "disabled"],
        ],
      },
    ]);
    const first = await readRosterFile(bytes, "roster.xlsx");
    expect(first.ok && first.value.roster).toEqual([{ user: "a@x.com", status: "active" }]);
    // The read summary names the sheet and the other (read-summary-sheets.test.ts); no note.
    expect(first.ok && first.value.notes).toEqual([]);
    expect(first.ok && first.value.sheet).toEqual({ name: "Notes", others: ["Agents"] });
    const named = await readRosterFile(bytes, "roster.xlsx", { sheet: "agents" });
    expect(named.ok && named.value.roster).toEqual([
      { user: "b@x.com", status: "departed" },
      { user: "c@x.com", status: "disabled" },
    ]);
    const missing = await readRosterFile(bytes, "roster.xlsx", { sheet: "Staff" });
    expect(missing).toEqual({
      ok: false,
      issues: [
        {
          code: "file.no_sheet",
          message: 'roster.xlsx has no sheet named "Staff". Sheets: "Notes", "Agents".',
          hint: '--sheet "Notes"',
        },
      ],
    });
  });

  it("reads numeric ids as user keys and durations in minutes", async () => {
    const bytes = await xlsxBytes([
      {
        name: "S",
        rows: [
          ["Agent ID", "Start", "Duration (mins)"],
          [1042, new Date(utc(2026, 3, 2, 9)), 45],
        ],
      },
    ]);
    const r = await readRosterFile(bytes, "s.xlsx");
    expect(r.ok && r.value.sessions).toEqual([
      { user: "1042", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 9) + 45 * MINUTE },
    ]);
  });

  it("honours the 1904 date system", async () => {
    const bytes = await xlsxBytes(
      [
        {
          name: "S",
          rows: [
            ["user", "start", "end"],
            ["ann", 46000, 46000.5],
          ],
        },
      ],
      {
        date1904: true,
      },
    );
    const r = await readRosterFile(bytes, "mac.xlsx");
    // 46000 in the 1904 system is 10 Dec 2029 (see dates.test.ts); .5 is noon.
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann", start: utc(2029, 12, 10), end: utc(2029, 12, 10, 12) },
    ]);
  });

  it("reports an empty workbook and a header-only sheet", async () => {
    const empty = await readRosterFile(await xlsxBytes([{ name: "Blank", rows: [] }]), "e.xlsx");
    expect(!empty.ok && empty.issues[0]?.message).toBe('e.xlsx is empty (sheet "Blank").');
    const headerOnly = await readRosterFile(
      await xlsxBytes([{ name: "S", rows: [["Email", "Status"]] }]),
      "h.xlsx",
    );
    expect(!headerOnly.ok && headerOnly.issues[0]?.code).toBe("file.no_rows");
  });
});

describe("options that don't apply", () => {
  it("notes a --sheet given for a CSV file", async () => {
    const r = await readRosterFile(new TextEncoder().encode("Email\na@x.com\n"), "r.csv", {
      sheet: "Agents",
    });
    expect(r.ok && r.value.notes).toEqual([
      '--sheet "Agents" ignored: r.csv is a CSV file',
      "no status column: every user counted as active",
    ]);
  });
});
