/**
 * The non-blank rows of one streamed sheet as table rows, within the reader's caps, with the
 * formulas that have no saved result noted by cell. Memory grows with the rows kept, never with
 * the XML: the sheet is parsed as it inflates.
 */
import { fail, ok, type Result } from "../../core/result.js";
import type { Cell, TableRow } from "../table.js";
import { isBlankCell } from "../table.js";
import { UNSAVED_FORMULA, xlsxCell } from "./cell-value.js";
import type { StreamedRow } from "./sheet-xml.js";
import { TOO_LARGE_HINT } from "./zip-limits.js";

/** Excel's own limits: 1,048,576 rows and 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/**
 * Cells kept in memory (counted across each row up to its last filled column): ten million, so
 * Excel's full sheet of up to nine columns is read, in under 1 GB.
 */
export const MAX_CELLS = 10_000_000;

export interface UnsavedFormula {
  readonly row: number;
  readonly ref: string;
}

export interface SheetRows {
  readonly rows: readonly TableRow[];
  /** Every cell holding a formula with no saved result, in sheet order. */
  readonly unsaved: readonly UnsavedFormula[];
}

const n = (x: number) => x.toLocaleString("en-GB");

export interface SheetCaps {
  readonly rows: number;
  readonly cells: number;
}
const CAPS: SheetCaps = { rows: MAX_ROWS, cells: MAX_CELLS };

function pastColumnXfd(where: string): Result<never> {
  return fail(
    "file.too_many_columns",
    `${where} has a cell past column XFD (${n(MAX_COLUMNS)} columns, Excel's limit).`,
    TOO_LARGE_HINT,
  );
}

/** exceljs's words when a cell reference is past column XFD. */
const OUT_OF_BOUNDS = /out of bounds/i;

/** `caps` is for tests: the real caps are Excel's rows and MAX_CELLS. */
export async function sheetRows(
  streamed: AsyncIterable<StreamedRow>,
  date1904: boolean,
  where: string,
  caps: SheetCaps = CAPS,
): Promise<Result<SheetRows>> {
  try {
    return await collect(streamed, date1904, where, caps);
  } catch (error) {
    if (error instanceof Error && OUT_OF_BOUNDS.test(error.message)) return pastColumnXfd(where);
    throw error;
  }
}

async function collect(
  streamed: AsyncIterable<StreamedRow>,
  date1904: boolean,
  where: string,
  caps: SheetCaps,
): Promise<Result<SheetRows>> {
  const rows: TableRow[] = [];
  const unsaved: UnsavedFormula[] = [];
  let cellCount = 0;
  for await (const row of streamed) {
    const cells: Cell[] = [];
    let wide = false;
    let hasUnsaved = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > MAX_COLUMNS) {
        wide = true;
        return;
      }
      const value = xlsxCell(cell.value, cell.numFmt, date1904);
      if (value === UNSAVED_FORMULA) {
        unsaved.push({ row: row.number, ref: cell.address });
        hasUnsaved = true;
        cells[column - 1] = null;
      } else {
        cells[column - 1] = value;
      }
    });
    if (wide) return pastColumnXfd(where);
    // Columns with no cell are holes in the array: make them blanks, as a dense row of cells.
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    if (!hasUnsaved && cells.every(isBlankCell)) continue;
    if (rows.length >= caps.rows || row.number > caps.rows) {
      return fail(
        "file.too_many_rows",
        `${where} has more than ${n(caps.rows)} rows (Excel's limit), so I stopped reading it.`,
        TOO_LARGE_HINT,
      );
    }
    cellCount += cells.length;
    if (cellCount > caps.cells) {
      return fail(
        "file.too_many_cells",
        `${where} has more than ${n(caps.cells)} cells (reached at row ${n(row.number)}), more than I read from one sheet, so I stopped reading it.`,
        "Delete the columns the analysis does not need, or export the sheet as CSV, and upload that",
      );
    }
    rows.push({ row: row.number, cells });
  }
  return ok({ rows, unsaved });
}
