/**
 * CSV text → Table. The delimiter (`,` `;` or tab) is detected from the header line, quoted fields
 * may hold delimiters and line breaks, CRLF and LF both end a row. Row numbers count every record,
 * blank ones included, so they match what a spreadsheet shows (header = row 1).
 */
import { parse } from "csv-parse/sync";
import { fail, ok, type Result } from "../core/result.js";
import type { RowIssue } from "./row-issue.js";
import type { Table, TableRow } from "./table.js";

export type Delimiter = "," | ";" | "\t";
const CANDIDATES: readonly Delimiter[] = ["\t", ";", ","];
const DELIMITER_NAMES: Record<Delimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};

/** The candidate that occurs most often, outside quotes, in the first non-blank line. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      if (seenContent) break;
    } else if (!inQuotes && counts.has(c as Delimiter)) {
      counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
    }
    if (c.trim() !== "") seenContent = true;
  }
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
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

export function readCsv(text: string, fileName: string): Result<Table> {
  const delimiter = detectDelimiter(text);
  const parsed = parseRecords(text, delimiter, fileName);
  if (!parsed.ok) return parsed;
  const records = parsed.value;
  const headerIndex = records.findIndex((r) => !isBlankRecord(r));
  if (headerIndex < 0) {
    return fail("file.empty", `${fileName} is empty.`, "Export the file again, with a header row");
  }
  const headers = (records[headerIndex] as string[]).map((h) => h.trim());
  const rows: TableRow[] = [];
  const rejected: RowIssue[] = [];
  let blankRows = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] as string[];
    const row = i + 1;
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
  const notes = delimiter === "," ? [] : [`${DELIMITER_NAMES[delimiter]}-separated`];
  return ok({
    format: "csv",
    headers,
    headerRow: headerIndex + 1,
    rows,
    blankRows,
    date1904: false,
    notes,
    rejected,
  });
}
