/**
 * An uploaded file as raw rows for the store, and back. The store keeps a file's rows (personal
 * data: names, e-mails, login times) only until retention deletes them; while they are kept,
 * "Change rates" can run the analysis again after a restart, from a CSV rebuilt from the rows.
 *
 * Layout: raw row 1 is the header, `{ "<header>": <column position from 1> }` (jsonb does not keep
 * key order, so the order is written down); raw rows 2… are the data rows, `{ "<header>": cell }`,
 * in file order. As in a CSV, the header is row 1. Blank rows are not kept. A blank header becomes
 * `Column 3`, a repeated one `Name (2)`. XLSX date cells are kept as `YYYY-MM-DD HH:MM:SS` (the
 * sheet's wall-clock time, as the reader would see it); numbers and booleans stay as they are.
 */

import { readCsv } from "../../roster/read-csv.js";
import { readXlsx } from "../../roster/read-xlsx.js";
import { sniff } from "../../roster/sniff.js";
import type { Cell, Table } from "../../roster/table.js";
import type { RawRow } from "../../store/uploads.js";

type RawCell = string | number | boolean | null;

/** `2026-09-07 09:00:00`: exceljs hands wall-clock times over as UTC instants. */
function dateText(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

function rawCell(cell: Cell | undefined): RawCell {
  if (cell === undefined) return null;
  return cell instanceof Date ? dateText(cell) : cell;
}

/** Unique, non-blank header names in column order. */
function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h.trim() === "" ? `Column ${i + 1}` : h;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function tableToRawRows(table: Table): RawRow[] {
  const headers = uniqueHeaders(table.headers);
  const header: Record<string, RawCell> = {};
  headers.forEach((h, i) => {
    header[h] = i + 1;
  });
  const rows: RawRow[] = [header];
  for (const row of table.rows) {
    const record: Record<string, RawCell> = {};
    headers.forEach((h, i) => {
      record[h] = rawCell(row.cells[i]);
    });
    rows.push(record);
  }
  return rows;
}

/** The file's rows, or undefined when it can't be read as a table (the analyser said why). */
export async function readRawRows(name: string, bytes: Uint8Array): Promise<RawRow[] | undefined> {
  const sniffed = sniff(bytes, name);
  if (!sniffed.ok) return undefined;
  const table =
    sniffed.value.type === "xlsx"
      ? await readXlsx(bytes, name, undefined)
      : readCsv(sniffed.value.text, name);
  return table.ok ? tableToRawRows(table.value) : undefined;
}

function csvField(value: RawCell | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows back as CSV bytes (UTF-8), columns in the file's order; empty without a header row. */
export function rawRowsToCsv(rows: readonly RawRow[]): Uint8Array {
  const [header, ...data] = rows;
  if (header === undefined) return new Uint8Array();
  const columns = Object.entries(header)
    .filter((e): e is [string, number] => typeof e[1] === "number")
    .sort((a, b) => a[1] - b[1])
    .map(([name]) => name);
  const lines = [columns.map(csvField).join(",")];
  for (const row of data) lines.push(columns.map((c) => csvField(row[c])).join(","));
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}
