/**
 * XLSX bytes → Table, from the first visible sheet with data or a named one. Cells keep their type
 * (see xlsx/cell-value.ts): numbers stay numbers (a date column may hold Excel serials), date cells
 * are Dates, times typed alone are "09:30" text. Row numbers are the sheet's.
 *
 * Before anything is inflated the ZIP's table of contents is checked against the size caps
 * (xlsx/zip-limits.ts); the sheet is then streamed, so memory follows the rows kept, not the XML.
 * A formula with no saved result refuses the file: its cell would read as blank (a logout as "no
 * logout"), and the fix (open and save in Excel) takes a minute.
 */
import { fail, ok, type Result } from "../core/result.js";
import { quoteList } from "./columns.js";
import { findHeaderRow, titleNote } from "./header-row.js";
import type { Cell, Table } from "./table.js";
import { ExpandedPastDeclared } from "./xlsx/inflate.js";
import { type SheetRows, sheetRows, type UnsavedFormula } from "./xlsx/sheet-rows.js";
import { type OpenedWorkbook, openWorkbook, type SheetInfo } from "./xlsx/workbook-parts.js";
import { readZipDirectory } from "./xlsx/zip-directory.js";
import { checkDeclaredSizes, lyingSizeIssue } from "./xlsx/zip-limits.js";

function headerText(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString();
  return cell === null ? "" : String(cell).trim();
}

function notXlsx(fileName: string): Result<never> {
  return fail(
    "file.not_xlsx",
    `${fileName} is a ZIP archive but not an Excel workbook I can read.`,
    "Open it in Excel and save it as .xlsx or CSV",
  );
}

export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  sheetName: string | undefined,
): Promise<Result<Table>> {
  const entries = readZipDirectory(bytes);
  if (entries === undefined) return notXlsx(fileName);
  const sized = checkDeclaredSizes(entries, fileName);
  if (!sized.ok) return sized;
  // exceljs takes about 0.4 s to load: it loads with the first workbook, not with every command.
  const { default: exceljs } = await import("exceljs");
  try {
    const book = await openWorkbook(exceljs, bytes, entries);
    if (book === undefined) return notXlsx(fileName);
    return await readChosenSheet(book, fileName, sheetName);
  } catch (error) {
    if (error instanceof ExpandedPastDeclared) return lyingSizeIssue(error.entry, fileName);
    return notXlsx(fileName);
  }
}

const STATE_WORDS: Record<SheetInfo["state"], string> = {
  visible: "",
  hidden: "hidden",
  veryHidden: "hidden (very hidden: shown only from Excel's VBA editor)",
};

async function readChosenSheet(
  book: OpenedWorkbook,
  fileName: string,
  sheetName: string | undefined,
): Promise<Result<Table>> {
  const { sheets } = book;
  const of = (s: SheetInfo) => `sheet "${s.name}" of ${sheets.length}`;
  if (sheets.length === 0) {
    return fail("file.empty", `${fileName} has no sheets.`, "Export the file again");
  }
  if (sheetName !== undefined) {
    const wanted = sheetName.trim().toLowerCase();
    const sheet =
      sheets.find((s) => s.name === sheetName) ??
      sheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (sheet === undefined) {
      const suggestion = sheets.find((s) => s.state === "visible") ?? sheets[0];
      return fail(
        "file.no_sheet",
        `${fileName} has no sheet named "${sheetName}". Sheets: ${quoteList(sheets.map((s) => s.name))}.`,
        `--sheet "${suggestion?.name ?? "Sheet1"}"`,
      );
    }
    const read = await readSheet(book, sheet, fileName);
    if (read === "empty") {
      return fail(
        "file.empty",
        `${fileName} is empty (sheet "${sheet.name}").`,
        "Export the file again, with a header row",
      );
    }
    if (!read.ok) return read;
    // The read summary names the sheet and the others; a note only says what that can't.
    const note =
      sheet.state === "visible" ? [] : [`${of(sheet)} (a ${STATE_WORDS[sheet.state]} sheet)`];
    return withNotes(read.value, note, sheets, sheet);
  }
  const skipped: string[] = [];
  for (const sheet of sheets) {
    if (sheet.state !== "visible") {
      skipped.push(`"${sheet.name}" is ${STATE_WORDS[sheet.state]}`);
      continue;
    }
    const read = await readSheet(book, sheet, fileName);
    if (read === "empty") {
      skipped.push(`"${sheet.name}" is empty`);
      continue;
    }
    if (!read.ok) return read;
    if (skipped.length === 0) return withNotes(read.value, [], sheets, sheet);
    return withNotes(
      read.value,
      [
        `${of(sheet)} read, the first visible sheet with data: ${skipped.join(", ")} (choose another with --sheet)`,
      ],
      sheets,
      sheet,
    );
  }
  return noSheetWithData(sheets, fileName);
}

