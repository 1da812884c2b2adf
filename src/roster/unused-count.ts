/**
 * A licence log's count column ("count" in RLM's report log: licences taken by one checkout) is a
 * number we do not use: each person online counts once. When a row says more than one, the reply
 * says so, since a per-licence peak would be higher than the per-person one we give.
 */
import { cellText } from "./cells.js";
import { type ColumnMap, normaliseHeader } from "./columns.js";
import type { TableRow } from "./table.js";

const COUNT_HEADERS = new Set([
  "count",
  "quantity",
  "qty",
  "licences",
  "licenses",
  "licencecount",
  "licensecount",
  "numlicences",
  "numlicenses",
  "tokens",
  "seats",
]);
/** Rows named in the note; more are counted. */
const ROWS_SHOWN = 5;

export function unusedCountNote(
  headers: readonly string[],
  columns: ColumnMap,
  rows: readonly TableRow[],
): string | undefined {
  const used = new Set(Object.values(columns));
  const index = headers.findIndex((h, i) => !used.has(i) && COUNT_HEADERS.has(normaliseHeader(h)));
  if (index < 0) return undefined;
  const over: number[] = [];
  for (const row of rows) {
    const text = cellText(row.cells[index] ?? null);
    const n = Number(text);
    if (text !== "" && Number.isFinite(n) && n > 1) over.push(row.row);
  }
  if (over.length === 0) return undefined;
  const shown = over.slice(0, ROWS_SHOWN).join(", ") + (over.length > ROWS_SHOWN ? ", …" : "");
  const rowsText =
    over.length === 1 ? `1 row (row ${shown}) gives` : `${over.length} rows (rows ${shown}) give`;
  return `"${headers[index]}" is not used: ${rowsText} a count above 1, and each person online is counted once whatever the count`;
}
