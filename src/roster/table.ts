/**
 * The common shape a CSV or XLSX file becomes before its columns are interpreted: a header and data
 * rows of raw cells, each row numbered as the user sees it in a spreadsheet (the header is row 1 in
 * a CSV; an XLSX keeps its own sheet row numbers).
 */

import type { RowIssue } from "./row-issue.js";

/** CSV cells are always strings; XLSX cells keep their type (a date-formatted cell is a Date). */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** Row number as shown in a spreadsheet. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** The workbook sheet a table was read from, and the sheets left unread (in workbook order). */
export interface SheetUsed {
  readonly name: string;
  readonly others: readonly string[];
}

export interface Table {
  readonly format: "csv" | "xlsx";
  /** An XLSX table's sheet; absent for a CSV file. */
  readonly sheet?: SheetUsed;
  readonly headers: readonly string[];
  readonly headerRow: number;
  readonly rows: readonly TableRow[];
  /** Rows with no value at all; counted, never reported as errors. */
  readonly blankRows: number;
  /** True when the workbook uses the 1904 date system (old Mac Excel), so serials start in 1904. */
  readonly date1904: boolean;
  /**
   * Rows refused while reading (a CSV row with more values than columns: a value was shifted, so
   * none is trusted).
   */
  readonly rejected: readonly RowIssue[];
  /** Things worth telling the user about how the file was read (delimiter, encoding, sheet). */
  readonly notes: readonly string[];
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}
