import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { utc } from "./fixtures.js";
import { workbookBytes } from "./xlsx/workbooks.js";
import { textOf, zipParts } from "./xlsx/zip.js";

const HINT =
  "Open the file in Excel and save it (that stores the values), or export the sheet as CSV, and upload that";

describe("XLSX formulas with no saved value (issue 10, class 6)", () => {
  it("refuses a logout column of formulas a script wrote without results, naming the cells", async () => {
    const login = (d: number) => new Date(utc(2026, 3, d, 9));
    const bytes = await workbookBytes([
      {
        name: "Sessions",
        rows: [
          ["Agent Email", "Login Time", "Logout Time"],
          // exceljs, like openpyxl and report generators, writes <f> with no <v> when no result is given.
          ["ann@x.com", login(2), { formula: "B2+8/24" }],
          ["bob@x.com", login(3), { formula: "B3+8/24" }],
          ["cat@x.com", login(4), new Date(utc(2026, 3, 4, 17))],
        ],
      },
    ]);
    const sheet = zipParts(bytes).find((p) => p.name === "xl/worksheets/sheet1.xml");
    expect(sheet && textOf(sheet.data)).toContain("<f>B2+8/24</f></c>");
    expect(await readRosterFile(bytes, "logins.xlsx")).toEqual({
      ok: false,
      issues: [
        {
          code: "file.unsaved_formulas",
          message:
            'logins.xlsx has 2 formulas with no saved value on sheet "Sessions" (C2, C3): the program that wrote the file saved the formulas but not their results, so I can\'t read those cells.',
          hint: HINT,
        },
      ],
    });
  });

  it("names the first five cells and counts the rest", async () => {
    const rows: (string | Date | { formula: string })[][] = [["Email", "Start", "End"]];
    for (let i = 2; i <= 9; i++) {
      rows.push([`u${i}@x.com`, new Date(utc(2026, 3, 2, 9)), { formula: `B${i}+1/24` }]);
    }
    const r = await readRosterFile(await workbookBytes([{ name: "S", rows }]), "gen.xlsx");
    expect(!r.ok && r.issues[0]?.message).toBe(
      'gen.xlsx has 8 formulas with no saved value on sheet "S" (C2, C3, C4, C5, C6 and 3 more): the program that wrote the file saved the formulas but not their results, so I can\'t read those cells.',
    );
  });

  it("reads formulas that have saved results, as Excel writes them", async () => {
    const bytes = await workbookBytes([
      {
        name: "Sessions",
        rows: [
          ["Agent Email", "Login Time", "Logout Time"],
          [
            "ann@x.com",
            new Date(utc(2026, 3, 2, 9)),
            { formula: "B2+8/24", result: new Date(utc(2026, 3, 2, 17)) },
          ],
        ],
        formats: { 2: "yyyy-mm-dd hh:mm", 3: "yyyy-mm-dd hh:mm" },
      },
    ]);
    const r = await readRosterFile(bytes, "logins.xlsx");
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 17) },
    ]);
  });

  it("refuses one unsaved formula with singular words", async () => {
    const r = await readRosterFile(
      await workbookBytes([
        {
          name: "Roster",
          rows: [
            ["Email", "Status"],
            ["a@x.com", { formula: 'IF(1,"active","")' }],
          ],
        },
      ]),
      "r.xlsx",
    );
    expect(!r.ok && r.issues[0]?.message).toBe(
      'r.xlsx has a formula with no saved value on sheet "Roster" (B2): the program that wrote the file saved the formulas but not their results, so I can\'t read that cell.',
    );
  });
});
