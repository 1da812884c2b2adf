/**
 * What a reply says about reading the file, so nothing is silently lost: the columns used, the rows that could
 * not be used (the first few with row, column and reason; all of them in skipped-rows.csv), and the
 * counts of everything repaired on the way (logins closed at the timeout, overlaps merged…).
 */
import { formatMapping, type RosterFileRead } from "../../roster/read-file.js";
import { column, type ReplyFile, type Table } from "../reply.js";
import { csvFile } from "../reply-csv.js";
import { count, plural } from "./format.js";

/** How many skipped rows the reply lists; the CSV file has them all. */
export const SKIPPED_ROWS_SHOWN = 5;

/** `I couldn't use 3 of 7,009 rows in sessions.csv:` and the first few rows, or nothing. */
export function skippedRowsTable(read: RosterFileRead, fileName: string): Table | undefined {
  const { skipped, rows } = read.summary;
  if (skipped === 0) return undefined;
  return {
    title: `I couldn't use ${count(skipped)} of ${plural(rows, "row", "rows")} in ${fileName}:`,
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

/** Notes on reading: mapping, skipped rows, repairs, then the reader's own notes. */
export function readNotes(read: RosterFileRead, fileName: string): string[] {
  const s = read.summary;
  const notes = [`Columns used: ${formatMapping(read.mapping)}.`];
  if (s.skipped > 0) {
    notes.push(
      `${plural(s.skipped, "row", "rows")} skipped (all listed in skipped-rows.csv); the other ${count(s.used)} are analysed.`,
    );
  }
  if (s.closedAtTimeout > 0) {
    notes.push(
      `${plural(s.closedAtTimeout, "login had", "logins had")} no logout: closed at the session timeout (--timeout).`,
    );
  }
  if (s.merged > 0) {
    notes.push(
      `${plural(s.merged, "session overlapped", "sessions overlapped")} another of the same person and counted once (--count sessions to count each).`,
    );
  } else if (s.overlapping > 0) {
    notes.push(
      `${plural(s.overlapping, "session overlaps", "sessions overlap")} another of the same person; each takes a slot.`,
    );
  }
  if (s.duplicates > 0)
    notes.push(`${plural(s.duplicates, "duplicate row", "duplicate rows")} ignored.`);
  if (s.unknownUsers > 0) {
    notes.push(
      `${plural(s.unknownUsers, "person is", "people are")} not in the roster (${plural(s.unknownUserRows, "row", "rows")}); their sessions still count.`,
    );
  }
  if (s.unpairedLogouts > 0) {
    notes.push(`${plural(s.unpairedLogouts, "logout had", "logouts had")} no login before it.`);
  }
  notes.push(...read.notes.map((n) => `${fileName}: ${n}.`.replace(/\.\.$/, ".")));
  return notes;
}
