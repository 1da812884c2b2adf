/**
 * What reading a file gives: the kind of file, the roster or sessions, the column mapping used,
 * summary counts and every row not used (or used with a remark). The JSON contract for front ends.
 */
import type { RosterUser, Session, SessionColumns } from "../core/usage.js";
import type { Field, FileKind } from "./columns.js";
import type { RowIssue } from "./row-issue.js";
import type { SheetUsed } from "./table.js";

export interface ColumnUse {
  readonly field: Field;
  /** The header as written in the file. */
  readonly header: string;
  readonly guessed?: boolean;
}

/** Counts for the summary line; every data row is either `used` or `skipped` (rows = used + skipped). */
export interface ReadSummary {
  /** Data rows (not the header, not blank rows). */
  readonly rows: number;
  readonly blankRows: number;
  readonly used: number;
  /** Distinct rows in rowErrors. */
  readonly skipped: number;
  /** Sessions produced (after merging); 0 for a roster. */
  readonly sessions: number;
  /** Distinct users with a session, or the users in a roster. */
  readonly users: number;
  /**
   * Logins with no logout, closed at the session timeout (in an event log, at the same user's next
   * login on the same device when that comes sooner).
   */
  readonly closedAtTimeout: number;
  /** Sessions that overlapped an earlier one of the same user. */
  readonly overlapping: number;
  /** Of those, merged into the earlier session (0 when each session counts). */
  readonly merged: number;
  /** Rows repeating an earlier row (same user and times, or the same roster user). */
  readonly duplicates: number;
  readonly endBeforeStart: number;
  /** Distinct users not in the roster given (their sessions are kept). */
  readonly unknownUsers: number;
  readonly unknownUserRows: number;
  /** Event logs: logouts with no login before them. */
  readonly unpairedLogouts: number;
}

export interface RosterFileRead {
  readonly kind: FileKind;
  readonly format: "csv" | "xlsx";
  readonly roster?: readonly RosterUser[];
  readonly sessions?: readonly Session[];
  /** `sessions` as flat columns, same order: what the concurrency analysis of a big log reads. */
  readonly sessionColumns?: SessionColumns;
  /**
   * Each user key (trimmed, spaces collapsed, lower case: what rosters and sessions match on) →
   * the id as first written in the file, padding trimmed, in file order. For showing users back
   * their own ids; match and count on the key.
   */
  readonly userSpelling: ReadonlyMap<string, string>;
  /** Which header each field was read from, in field order. */
  readonly mapping: readonly ColumnUse[];
  readonly summary: ReadSummary;
  /** Rows not used, sorted by row. */
  readonly rowErrors: readonly RowIssue[];
  /** Rows used, with a remark (e.g. user not in the roster), sorted by row. */
  readonly rowWarnings: readonly RowIssue[];
  /** How the file was read: delimiter, encoding, sheet, date order, assumed units. */
  readonly notes: readonly string[];
  /** A workbook's sheet read, and the others not read: the read summary names them. */
  readonly sheet?: SheetUsed;
}

/**
 * `user ← "Agent Email", start ← "Login Time" (guessed from the data)` for the reply: a column
 * chosen from its values rather than its header is marked, so the user can check it (or --map it).
 */
export function formatMapping(mapping: readonly ColumnUse[]): string {
  return mapping
    .map((m) => `${m.field} ← "${m.header}"${m.guessed ? " (guessed from the data)" : ""}`)
    .join(", ");
}

/**
 * A user key as the file wrote it, from the first spelling map that knows it (the file analysed,
 * then a roster given with it); the key itself for an id only typed in the request.
 */
export function asWritten(
  key: string,
  ...spellings: readonly (ReadonlyMap<string, string> | undefined)[]
): string {
  for (const spelling of spellings) {
    const written = spelling?.get(key);
    if (written !== undefined) return written;
  }
  return key;
}
