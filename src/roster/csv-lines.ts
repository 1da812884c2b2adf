/**
 * A quote-free CSV kept as its text and the bounds of each data line, rather than a string[] per
 * row: a million-row session log then costs three flat buffers instead of a million arrays and
 * three million strings (whose garbage collection alone took over a second). It reads exactly as
 * readCsv reads the same text — the same header, row numbers, blank and rejected rows — and its
 * `rows` are built, by splitting the kept lines, only if some reader asks for them.
 */
import { ok, type Result } from "../core/result.js";
import { csvDelimiter, csvHeader } from "./csv-header.js";
import { HEADER_SEARCH_ROWS } from "./header-row.js";
import {
  DELIMITER_NAMES,
  type Delimiter,
  delimiterNotes,
  readCsv,
  sepLine,
  typeLine,
} from "./read-csv.js";
import type { RowIssue } from "./row-issue.js";
import type { Table, TableRow } from "./table.js";
import { withEventViewerDescription } from "./windows-event-viewer.js";

export interface CsvLines {
  readonly text: string;
  readonly delimiter: Delimiter;
  /** Number of data rows kept (not blank, not rejected). */
  readonly count: number;
  /** Each kept line's bounds in `text` ([from, to), no line ending) and spreadsheet row number. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly rowNumbers: Int32Array;
}

export class LinesTable implements Table {
  readonly format = "csv" as const;
  readonly date1904 = false;
  private built: TableRow[] | undefined;

  constructor(
    readonly lines: CsvLines,
    readonly headers: readonly string[],
    readonly headerRow: number,
    readonly blankRows: number,
    readonly rejected: readonly RowIssue[],
    readonly notes: readonly string[],
  ) {}

  /** Row `k` as readCsv would give it. */
  row(k: number): TableRow {
    const { text, delimiter, from, to, rowNumbers } = this.lines;
    return {
      row: rowNumbers[k] as number,
      cells: text.slice(from[k], to[k]).split(delimiter),
    };
  }

  get rows(): readonly TableRow[] {
    if (this.built === undefined) {
      this.built = Array.from({ length: this.lines.count }, (_, k) => this.row(k));
    }
    return this.built;
  }
}

const isBlankRecord = (record: readonly string[]) => record.every((v) => v.trim() === "");

/** Growable Int32Array columns of kept lines. */
class LineBounds {
  count = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  rowNumbers = new Int32Array(1024);

  push(from: number, to: number, row: number): void {
    if (this.count === this.from.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
      this.rowNumbers = grow(this.rowNumbers);
    }
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.rowNumbers[this.count] = row;
    this.count++;
  }
}

/** The file's line ending: like splitUnquoted (and csv-parse), the first one met. */
function lineEnding(text: string, start: number): string {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return "\n";
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? "\r\n" : "\r";
  }
  return "\n";
}

/** The first records from `start`, as splitUnquoted would give them, for finding the header. */
function topRecords(text: string, start: number, eol: string, delimiter: string): string[][] {
  const records: string[][] = [];
  for (let pos = start, filled = 0; pos < text.length && filled <= HEADER_SEARCH_ROWS; ) {
    const at = text.indexOf(eol, pos);
    const line = text.slice(pos, at < 0 ? text.length : at);
    const record = line.split(delimiter);
    records.push(record);
    if (!isBlankRecord(record)) filled++;
    if (at < 0) break;
    pos = at + eol.length;
  }
  return records;
}

/**
 * The text read line by line (the records splitUnquoted gives, without building them), or
 * readCsv's Table when lines won't do: quotes, or no header line (readCsv then says what is wrong).
 */
