/**
 * What a reply says about the rows that could not be used, so nothing is silently lost: the first
 * few with row, column and reason, and all of them in skipped-rows.csv.
 */
import type { RosterFileRead } from "../../roster/read-file.js";
import { column, type ReplyFile, type Table } from "../reply.js";
import { csvFile } from "../reply-csv.js";
import { count, plural } from "./format.js";

/** How many skipped rows the reply lists; the CSV file has them all. */
export const SKIPPED_ROWS_SHOWN = 5;

/** `I couldn't use 3 of 7,009 rows in sessions.csv:` and the first few rows, or nothing. */
export function skippedRowsTable(read: RosterFileRead, fileName: string): Table | undefined {
  const { skipped, rows } = read.summary;
  if (skipped === 0) return undefined;
  // A table that lists fewer rows than its title counts must say so, or a row looks lost.
  const more = read.rowErrors.length > SKIPPED_ROWS_SHOWN;
  const shown = more ? ` (the first ${SKIPPED_ROWS_SHOWN} below; all are in skipped-rows.csv)` : "";
  return {
    title: `I couldn't use ${count(skipped)} of ${plural(rows, "row", "rows")} in ${fileName}${shown}:`,
    columns: [column("row", "right"), column("column"), column("reason")],
    rows: read.rowErrors
      .slice(0, SKIPPED_ROWS_SHOWN)
      .map((e) => [String(e.row), e.column === null ? "" : `"${e.column}"`, e.reason]),
  };
}

/** Every skipped row with its column and reason, for the reply's file. */
export function skippedRowsFile(read: RosterFileRead, fileName: string): ReplyFile | undefined {
  if (read.rowErrors.length === 0) return undefined;
  return csvFile(
    "skipped-rows.csv",
    `The ${plural(read.summary.skipped, "row", "rows")} of ${fileName} not analysed, with the reason`,
    ["row", "column", "reason"],
    read.rowErrors.map((e) => [String(e.row), e.column ?? "", e.reason]),
  );
}

/**
 * The end-of-reply note on skipped rows. The columns used, the repairs (logins closed at the
 * timeout, overlaps merged…) and the reader's own notes lead the reply instead (read-summary.ts).
 */
export function readNotes(read: RosterFileRead, _fileName: string): string[] {
  const s = read.summary;
  if (s.skipped === 0) return [];
  return [
    `${plural(s.skipped, "row", "rows")} skipped (all listed in skipped-rows.csv); the other ${count(s.used)} are analysed.`,
  ];
}
