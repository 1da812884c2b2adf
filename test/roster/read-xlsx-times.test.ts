import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { readXlsx } from "../../src/roster/read-xlsx.js";
import { utc } from "./fixtures.js";
import { workbookBytes } from "./xlsx/workbooks.js";

/** 09:00 is 0.375 of a day, 17:30 is 0.729166…; Excel stores times typed alone as such fractions. */
const at = (h: number, m: number, s = 0) => (h * 3600 + m * 60 + s) / 86_400;

async function table(bytes: Uint8Array) {
  const r = await readXlsx(bytes, "shifts.xlsx", undefined);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("XLSX time-only cells (issue 10, class 5)", () => {
  it("gives Start and End formatted hh:mm as time-of-day text beside a Date column", async () => {
    const bytes = await workbookBytes([
      {
        name: "Shifts",
        rows: [
          ["Agent", "Date", "Start", "End"],
          ["ann@x.com", new Date(utc(2026, 3, 2)), at(9, 0), at(17, 30)],
          ["bob@x.com", new Date(utc(2026, 3, 3)), at(8, 15), at(12, 0)],
        ],
        formats: { 2: "yyyy-mm-dd", 3: "hh:mm", 4: "hh:mm" },
      },
    ]);
    const t = await table(bytes);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["ann@x.com", new Date(utc(2026, 3, 2)), "09:00", "17:30"],
      ["bob@x.com", new Date(utc(2026, 3, 3)), "08:15", "12:00"],
    ]);
  });

  it.each([
    ["h:mm AM/PM", at(14, 5), "14:05"],
    ["hh:mm:ss", at(9, 30, 15), "09:30:15"],
    ["h:mm:ss", at(23, 59, 59), "23:59:59"],
    ["mm:ss", at(0, 12, 30), "00:12:30"],
    ["[$-409]h:mm AM/PM;@", at(7, 0), "07:00"],
  ])("reads a %s cell as %s text", async (format, value, expected) => {
    const t = await table(
      await workbookBytes([
        {
          name: "S",
          rows: [
            ["Start", "User"],
            [value, "ann"],
          ],
          formats: { 1: format },
        },
      ]),
    );
    expect(t.rows[0]?.cells[0]).toBe(expected);
  });

  it("keeps the date of a full date-time serial shown with a time-only format", async () => {
    // 46000.375 is 9 Dec 2025 09:00: the cell shows 09:00 but holds the date too.
    const t = await table(
      await workbookBytes([
        {
          name: "S",
          rows: [
            ["Start", "User"],
            [46000.375, "ann"],
          ],
          formats: { 1: "hh:mm" },
        },
      ]),
    );
    expect(t.rows[0]?.cells[0]).toEqual(new Date(utc(2025, 12, 9, 9)));
  });

  it("reads times in a 1904 workbook and a formula's saved time the same way", async () => {
    const t = await table(
      await workbookBytes(
        [
          {
            name: "S",
            rows: [
              ["Start", "End"],
              [at(12, 0), { formula: "A2+1/24", result: at(13, 0) }],
            ],
            formats: { 1: "hh:mm", 2: "hh:mm" },
          },
        ],
        { date1904: true },
      ),
    );
    expect(t.rows[0]?.cells).toEqual(["12:00", "13:00"]);
  });

  it("gives an elapsed-time [h]:mm cell as duration text, which the durations reader reads", async () => {
    const bytes = await workbookBytes([
      {
        name: "Sessions",
        rows: [
          ["Agent Email", "Login Time", "Duration"],
          // 0.0625 of a day is 1 h 30 min; 1.5 days is 36 h (shown as 36:00 by [h]:mm).
          ["ann@x.com", new Date(utc(2026, 3, 2, 9)), 0.0625],
          ["bob@x.com", new Date(utc(2026, 3, 2, 10)), at(0, 45)],
        ],
        formats: { 3: "[h]:mm" },
      },
    ]);
    const t = await table(bytes);
    expect(t.rows.map((r) => r.cells[2])).toEqual(["1:30:00", "0:45:00"]);
    const r = await readRosterFile(bytes, "sessions.xlsx");
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10, 30) },
      { user: "bob@x.com", start: utc(2026, 3, 2, 10), end: utc(2026, 3, 2, 10, 45) },
    ]);
  });

  it("gives a 36-hour [h]:mm:ss duration with its hours past 24", async () => {
    const t = await table(
      await workbookBytes([
        {
          name: "S",
          rows: [
            ["Duration", "User"],
            [1.5, "ann"],
          ],
          formats: { 1: "[h]:mm:ss" },
        },
      ]),
    );
    expect(t.rows[0]?.cells[0]).toBe("36:00:00");
  });
});
