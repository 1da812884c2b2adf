/**
 * Title rows above a CSV's header ("Agent login report", "Generated: 2026-03-01 08:00", a blank
 * line, then the column names), found with the same rule as XLSX (header-row.ts). Two things
 * differ from a sheet: the delimiter must be judged from the real header line, since a title line
 * has none (a semicolon file would otherwise be read as one comma column), and the rows are the
 * file's lines, so their numbers are the line numbers a spreadsheet shows.
 */
import { ok, type Result } from "../core/result.js";
import { CANDIDATES, checkHeaderWidth, type Delimiter, detectDelimiter } from "./csv-delimiter.js";
import { couldBeHeader, findHeaderRow, HEADER_SEARCH_ROWS, titleNote } from "./header-row.js";
import type { TableRow } from "./table.js";

/** A top line longer than this is not a title; it is never split just to look for one. */
const MAX_TOP_LINE = 1 << 20;

interface TopLines {
  readonly lines: readonly string[];
  /** Where each line starts in the text, and where the next (unread) one does. */
  readonly starts: readonly number[];
}

/** The first lines from `start` (blank ones included), split at the file's first line ending. */
function topLines(text: string, start: number): TopLines {
  const lines: string[] = [];
  const starts: number[] = [];
  let filled = 0;
  let pos = start;
  const eolMatch = /\r\n|\n|\r/.exec(text.slice(start, start + MAX_TOP_LINE));
  const eol = eolMatch?.[0] ?? "\n";
  while (pos < text.length && filled <= HEADER_SEARCH_ROWS) {
    const at = text.indexOf(eol, pos);
    const end = at < 0 ? text.length : at;
    if (end - pos > MAX_TOP_LINE) break;
    const line = text.slice(pos, end);
    lines.push(line);
    starts.push(pos);
    if (line.trim() !== "") filled++;
    if (at < 0) break;
    pos = at + eol.length;
  }
  if (pos < text.length) starts.push(pos);
  return { lines, starts };
}

/** Records as rows numbered like a spreadsheet: record i is row i + 1 + offset. */
export function numberedRows(records: readonly (readonly string[])[], offset: number): TableRow[] {
  const rows: TableRow[] = [];
  let filled = 0;
  for (let i = 0; i < records.length && filled <= HEADER_SEARCH_ROWS; i++) {
    const cells = records[i] as readonly string[];
    rows.push({ row: i + 1 + offset, cells });
    if (cells.some((c) => c.trim() !== "")) filled++;
  }
  return rows;
}

const filledCount = (cells: readonly string[]) => cells.filter((c) => c.trim() !== "").length;

/**
 * The delimiter, judged from the header line. As before it is the one most used in the first
 * non-blank line; only when that line has fewer than three values and is not a header of two
 * names (so it could be a title) is
 * each delimiter tried in turn, and the first with which the lines show title rows above a header
 * wins. Excel's `sep=` line (`named`) settles it. Every top line is first checked for a
 * million-column header (it may be the header below a title), before anything is split.
 */
export function csvDelimiter(
  text: string,
  start: number,
  fileName: string,
  named: Delimiter | undefined,
): Result<Delimiter> {
  const { lines, starts } = topLines(text, start);
  for (const at of starts) {
    for (const d of named === undefined ? CANDIDATES : [named]) {
      const width = checkHeaderWidth(text, at, d, fileName);
      if (!width.ok) return width;
    }
  }
  if (named !== undefined) return ok(named);
  const first = detectDelimiter(text.slice(start, start + 65_536));
  const firstLine = lines.find((l) => l.trim() !== "");
  if (firstLine === undefined) return ok(first);
  const firstCells = firstLine.split(first);
  // Three values can't be a title, and a line of names is a header: either way, as before.
  if (filledCount(firstCells) >= 3 || couldBeHeader({ row: 1, cells: firstCells }))
    return ok(first);
  for (const d of [first, ...CANDIDATES.filter((c) => c !== first)]) {
    const rows = numberedRows(
      lines.map((l) => l.split(d)),
      0,
    );
    if (findHeaderRow(rows).titleRows.length > 0) return ok(d);
  }
  return ok(first);
}

export interface CsvHeader {
  /** Index in the records given of the header (the first non-blank one when there is no title). */
  readonly index: number;
  /** The note for the reply when title rows were skipped. */
  readonly note: string | undefined;
}

/** Where the header is among the file's first records (numbered as in numberedRows). */
export function csvHeader(
  records: readonly (readonly string[])[],
  offset: number,
  fileName: string,
): CsvHeader {
  const rows = numberedRows(records, offset);
  const found = findHeaderRow(rows);
  const header = rows[found.index];
  if (found.titleRows.length === 0 || header === undefined) {
    const index = records.findIndex((r) => r.some((c) => c.trim() !== ""));
    return { index, note: undefined };
  }
  return { index: found.index, note: titleNote(header, found.titleRows, ` of ${fileName}`) };
}

/**
 * Whether the text has title lines above a header of at least two columns: the check a front end
 * makes before reading (Slack's uploads), asked the way the reader finds the header, so a report
 * with a title is not turned away as "not CSV".
 */
export function hasTitledHeader(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = csvDelimiter(body, 0, "", undefined);
  // A header too wide to read is for the reader to refuse, with its own message.
  if (!delimiter.ok) return true;
  const records = topLines(body, 0).lines.map((l) => l.split(delimiter.value));
  const header = csvHeader(records, 0, "");
  return header.note !== undefined && filledCount(records[header.index] ?? []) >= 2;
}
