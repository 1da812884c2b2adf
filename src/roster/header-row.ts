/**
 * Which row is the header. Report generators put a title ("Agent login report", "Generated
 * 2026-03-01") and a blank row above the column names; taking the first row as the header would
 * call the title a column and the real header a data row. Pure: give it the first non-blank rows
 * (up to HEADER_SEARCH_ROWS), as a CSV or XLSX reader has them.
 *
 * The header is the first row with at least two cells, all of them text (not numbers or dates),
 * followed by a row about as wide (at least half as many cells filled, and no more), or by nothing
 * (a header-only file). Rows above it must each look like a title: one or two cells, words rather
 * than an id. When no row fits, or a row above the candidate looks like data, the first row is the
 * header, as before: a wrong guess here would drop a real header, so it is made only when clear.
 */
import type { Cell, TableRow } from "./table.js";
import { isBlankCell } from "./table.js";

/** How many non-blank rows from the top may be titles or the header. */
export const HEADER_SEARCH_ROWS = 20;

export interface HeaderRow {
  /** Index of the header in the rows given. */
  readonly index: number;
  /** Sheet (or file) row numbers of the title rows above it; empty when the first row is it. */
  readonly titleRows: readonly number[];
}

/** Digits with separators (`1042`, `2026-03-01`, `09:30`, `1,5`) are values, not column names. */
const VALUE_LIKE = /^[\d\s.,:/+\-T]+$/;

function isText(cell: Cell): boolean {
  return typeof cell === "string" && !VALUE_LIKE.test(cell.trim());
}

function filled(cells: readonly Cell[]): readonly Cell[] {
  return cells.filter((c) => !isBlankCell(c));
}

/** At least two cells, all of them names rather than values: what a header row looks like. */
export function couldBeHeader(row: TableRow): boolean {
  const cells = filled(row.cells);
  return cells.length >= 2 && cells.every(isText);
}

/** A title is one or two cells of words ("Agent login report", "Generated: 2026-03-01"), not an id. */
function couldBeTitle(row: TableRow): boolean {
  const cells = filled(row.cells);
  return (
    cells.length <= 2 &&
    !couldBeHeader(row) &&
    cells.some((c) => typeof c === "string" && /[\s:]/.test(c.trim()))
  );
}

export function findHeaderRow(rows: readonly TableRow[]): HeaderRow {
  const first: HeaderRow = { index: 0, titleRows: [] };
  const top = rows.slice(0, HEADER_SEARCH_ROWS).filter((r) => filled(r.cells).length > 0);
  for (let i = 0; i < top.length; i++) {
    const row = top[i] as TableRow;
    if (couldBeHeader(row)) {
      const width = filled(row.cells).length;
      const next = top[i + 1];
      const nextWidth = next === undefined ? width : filled(next.cells).length;
      if (nextWidth < Math.ceil(width / 2) || nextWidth > width) return first;
      return { index: rows.indexOf(row), titleRows: top.slice(0, i).map((t) => t.row) };
    }
    if (!couldBeTitle(row)) return first;
  }
  return first;
}

/** "rows 1–3 above the header (row 4) are a title, not data", for the reply's notes. */
export function titleNote(header: TableRow, titleRows: readonly number[], where: string): string {
  const [firstTitle] = titleRows;
  const span =
    firstTitle === undefined || header.row - 1 === firstTitle
      ? `row ${firstTitle ?? header.row - 1}`
      : `rows ${firstTitle}–${header.row - 1}`;
  return `${span}${where} above the header (row ${header.row}) read as a title, not data`;
}
