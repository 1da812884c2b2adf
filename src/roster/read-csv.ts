/**
 * CSV text → Table. The delimiter (`,` `;` tab or `|`) is Excel's `sep=` first line when there is
 * one, otherwise detected from the header line; quoted fields may hold delimiters and line breaks,
 * CRLF and LF both end a row. Row numbers count every record, blank ones included, so they match
 * what a spreadsheet shows (header = row 1; Excel hides a `sep=` line, so it is not counted).
 */
import { parse } from "csv-parse/sync";
import { fail, ok, type Result } from "../core/result.js";
import { CANDIDATES, DELIMITER_NAMES, type Delimiter } from "./csv-delimiter.js";
import { csvDelimiter, csvHeader } from "./csv-header.js";
import type { RowIssue } from "./row-issue.js";
import type { Table, TableRow } from "./table.js";
import { withEventViewerDescription } from "./windows-event-viewer.js";

/** Excel's `sep=;` first line: the delimiter it names and where the header's text starts. */
export interface SepLine {
  readonly delimiter: Delimiter;
  readonly bodyStart: number;
  readonly note: string;
}

const SEP_LINE = /^\uFEFF?sep=([^\r\n])[ ]*(\r\n|\n|\r)/i;

/** The file's `sep=X` first line, if it has one; an X dealdesk can't split on is an error. */
export function sepLine(text: string, fileName: string): Result<SepLine | undefined> {
  const m = SEP_LINE.exec(text.slice(0, 16));
  if (m === null) return ok(undefined);
  const c = m[1] as string;
  if (!(CANDIDATES as readonly string[]).includes(c)) {
    return fail(
      "file.csv_unknown_sep",
      `${fileName} starts with "sep=${c}", naming ${JSON.stringify(c)} as its delimiter; I read values separated by commas, semicolons, tabs or pipes.`,
      "Export it again with commas or semicolons between values",
    );
  }
  const delimiter = c as Delimiter;
  return ok({
    delimiter,
    bodyStart: m[0].length,
    note: `${DELIMITER_NAMES[delimiter]}-separated, as its first line "sep=${c === "\t" ? "\\t" : c}" says (that line is not counted as a row)`,
  });
}

/** PowerShell's Export-Csv first line: `#TYPE System.Diagnostics.EventLogEntry`, before the header. */
export interface TypeLine {
  readonly bodyStart: number;
  readonly note: string;
}

const TYPE_LINE = /^\uFEFF?#TYPE ([^\r\n]*)(\r\n|\n|\r)/;

/**
 * The file's `#TYPE …` first line, if it has one. It names the .NET type the rows were made from
 * and is not a header; unlike Excel's `sep=` line a spreadsheet shows it, so it keeps its row number.
 */
export function typeLine(text: string): TypeLine | undefined {
  const m = TYPE_LINE.exec(text.slice(0, 300));
  if (m === null) return undefined;
  const name = (m[1] as string).trim();
  return {
    bodyStart: m[0].length,
    note: `row 1 "#TYPE ${name}" is the type line PowerShell's Export-Csv writes, not a header: skipped`,
  };
}

interface CsvError {
  readonly code?: string;
  readonly records?: number;
}

function isBlankRecord(record: readonly string[]): boolean {
  return record.every((v) => v.trim() === "");
}

/**
 * Without a single quote character a CSV is exactly its lines split at the delimiter, which is
 * several times faster than the general parser on million-row logs; anything quoted goes to csv-parse.
 */
function splitUnquoted(text: string, delimiter: Delimiter): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Like csv-parse, the first line ending met is the file's line ending.
  const firstBreak = body.search(/[\r\n]/);
  const eol =
    firstBreak < 0
      ? "\n"
      : body[firstBreak] === "\n"
        ? "\n"
        : body[firstBreak + 1] === "\n"
          ? "\r\n"
          : "\r";
  const lines = body.split(eol);
  // A final line break ends the last record rather than starting an empty one (as csv-parse does).
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.split(delimiter));
}

/** Records of the text: split directly when nothing is quoted, otherwise by csv-parse. */
export function parseRecords(
  text: string,
  delimiter: Delimiter,
  fileName: string,
): Result<string[][]> {
  if (!text.includes('"')) return ok(splitUnquoted(text, delimiter));
  try {
    return ok(
      parse(text, {
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
      }) as string[][],
    );
  } catch (error) {
    const e = error as CsvError;
    const row = (e.records ?? 0) + 1;
    if (e.code === "CSV_QUOTE_NOT_CLOSED") {
      return fail(
        "file.csv_quote_not_closed",
        `${fileName} has a quote (") that is never closed, starting in row ${row}.`,
        'Quote a value that contains the delimiter or a line break, and close the quote: "Smith, Jo"',
      );
    }
    return fail(
      "file.csv_malformed",
      `${fileName} is not valid CSV near row ${row}.`,
      'Values containing the delimiter need quotes: "Smith, Jo"',
    );
  }
}

export {
  checkHeaderWidth,
  DELIMITER_NAMES,
  type Delimiter,
  detectDelimiter,
  MAX_COLUMNS,
} from "./csv-delimiter.js";

export function readCsv(file: string, fileName: string): Result<Table> {
  const sep = sepLine(file, fileName);
  if (!sep.ok) return sep;
  const type = sep.value === undefined ? typeLine(file) : undefined;
  // Rows keep the numbers a spreadsheet shows: the #TYPE line is row 1 there.
  const offset = type === undefined ? 0 : 1;
  const text =
    sep.value !== undefined
      ? file.slice(sep.value.bodyStart)
      : type !== undefined
        ? file.slice(type.bodyStart)
        : file;
  const chosen = csvDelimiter(text, 0, fileName, sep.value?.delimiter);
  if (!chosen.ok) return chosen;
  const delimiter = chosen.value;
  const parsed = parseRecords(text, delimiter, fileName);
  if (!parsed.ok) return parsed;
  const records = parsed.value;
  const title = csvHeader(records, offset, fileName);
  const headerIndex = title.index;
  if (headerIndex < 0) {
    return fail("file.empty", `${fileName} is empty.`, "Export the file again, with a header row");
  }
  const headers = withEventViewerDescription(
    (records[headerIndex] as string[]).map((h) => h.trim()),
  );
  const rows: TableRow[] = [];
  const rejected: RowIssue[] = [];
  let blankRows = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] as string[];
    const row = i + 1 + offset;
    if (isBlankRecord(cells)) {
      blankRows++;
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
      continue;
    }
    rows.push({ row, cells });
  }
  return ok({
    format: "csv",
    headers,
    headerRow: headerIndex + 1 + offset,
    rows,
    blankRows,
    date1904: false,
    notes: [
      ...(title.note === undefined ? [] : [title.note]),
      ...(type === undefined ? [] : [type.note]),
      ...delimiterNotes(delimiter, sep.value),
    ],
    rejected,
  });
}

/** What to tell the user about the delimiter: nothing for commas, else which one and why. */
export function delimiterNotes(delimiter: Delimiter, sep: SepLine | undefined): string[] {
  if (sep !== undefined) return [sep.note];
  return delimiter === "," ? [] : [`${DELIMITER_NAMES[delimiter]}-separated`];
}
