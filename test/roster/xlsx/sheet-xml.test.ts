import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../../src/roster/read-file.js";
import { type SheetContext, sheetXmlRows } from "../../../src/roster/xlsx/sheet-xml.js";
import { utc } from "../fixtures.js";
import { workbookBytes } from "./workbooks.js";
import { text, withParts } from "./zip.js";

const ctx: SheetContext = {
  sharedStrings: ["ann@x.com", { richText: [{ text: "Bo" }, { text: "b" }] }],
  // Style 1 is a date-time format, style 2 a time of day.
  formatOf: (s) => (s === 1 ? "yyyy-mm-dd hh:mm" : s === 2 ? "hh:mm" : undefined),
  date1904: false,
};

/** The XML cut into pieces of `size` bytes, so rows, tags and characters straddle chunks. */
async function* chunks(xml: string, size: number) {
  const bytes = Buffer.from(xml, "utf8");
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function read(xml: string, size = 1 << 16) {
  const out: { row: number; cells: Record<string, unknown> }[] = [];
  for await (const row of sheetXmlRows(chunks(xml, size), ctx)) {
    const cells: Record<string, unknown> = {};
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[`${column}:${cell.address}`] = cell.value;
    });
    out.push({ row: row.number, cells });
  }
  return out;
}

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D4"/>
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>Jos</t></r><r><t xml:space="preserve">é &amp; co</t></r><rPh sb="0" eb="1"><t>ホ</t></rPh></is></c></row>
<row r="3" spans="1:4"><c r="A3" s="1"><v>46000.375</v></c><c r="B3" s="2"><v>0.5</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>
<row r="4"><c r="A4"><f>1/0</f></c><c r="B4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D4" t="d"><v>2026-03-02T09:30:00</v></c></row>
<row><c><v>7</v></c><c><v>8</v></c><c t="d"><v>2026-03-02 18:00</v></c><c t="d"><v>2026-03-02</v></c><c t="d"><v>not a date</v></c></row>
<row r="9"/>
</sheetData><rowBreaks count="1"><brk id="3" max="16383" man="1"/></rowBreaks></worksheet>`;

describe("sheetXmlRows", () => {
  it("reads every kind of cell, whatever the chunk size", async () => {
    const expected = [
      {
        row: 1,
        cells: {
          "1:A1": "ann@x.com",
          "2:B1": { richText: [{ text: "Bo" }, { text: "b" }] },
          "3:C1": "José & co",
        },
      },
      {
        row: 3,
        cells: {
          "1:A3": new Date(utc(2025, 12, 9, 9)),
          "2:B3": new Date(utc(1899, 12, 30, 12)),
          "3:C3": true,
          "4:D3": { error: "#N/A" },
        },
      },
      {
        row: 4,
        cells: {
          "1:A4": { formula: "1/0" },
          "2:B4": { formula: "1/0", result: { error: "#DIV/0!" } },
          "3:C4": { formula: '"a"&"b"', result: "ab" },
          "4:D4": new Date(utc(2026, 3, 2, 9, 30)),
        },
      },
      // A row and cells written without r: the next row, the next columns.
      {
        row: 5,
        cells: {
          "1:A5": 7,
          "2:B5": 8,
          "3:C5": new Date(utc(2026, 3, 2, 18)),
          "4:D5": new Date(utc(2026, 3, 2)),
          "5:E5": "not a date",
        },
      },
      { row: 9, cells: {} },
    ];
    expect(await read(SHEET)).toEqual(expected);
    expect(await read(SHEET, 1)).toEqual(expected);
    expect(await read(SHEET, 7)).toEqual(expected);
  });

  it("reads element names with a namespace prefix, as some .NET writers write them", async () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" s="1"><x:v>46000.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(await read(xml, 5)).toEqual([
      { row: 2, cells: { "2:B2": "ann@x.com", "3:C2": new Date(utc(2025, 12, 9, 12)) } },
    ]);
  });

  it("fails on a sheet cut off inside a row", async () => {
    await expect(read(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>`)).rejects.toThrow(
      "row 1 of the sheet is cut off",
    );
  });
});

describe("a formula whose saved result is an error, end to end", () => {
  it("shows the error text in the row's reason", async () => {
    const base = await workbookBytes([
      {
        name: "S",
        rows: [
          ["Agent Email", "Login Time", "Logout Time"],
          ["ann@x.com", new Date(utc(2026, 3, 2, 9)), new Date(utc(2026, 3, 2, 17))],
          ["bob@x.com", new Date(utc(2026, 3, 2, 9)), new Date(utc(2026, 3, 2, 17))],
        ],
      },
    ]);
    // Row 3's logout becomes a formula Excel saved as #VALUE!.
    const bytes = withParts(base, (p) => {
      if (p.name !== "xl/worksheets/sheet1.xml") return p;
      const xml = new TextDecoder().decode(p.data);
      return {
        name: p.name,
        data: text(
          xml.replace(
            /<c r="C3"([^>]*)>.*?<\/c>/,
            '<c r="C3" t="e"><f>B3+"x"</f><v>#VALUE!</v></c>',
          ),
        ),
      };
    });
    const r = await readRosterFile(bytes, "s.xlsx");
    expect(r.ok && r.value.rowErrors).toEqual([
      { row: 3, column: "Logout Time", reason: '"#VALUE!" is not a date' },
    ]);
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 17) },
    ]);
  });
});
