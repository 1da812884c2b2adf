import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { sniff } from "../../src/roster/sniff.js";
import { MAX_CELLS, sheetRows } from "../../src/roster/xlsx/sheet-rows.js";
import type { StreamedCell } from "../../src/roster/xlsx/sheet-xml.js";
import { utc } from "./fixtures.js";
import { workbookBytes } from "./xlsx/workbooks.js";
import { text, textOf, withParts, zipBytes, zipParts } from "./xlsx/zip.js";

const TOO_LARGE_HINT =
  "Export the sheet as CSV (in Excel: File → Save As → CSV UTF-8) and upload that";
const MiB = 2 ** 20;

async function sessionsWorkbook(): Promise<Uint8Array> {
  return workbookBytes([
    {
      name: "Sessions",
      rows: [
        ["Agent Email", "Login Time", "Logout Time"],
        ["ann@x.com", new Date(utc(2026, 3, 2, 9)), new Date(utc(2026, 3, 2, 17))],
      ],
    },
  ]);
}

/** A sheet part written by hand: inline strings, so it needs no shared strings. */
function sheetXml(rows: string): Uint8Array {
  return text(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  );
}
const inline = (ref: string, value: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

async function withSheet(rows: string): Promise<Uint8Array> {
  return withParts(await sessionsWorkbook(), (p) =>
    p.name === "xl/worksheets/sheet1.xml" ? { name: p.name, data: sheetXml(rows) } : p,
  );
}

describe("zip bombs: refused from the ZIP directory, before inflating (issue 10, class 12)", () => {
  it("refuses a workbook whose parts declare more than 1 GiB in all", async () => {
    const parts = [{ name: "xl/workbook.xml", data: text("<workbook/>") }];
    // 18 parts of 60 MiB each: none is packed suspiciously, but together they are 1,080 MiB.
    for (let i = 1; i <= 18; i++) {
      parts.push({
        name: `xl/media/image${i}.png`,
        data: text("x"),
        declaredSize: 60 * MiB,
      } as never);
    }
    expect(await readRosterFile(zipBytes(parts), "big.xlsx")).toEqual({
      ok: false,
      issues: [
        {
          code: "file.xlsx_too_large",
          message:
            "big.xlsx unzips to 1,080 MB, more than the 1,024 MB (1 GiB) I read from a workbook, so I did not open it.",
          hint: TOO_LARGE_HINT,
        },
      ],
    });
  });

  it("refuses a sheet packed far tighter than any real one (70 MiB of zeros in 70 KB)", async () => {
    const zeros = new Uint8Array(70 * MiB);
    const bomb = withParts(await sessionsWorkbook(), (p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { name: p.name, data: zeros } : p,
    );
    expect(bomb.byteLength).toBeLessThan(MiB);
    const r = await readRosterFile(bomb, "bomb.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("file.xlsx_too_large");
    expect(r.issues[0]?.message).toMatch(
      /^bomb\.xlsx is packed [\d,]+ times \(its part xl\/worksheets\/sheet1\.xml unzips from [\d.]+ KB to 70 MB\), more than the 100 times of any real workbook, so I did not open it\.$/,
    );
  });

  it("stops a sheet that inflates past the size the directory declared", async () => {
    const bytes = withParts(await sessionsWorkbook(), (p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { ...p, declaredSize: 200 } : p,
    );
    expect(await readRosterFile(bytes, "liar.xlsx")).toEqual({
      ok: false,
      issues: [
        {
          code: "file.xlsx_too_large",
          message:
            "liar.xlsx unzips to more than it declares (its part xl/worksheets/sheet1.xml says 200 bytes), so I stopped reading it.",
          hint: TOO_LARGE_HINT,
        },
      ],
    });
  });

  it("stops a styles part that inflates past its declared size", async () => {
    const bytes = withParts(await sessionsWorkbook(), (p) =>
      p.name === "xl/styles.xml" ? { ...p, declaredSize: 10 } : p,
    );
    const r = await readRosterFile(bytes, "liar.xlsx");
    expect(!r.ok && r.issues[0]?.message).toBe(
      "liar.xlsx unzips to more than it declares (its part xl/styles.xml says 10 bytes), so I stopped reading it.",
    );
  });
});

describe("row, column and cell caps", () => {
  it("refuses a row past Excel's 1,048,576", async () => {
    const bytes = await withSheet(
      `<row r="1">${inline("A1", "Email")}${inline("B1", "Status")}</row><row r="1048577">${inline("A1048577", "a@x.com")}</row>`,
    );
    expect(await readRosterFile(bytes, "r.xlsx")).toEqual({
      ok: false,
      issues: [
        {
          code: "file.too_many_rows",
          message:
            'Sheet "Sessions" of r.xlsx has more than 1,048,576 rows (Excel\'s limit), so I stopped reading it.',
          hint: TOO_LARGE_HINT,
        },
      ],
    });
  });

  it("refuses a cell past column XFD", async () => {
    const bytes = await withSheet(
      `<row r="1">${inline("A1", "Email")}</row><row r="2">${inline("XFE2", "a@x.com")}</row>`,
    );
    const r = await readRosterFile(bytes, "r.xlsx");
    expect(!r.ok && r.issues[0]).toEqual({
      code: "file.too_many_columns",
      message:
        'Sheet "Sessions" of r.xlsx has a cell past column XFD (16,384 columns, Excel\'s limit).',
      hint: TOO_LARGE_HINT,
    });
  });

  it("refuses a sheet of more cells than the cap, counted to each row's last column", async () => {
    // Caps made small for the test (the real ones: 1,048,576 rows, 10,000,000 cells).
    const streamed = (async function* () {
      for (let r = 1; r <= 5; r++) {
        yield {
          number: r,
          eachCell(_: unknown, visit: (cell: StreamedCell, column: number) => void) {
            visit({ value: "a b", numFmt: undefined, address: `A${r}` }, 1);
            visit({ value: "x", numFmt: undefined, address: `J${r}` }, 10);
          },
        };
      }
    })();
    // Rows of 10 cells each: 30 cells pass the cap of 25 at row 3.
    const r = await sheetRows(streamed, false, 'Sheet "S" of wide.xlsx', { rows: 100, cells: 25 });
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "file.too_many_cells",
          message:
            'Sheet "S" of wide.xlsx has more than 25 cells (reached at row 3), more than I read from one sheet, so I stopped reading it.',
          hint: "Delete the columns the analysis does not need, or export the sheet as CSV, and upload that",
        },
      ],
    });
    expect(MAX_CELLS).toBe(10_000_000);
  });
});

