/** Small helpers for reading one field of one row. */
import type { ColumnMap, Field } from "./columns.js";
import type { Cell, TableRow } from "./table.js";
import { isBlankCell } from "./table.js";

export function cellAt(row: TableRow, columns: ColumnMap, field: Field): Cell {
  const index = columns[field];
  return index === undefined ? null : (row.cells[index] ?? null);
}

export function isBlank(cell: Cell): boolean {
  return isBlankCell(cell);
}

/** Text of a cell as written (numbers as Excel shows them, dates as ISO), trimmed. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/**
 * The stable user key sessions and roster share: trimmed, spaces collapsed, lower case (e-mails and
 * ids compare case-insensitively). Undefined when the cell is empty.
 */
export function userKey(cell: Cell): string | undefined {
  if (isBlankCell(cell) || cell instanceof Date || typeof cell === "boolean") return undefined;
  const key = String(cell).trim().replace(/\s+/g, " ").toLowerCase();
  return key === "" ? undefined : key;
}

/**
 * A user cell as written, for showing the user back their own ids (`userKey` is for matching):
 * only the padding is trimmed; case and inner spacing are kept. Called once per distinct key.
 */
export function userSpelling(cell: Cell): string {
  return cellText(cell);
}

/** The header of a field's column, for row issues. */
export function headerOf(
  headers: readonly string[],
  columns: ColumnMap,
  field: Field,
): string | null {
  const index = columns[field];
  return index === undefined ? null : (headers[index] ?? null);
}
