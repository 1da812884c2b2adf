/**
 * The first rows of a table, for judging a column by its content (is it times of day? dates?)
 * without building every row of a million-line CSV.
 */
import { LinesTable } from "./csv-lines.js";
import type { Table, TableRow } from "./table.js";

export const SAMPLE_ROWS = 1000;

export function sampleRows(table: Table, count = SAMPLE_ROWS): readonly TableRow[] {
  if (table instanceof LinesTable) {
    const n = Math.min(count, table.lines.count);
    return Array.from({ length: n }, (_, k) => table.row(k));
  }
  return table.rows.slice(0, count);
}

/** The share of a column's non-blank sampled cells that pass `test`, and how many there were. */
export function columnShare(
  rows: readonly TableRow[],
  column: number,
  test: (cell: NonNullable<TableRow["cells"][number]>) => boolean,
): { readonly share: number; readonly filled: number } {
  let filled = 0;
  let passed = 0;
  for (const { cells } of rows) {
    const cell = cells[column];
    if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) {
      continue;
    }
    filled++;
    if (test(cell)) passed++;
  }
  return { share: filled === 0 ? 0 : passed / filled, filled };
}
