/**
 * The one CSV writer: files that go with a reply (named users, flagged users, skipped rows, the
 * triage table). They are opened in Excel by people who did not write them, so:
 * - every field is quoted (RFC 4180, by csv-stringify, CRLF line ends), so no cell copied from an
 *   uploaded file can shift the columns;
 * - every place a spreadsheet would start a formula gets an apostrophe before it: the start of the
 *   field, and also after a `;` (Excel in semicolon-separator locales, most of continental Europe,
 *   splits `x;=1+1;` at the semicolons, whatever the quotes) and after a line break (a reader that
 *   splits lines before quotes). An e-mail address or a reason copied from a file never runs.
 */
import { stringify } from "csv-stringify/sync";
import type { ReplyFile } from "./reply.js";

/**
 * A formula start (= + - @, a tab or a carriage return), after optional spaces, at the start of
 * the cell or after a `;` or line break. Lookbehind, so `\r=1` is caught twice over (the `\r` at
 * the start, then the `=` after it).
 */
const FORMULA_START = /(?<=^|[;\r\n])( *)(?=[=+\-@\t\r])/g;

/** The cell as written, with an apostrophe before every place a spreadsheet would run it. */
export function neutraliseCell(cell: string): string {
  return cell.replace(FORMULA_START, "$1'");
}

/** Every field quoted, empty ones too; CRLF between records and after the last (RFC 4180). */
const OPTIONS = { quoted: true, quoted_empty: true, record_delimiter: "\r\n" } as const;

/** One field as written: neutralised, then quoted (inner quotes doubled). */
export function csvField(cell: string): string {
  return stringify([[neutraliseCell(cell)]], { ...OPTIONS, eof: false });
}

/** CSV text: every field neutralised and quoted, CRLF line endings. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify(
    [header, ...rows].map((r) => r.map(neutraliseCell)),
    { ...OPTIONS, eof: true },
  );
}

/** A UTF-8 CSV with a byte-order mark, so Excel shows accented names correctly. */
export function csvFile(
  name: string,
  description: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): ReplyFile {
  return {
    name,
    mediaType: "text/csv",
    content: new TextEncoder().encode(`\uFEFF${toCsv(header, rows)}`),
    description,
  };
}