function noSheetWithData(sheets: readonly SheetInfo[], fileName: string): Result<never> {
  const [only] = sheets;
  if (sheets.length === 1 && only !== undefined && only.state === "visible") {
    return fail(
      "file.empty",
      `${fileName} is empty (sheet "${only.name}").`,
      "Export the file again, with a header row",
    );
  }
  const hidden = sheets.find((s) => s.state !== "visible");
  const list = sheets
    .map((s) => `"${s.name}" (${s.state === "visible" ? "empty" : "hidden"})`)
    .join(", ");
  return fail(
    "file.empty",
    `${fileName} has no visible sheet with data. Sheets: ${list}.`,
    hidden === undefined
      ? "Export the file again, with a header row"
      : `To read a hidden sheet, name it: --sheet "${hidden.name}"`,
  );
}

/** The table with the sheet it came from, the others in the workbook, and notes put first. */
function withNotes(
  table: Table,
  before: readonly string[],
  sheets: readonly SheetInfo[],
  read: SheetInfo,
): Result<Table> {
  const others = sheets.filter((s) => s !== read).map((s) => s.name);
  return ok({ ...table, sheet: { name: read.name, others }, notes: [...before, ...table.notes] });
}

/** How many unsaved formula cells to name in the message before "and N more". */
const REFS_SHOWN = 5;

function unsavedFormulas(
  fileName: string,
  sheet: SheetInfo,
  cells: readonly UnsavedFormula[],
): Result<never> {
  const shown = cells.slice(0, REFS_SHOWN).map((c) => c.ref);
  const more = cells.length - shown.length;
  const refs = `${shown.join(", ")}${more > 0 ? ` and ${more.toLocaleString("en-GB")} more` : ""}`;
  const count =
    cells.length === 1 ? "a formula" : `${cells.length.toLocaleString("en-GB")} formulas`;
  return fail(
    "file.unsaved_formulas",
    `${fileName} has ${count} with no saved value on sheet "${sheet.name}" (${refs}): the program that wrote the file saved the formulas but not their results, so I can't read ${cells.length === 1 ? "that cell" : "those cells"}.`,
    "Open the file in Excel and save it (that stores the values), or export the sheet as CSV, and upload that",
  );
}

async function readSheet(
  book: OpenedWorkbook,
  sheet: SheetInfo,
  fileName: string,
): Promise<Result<Table> | "empty"> {
  const read: Result<SheetRows> = await sheetRows(
    book.rows(sheet),
    book.date1904,
    `Sheet "${sheet.name}" of ${fileName}`,
  );
  if (!read.ok) return read;
  const { rows, unsaved } = read.value;
  if (rows.length === 0) return "empty";
  const found = findHeaderRow(rows);
  const header = rows[found.index];
  if (header === undefined) return "empty";
  const unsavedInData = unsaved.filter((u) => u.row >= header.row);
  if (unsavedInData.length > 0) return unsavedFormulas(fileName, sheet, unsavedInData);
  const data = rows.slice(found.index + 1);
  const last = data[data.length - 1];
  return ok({
    format: "xlsx",
    headers: header.cells.map(headerText),
    headerRow: header.row,
    rows: data,
    blankRows: last === undefined ? 0 : last.row - header.row - data.length,
    date1904: book.date1904,
    rejected: [],
    notes:
      found.titleRows.length > 0
        ? [titleNote(header, found.titleRows, ` of sheet "${sheet.name}"`)]
        : [],
  });
}
