/**
 * XLSX bytes → Table, from the first sheet or a named one. Cells keep their type: numbers stay
 * numbers (a date column may hold Excel serials), date-formatted cells arrive as Dates, formulas
 * give their cached result, rich text and hyperlinks give their text. Row numbers are the sheet's.
 */
import type ExcelJS from "exceljs";
import { fail, ok, type Result } from "../core/result.js";
import { quoteList } from "./columns.js";
import type { Cell, Table, TableRow } from "./table.js";
import { isBlankCell } from "./table.js";

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    const parts = (value as { richText: readonly { text?: string }[] }).richText;
    return parts.map((p) => p.text ?? "").join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

export function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) return value;
  if ("richText" in value) return textOf(value);
  if ("hyperlink" in value) return textOf(value.text);
  if ("formula" in value || "sharedFormula" in value) {
    return cellOf((value as { result?: ExcelJS.CellValue }).result);
  }
  if ("error" in value) return String(value.error);
  return null;
}

function headerText(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString();
  return cell === null ? "" : String(cell).trim();
}

export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  sheetName: string | undefined,
): Promise<Result<Table>> {
  // exceljs takes about 0.4 s to load: it loads with the first workbook, not with every command.
  const { default: exceljs } = await import("exceljs");
  const workbook = new exceljs.Workbook();
  try {
    // exceljs's types predate Buffer generics; a Node Buffer over the same memory is what it wants.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    return fail(
      "file.not_xlsx",
      `${fileName} is a ZIP archive but not an Excel workbook I can read.`,
      "Open it in Excel and save it as .xlsx or CSV",
    );
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => s.name);
  const sheet =
    sheetName === undefined
      ? sheets[0]
      : (workbook.getWorksheet(sheetName) ??
        sheets.find((s) => s.name.trim().toLowerCase() === sheetName.trim().toLowerCase()));
  if (sheet === undefined) {
    if (sheetName === undefined) {
      return fail("file.empty", `${fileName} has no sheets.`, "Export the file again");
    }
    return fail(
      "file.no_sheet",
      `${fileName} has no sheet named "${sheetName}". Sheets: ${quoteList(names)}.`,
      `--sheet "${names[0] ?? "Sheet1"}"`,
    );
  }
  let headers: string[] | undefined;
  let headerRow = 0;
  const rows: TableRow[] = [];
  let lastRow = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = row.values as readonly (ExcelJS.CellValue | undefined)[];
    // row.values is 1-based: index 0 is always empty.
    const cells: Cell[] = [];
    for (let i = 1; i < raw.length; i++) cells.push(cellOf(raw[i]));
    if (cells.every(isBlankCell)) return;
    if (headers === undefined) {
      headers = cells.map(headerText);
      headerRow = rowNumber;
      return;
    }
    rows.push({ row: rowNumber, cells });
    lastRow = rowNumber;
  });
  if (headers === undefined) {
    return fail(
      "file.empty",
      `${fileName} is empty (sheet "${sheet.name}").`,
      "Export the file again, with a header row",
    );
  }
  const notes = sheets.length > 1 ? [`sheet "${sheet.name}" of ${sheets.length}`] : [];
  return ok({
    format: "xlsx",
    headers,
    headerRow,
    rows,
    blankRows: rows.length === 0 ? 0 : lastRow - headerRow - rows.length,
    date1904: workbook.properties.date1904 === true,
    rejected: [],
    notes,
  });
}
