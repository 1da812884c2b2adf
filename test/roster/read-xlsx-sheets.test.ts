import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { utc } from "./fixtures.js";
import { workbookBytes } from "./xlsx/workbooks.js";

const roster = (email: string) => [
  ["Email", "Status"],
  [email, "active"],
];

describe("which sheet is read (issue 10, class 12)", () => {
  it("skips a hidden first sheet and an empty one, reads the first visible sheet with data, and says so", async () => {
    const bytes = await workbookBytes([
      { name: "Lookup", rows: roster("hidden@x.com"), state: "hidden" },
      { name: "Cover", rows: [] },
      { name: "Agents", rows: roster("ann@x.com") },
      { name: "Old", rows: roster("old@x.com") },
    ]);
    const r = await readRosterFile(bytes, "roster.xlsx");
    expect(r.ok && r.value.roster).toEqual([{ user: "ann@x.com", status: "active" }]);
    expect(r.ok && r.value.notes[0]).toBe(
      'sheet "Agents" of 4 read, the first visible sheet with data: "Lookup" is hidden, "Cover" is empty (choose another with --sheet)',
    );
  });

  it("names a very hidden sheet for what it is", async () => {
    const bytes = await workbookBytes([
      { name: "Macro", rows: roster("m@x.com"), state: "veryHidden" },
      { name: "Agents", rows: roster("ann@x.com") },
    ]);
    const r = await readRosterFile(bytes, "roster.xlsx");
    expect(r.ok && r.value.notes[0]).toBe(
      `sheet "Agents" of 2 read, the first visible sheet with data: "Macro" is hidden (very hidden: shown only from Excel's VBA editor) (choose another with --sheet)`,
    );
  });

  it("reads a hidden sheet named with --sheet, and says it is hidden", async () => {
    const bytes = await workbookBytes([
      { name: "Agents", rows: roster("ann@x.com") },
      { name: "Lookup", rows: roster("hidden@x.com"), state: "hidden" },
    ]);
    const r = await readRosterFile(bytes, "roster.xlsx", { sheet: "lookup" });
    expect(r.ok && r.value.roster).toEqual([{ user: "hidden@x.com", status: "active" }]);
    expect(r.ok && r.value.notes[0]).toBe('sheet "Lookup" of 2 (a hidden sheet)');
  });

  it("asks for --sheet when no visible sheet has data, listing the sheets", async () => {
    const bytes = await workbookBytes([
      { name: "Cover", rows: [] },
      { name: "Data", rows: roster("ann@x.com"), state: "hidden" },
    ]);
    expect(await readRosterFile(bytes, "roster.xlsx")).toEqual({
      ok: false,
      issues: [
        {
          code: "file.empty",
          message:
            'roster.xlsx has no visible sheet with data. Sheets: "Cover" (empty), "Data" (hidden).',
          hint: 'To read a hidden sheet, name it: --sheet "Data"',
        },
      ],
    });
  });

  it("says which sheet is empty when it was named", async () => {
    const bytes = await workbookBytes([
      { name: "Agents", rows: roster("ann@x.com") },
      { name: "Blank", rows: [] },
    ]);
    const r = await readRosterFile(bytes, "roster.xlsx", { sheet: "Blank" });
    expect(!r.ok && r.issues[0]?.message).toBe('roster.xlsx is empty (sheet "Blank").');
  });
});

describe("title rows above the header (issue 10, class 12)", () => {
  it("finds the header below a report title and a blank row, and notes the title rows", async () => {
    const bytes = await workbookBytes([
      {
        name: "Logins",
        rows: [
          ["Agent login report"],
          ["Generated 2026-03-05 by HelpDesk Reports"],
          [],
          ["Agent Email", "Login Time", "Logout Time"],
          ["ann@x.com", new Date(utc(2026, 3, 2, 9)), new Date(utc(2026, 3, 2, 17))],
          [],
          ["bob@x.com", new Date(utc(2026, 3, 2, 10)), new Date(utc(2026, 3, 2, 12))],
        ],
      },
    ]);
    const r = await readRosterFile(bytes, "report.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 17) },
      { user: "bob@x.com", start: utc(2026, 3, 2, 10), end: utc(2026, 3, 2, 12) },
    ]);
    expect(r.value.notes).toContain(
      'rows 1–3 of sheet "Logins" above the header (row 4) read as a title, not data',
    );
    // Two data rows (sheet rows 5 and 7) and one blank row between them; the titles are not rows.
    expect(r.value.summary).toMatchObject({ rows: 2, blankRows: 1, used: 2, skipped: 0 });
  });

  it("does not ignore a formula with no saved value in a title row's place, but only below the header", async () => {
    const bytes = await workbookBytes([
      {
        name: "S",
        rows: [
          [{ formula: 'CONCAT("Report ","2026")' }],
          ["Email", "Status"],
          ["a@x.com", "active"],
        ],
      },
    ]);
    // The unsaved title formula is blank, so row 2 is the first row: the header, read as usual.
    const r = await readRosterFile(bytes, "r.xlsx");
    expect(r.ok && r.value.roster).toEqual([{ user: "a@x.com", status: "active" }]);
  });
});