describe("the parts in any order", () => {
  it("reads a sheet stored before its workbook, styles and shared strings the same", async () => {
    const bytes = await sessionsWorkbook();
    const parts = zipParts(bytes);
    const late = [
      "xl/workbook.xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "xl/_rels/workbook.xml.rels",
    ];
    const reordered = zipBytes([
      ...parts.filter((p) => !late.includes(p.name)),
      ...parts.filter((p) => late.includes(p.name)).reverse(),
    ]);
    const names = zipParts(reordered).map((p) => p.name);
    expect(names.indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(
      names.indexOf("xl/sharedStrings.xml"),
    );
    expect(
      textOf(parts.find((p) => p.name === "xl/worksheets/sheet1.xml")?.data ?? text("")),
    ).toContain('t="s"');
    const r = await readRosterFile(reordered, "late.xlsx");
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 17) },
    ]);
  });

  it("calls a ZIP with no workbook part not a workbook", async () => {
    const r = await readRosterFile(zipBytes([{ name: "readme.txt", data: text("hi") }]), "x.xlsx");
    expect(!r.ok && r.issues[0]).toEqual({
      code: "file.not_xlsx",
      message: "x.xlsx is a ZIP archive but not an Excel workbook I can read.",
      hint: "Open it in Excel and save it as .xlsx or CSV",
    });
  });
});

describe("formats named for what they are, before any parsing", () => {
  const SAVE_AS = "Save it as .xlsx or CSV (File → Save As) and upload that";
  const ole = (extra: Uint8Array) =>
    new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Uint8Array(504),
      ...extra,
    ]);

  it("a password-protected workbook (an OLE file with an EncryptionInfo stream)", () => {
    const directory = new Uint8Array(
      Buffer.from("\u0006DataSpaces\0EncryptionInfo\0EncryptedPackage", "utf16le"),
    );
    expect(sniff(ole(directory), "roster.xlsx")).toEqual({
      ok: false,
      issues: [
        {
          code: "file.password_protected",
          message: "roster.xlsx is a password-protected Excel workbook, which I can't open.",
          hint: "Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save it as .xlsx or CSV and upload that",
        },
      ],
    });
  });

  it("a legacy .xls (an OLE file without encryption)", () => {
    const directory = new Uint8Array(Buffer.from("Workbook\0SummaryInformation", "utf16le"));
    expect(sniff(ole(directory), "old.xls")).toEqual({
      ok: false,
      issues: [
        {
          code: "file.old_excel",
          message: "old.xls is an old-style Excel .xls workbook, which I can't read.",
          hint: SAVE_AS,
        },
      ],
    });
  });

  it("an .xlsb binary workbook, from its directory or from its first bytes alone", () => {
    const xlsb = zipBytes([
      { name: "[Content_Types].xml", data: text("<Types/>") },
      { name: "xl/workbook.bin", data: new Uint8Array([0x83, 0x01, 0x00]) },
      { name: "xl/worksheets/sheet1.bin", data: new Uint8Array(100_000).fill(7) },
    ]);
    const issue = {
      code: "file.xlsb",
      message: "data.xlsb is an Excel binary workbook (.xlsb), which I can't read.",
      hint: SAVE_AS,
    };
    expect(sniff(xlsb, "data.xlsb")).toEqual({ ok: false, issues: [issue] });
    // A front end sniffs only the start of an upload: the local headers still name the parts.
    expect(sniff(xlsb.subarray(0, 120), "data.xlsb")).toEqual({ ok: false, issues: [issue] });
  });

  it("an OpenDocument spreadsheet (.ods), by its mimetype entry", () => {
    const ods = zipBytes([
      {
        name: "mimetype",
        data: text("application/vnd.oasis.opendocument.spreadsheet"),
        stored: true,
      },
      { name: "content.xml", data: text("<office:document-content/>") },
    ]);
    const issue = {
      code: "file.ods",
      message:
        "staff.ods is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice), which I can't read.",
      hint: "Save it as .xlsx (Excel 2007-365) or CSV (File → Save As) and upload that",
    };
    expect(sniff(ods, "staff.ods")).toEqual({ ok: false, issues: [issue] });
    expect(sniff(ods.subarray(0, 100), "staff.ods")).toEqual({ ok: false, issues: [issue] });
  });

  it("still calls a real workbook, or the start of one, XLSX", async () => {
    const bytes = await sessionsWorkbook();
    expect(sniff(bytes, "s.xlsx")).toEqual({ ok: true, value: { type: "xlsx" } });
    expect(sniff(bytes.subarray(0, 64), "s.xlsx")).toEqual({ ok: true, value: { type: "xlsx" } });
  });
});
