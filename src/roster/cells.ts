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
 * Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, a BOM inside
 * text, soft hyphen. Copied from web pages and chat they get into ids ("ann\u200b@x.com"), and
 * the same person must not count twice.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The text of an id as one form: Unicode NFC (a composed "é" and "e" + combining accent are the
 * same letter, so "José" typed on a Mac and on Windows is one person), invisible characters out.
 */
function plainId(text: string): string {
  // Printable ASCII is its own NFC form and holds no invisible character (all are non-ASCII):
  // the common id skips both passes.
  if (PRINTABLE_ASCII.test(text)) return text;
  return text.normalize("NFC").replace(INVISIBLE, "");
}

/**
 * The stable user key sessions and roster share: NFC, invisible characters removed, trimmed,
 * spaces collapsed, lower case (e-mails and ids compare case-insensitively). Undefined when the
 * cell is empty.
 */
export function userKey(cell: Cell): string | undefined {
  if (isBlankCell(cell) || cell instanceof Date || typeof cell === "boolean") return undefined;
  const key = plainId(String(cell)).trim().replace(/\s+/g, " ").toLowerCase();
  return key === "" ? undefined : key;
}

/**
 * A user cell as written, for showing the user back their own ids (`userKey` is for matching):
 * padding trimmed, case and inner spacing kept; NFC and without invisible characters, so an id
 * copied from a reply finds the person again. Called once per distinct key.
 */
export function userSpelling(cell: Cell): string {
  return plainId(cellText(cell)).trim();
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