export function readCsvLines(text: string, fileName: string): Result<Table> {
  if (text.includes('"')) return readCsv(text, fileName);
  const sep = sepLine(text, fileName);
  if (!sep.ok) return sep;
  const type = sep.value === undefined ? typeLine(text) : undefined;
  // Excel's `sep=` line names the delimiter and is not a row: the lines start after it. The
  // #TYPE line is skipped too, but keeps its row number (1), as a spreadsheet shows it.
  const start = sep.value?.bodyStart ?? type?.bodyStart ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const chosen = csvDelimiter(text, start, fileName, sep.value?.delimiter);
  if (!chosen.ok) return chosen;
  const delimiter = chosen.value;
  const delimiterCode = delimiter.charCodeAt(0);
  const eol = lineEnding(text, start);
  const offset = type === undefined ? 0 : 1;
  const title = csvHeader(topRecords(text, start, eol, delimiter), offset, fileName);
  let headers: string[] | undefined;
  let headerIndex = -1;
  const kept = new LineBounds();
  const rejected: RowIssue[] = [];
  let blankRows = 0;
  let index = type === undefined ? -1 : 0;
  for (let pos = start; ; ) {
    const at = text.indexOf(eol, pos);
    const lineTo = at < 0 ? text.length : at;
    // A final line break ends the last record rather than starting an empty one.
    if (at < 0 && lineTo === pos) break;
    index++;
    const lineFrom = pos;
    pos = lineTo + eol.length;
    if (headers === undefined) {
      const record = text.slice(lineFrom, lineTo).split(delimiter);
      // Title lines above the header are neither rows nor blank rows.
      if (index - offset >= title.index && !isBlankRecord(record)) {
        headers = withEventViewerDescription(record.map((h) => h.trim()));
        headerIndex = index;
      }
    } else {
      const row = index + 1;
      let fields = 1;
      for (let i = text.indexOf(delimiter, lineFrom); i >= 0 && i < lineTo; ) {
        fields++;
        i = text.indexOf(delimiter, i + 1);
      }
      // A line starting with a visible character other than the delimiter has a value.
      const first = text.charCodeAt(lineFrom);
      const surelyNotBlank =
        lineFrom < lineTo && first > 32 && first < 127 && first !== delimiterCode;
      if (!surelyNotBlank || fields > headers.length) {
        const cells = text.slice(lineFrom, lineTo).split(delimiter);
        if (isBlankRecord(cells)) {
          blankRows++;
          if (at < 0) break;
          continue;
        }
        if (
          cells.length > headers.length &&
          !cells.slice(headers.length).every((v) => v.trim() === "")
        ) {
          rejected.push({
            row,
            column: null,
            reason: `has ${cells.length} values but the header has ${headers.length} columns (a value with an unquoted ${DELIMITER_NAMES[delimiter]}?)`,
          });
          if (at < 0) break;
          continue;
        }
      }
      kept.push(lineFrom, lineTo, row);
    }
    if (at < 0) break;
  }
  if (headers === undefined) return readCsv(text, fileName);
  const notes = [
    ...(title.note === undefined ? [] : [title.note]),
    ...(type === undefined ? [] : [type.note]),
    ...delimiterNotes(delimiter, sep.value),
  ];
  const { count, from, to, rowNumbers } = kept;
  return ok(
    new LinesTable(
      { text, delimiter, count, from, to, rowNumbers },
      headers,
      headerIndex + 1,
      blankRows,
      rejected,
      notes,
    ),
  );
}

/**
 * Bounds of field `column` of kept line `k`, written into `out[slot]` and `out[slot + 1]` as
 * [from, to): the cell readCsv's split would give. False when the line has fewer fields.
 */
export function fieldBounds(
  lines: CsvLines,
  k: number,
  column: number,
  out: Int32Array,
  slot: number,
): boolean {
  const { text, delimiter } = lines;
  const lineTo = lines.to[k] as number;
  let from = lines.from[k] as number;
  for (let c = 0; c < column; c++) {
    const at = text.indexOf(delimiter, from);
    if (at < 0 || at >= lineTo) return false;
    from = at + 1;
  }
  const at = text.indexOf(delimiter, from);
  out[slot] = from;
  out[slot + 1] = at < 0 || at >= lineTo ? lineTo : at;
  return true;
}
