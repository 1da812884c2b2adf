/**
 * The one CSV writer: files that go with a reply (named users, flagged users, skipped rows, the
 * triage table). Opened in Excel by
 * people who did not write them, so every cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe: an e-mail address
 * or a reason copied from an uploaded file can never run as a formula (CSV injection).
 */
import type { ReplyFile } from "./reply.js";

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as written, with an apostrophe in front when a spreadsheet would run it. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One field: neutralised, then quoted (RFC 4180) when it holds a comma, quote or line break. */
export function csvField(cell: string): string {
  const neutral = neutraliseCell(cell);
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** CSV text: CRLF line endings (RFC 4180), every cell neutralised then quoted. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows]
    .map((r) => r.map(csvField).join(","))
    .join("\r\n")
    .concat("\r\n");
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
