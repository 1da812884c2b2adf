/**
 * Session-log rows (user, start, end or duration) → session candidates, one per usable row. A row
 * with no end and no duration is a login whose logout is missing: it is closed at the session
 * timeout and flagged. Rows that can't be used are reported with the column and the reason.
 */

import { cellAt, cellText, headerOf, isBlank, userKey } from "./cells.js";
import { ClockNotes, clockReason, type RepeatedReading } from "./clock-changes.js";
import type { ColumnMap } from "./columns.js";
import { type DateContext, plainIsoMs, readDateCell } from "./dates.js";
import { type DurationUnit, isBareNumber, readDuration } from "./durations.js";
import type { RowIssue } from "./row-issue.js";
import {
  EARLIEST_SESSION_MS,
  type PlaceholderKind,
  PlaceholderNotes,
  placeholderReason,
} from "./sentinel-dates.js";
import { SessionCandidates } from "./session-candidates.js";
import type { TableRow } from "./table.js";
import type { ClockChange } from "./time-zone.js";

export interface SessionRowsContext {
  readonly headers: readonly string[];
  readonly columns: ColumnMap;
  readonly dates: DateContext;
  readonly sessionTimeoutMs: number;
  readonly durationUnit: DurationUnit | undefined;
}

export interface SessionRowsResult {
  readonly candidates: SessionCandidates;
  readonly errors: RowIssue[];
  readonly endBeforeStart: number;
  readonly closedAtTimeout: number;
  /** Placeholder logouts read as no logout, one line per value written (for the reply's notes). */
  readonly notes: string[];
}

/** A logout of 9999-12-31 (an open end) or 0000-00-00 (a zero date) means there is none. */
const NO_LOGOUT: ReadonlySet<PlaceholderKind> = new Set(["far-future", "zero"]);

const before1990 = (text: string) => `"${text}" is before 1990: not a real session time`;

export function rowsToSessions(
  rows: readonly TableRow[],
  ctx: SessionRowsContext,
): SessionRowsResult {
  const reader = new SessionRowReader(ctx);
  for (const row of rows) reader.add(row);
  return reader.result();
}

/**
 * Reads session rows one at a time into candidates, so a caller streaming over the file's lines
 * can hand over only the rows its own allocation-free reading can't settle.
 */
export class SessionRowReader {
  readonly candidates = new SessionCandidates();
  private readonly errors: RowIssue[] = [];
  private endBeforeStart = 0;
  private closedAtTimeout = 0;
  private readonly placeholders = new PlaceholderNotes({ logout: "no logout" });
  private readonly clocks: ClockNotes;
  /** A bare-number duration was read in minutes because the header names no unit. */
  private minutesAssumed = false;
  private readonly userHeader: string | null;
  private readonly startHeader: string | null;
  private readonly endHeader: string | null;
  private readonly durationHeader: string | null;

  constructor(private readonly ctx: SessionRowsContext) {
    const { headers, columns } = ctx;
    this.clocks = new ClockNotes(ctx.dates.timeZone);
    this.userHeader = headerOf(headers, columns, "user");
    this.startHeader = headerOf(headers, columns, "start");
    this.endHeader = headerOf(headers, columns, "end");
    this.durationHeader = headerOf(headers, columns, "duration");
  }

  result(): SessionRowsResult {
    return {
      candidates: this.candidates,
      errors: this.errors,
      endBeforeStart: this.endBeforeStart,
      closedAtTimeout: this.closedAtTimeout,
      notes: [
        // Only when a bare number needed it: "01:30:00" or "1h 30m" say their own unit.
        ...(this.minutesAssumed
          ? [`"${this.durationHeader}" names no unit: durations read as minutes`]
          : []),
        ...this.placeholders.notes(),
        ...this.clocks.notes(),
      ],
    };
  }

  add(row: TableRow): void {
    const { ctx, userHeader, startHeader, endHeader, durationHeader, candidates, errors } = this;
    const { columns } = ctx;
    const problems: RowIssue[] = [];
    const userCell = cellAt(row, columns, "user");
    const user = userKey(userCell);
    if (user === undefined) problems.push({ row: row.row, column: userHeader, reason: "no user" });
    const startCell = cellAt(row, columns, "start");
    // Plain ISO text (most exports) is read without allocating; anything else takes the full path.
    const plainStart =
      typeof startCell === "string" ? plainIsoMs(startCell, ctx.dates) : Number.NaN;
    let start: number | undefined;
    let startClock: ClockChange | undefined;
    if (!Number.isNaN(plainStart)) {
      start = plainStart;
    } else if (isBlank(startCell)) {
      problems.push({ row: row.row, column: startHeader, reason: "no login time" });
    } else {
      const read = readDateCell(startCell, ctx.dates);
      if (read.ok && read.ms < EARLIEST_SESSION_MS) {
        problems.push({
          row: row.row,
          column: startHeader,
          reason: before1990(cellText(startCell)),
        });
      } else if (read.ok) {
        start = read.ms;
        startClock = read.clock;
      } else {
        const reason =
          read.placeholder === undefined
            ? read.reason
            : placeholderReason(cellText(startCell), read.placeholder, "login time");
        problems.push({ row: row.row, column: startHeader, reason });
      }
    }
    const endCell = cellAt(row, columns, "end");
    const durationCell = cellAt(row, columns, "duration");
    let end: number | undefined;
    let endClock: ClockChange | undefined;
    let endReading: RepeatedReading = "first";
    let open = false;
    let pendingPlaceholder: string | undefined;
    const plainEnd = typeof endCell === "string" ? plainIsoMs(endCell, ctx.dates) : Number.NaN;
    if (!Number.isNaN(plainEnd)) {
      end = plainEnd;
    } else if (!isBlank(endCell)) {
      const read = readDateCell(endCell, ctx.dates);
      if (read.ok && read.ms < EARLIEST_SESSION_MS) {
        problems.push({ row: row.row, column: endHeader, reason: before1990(cellText(endCell)) });
      } else if (read.ok) {
        end = read.ms;
        endClock = read.clock;
      } else if (read.placeholder !== undefined && NO_LOGOUT.has(read.placeholder)) {
        open = true;
        pendingPlaceholder = cellText(endCell);
      } else {
        const reason =
          read.placeholder === undefined
            ? read.reason
            : `${placeholderReason(cellText(endCell), read.placeholder, "logout time")}: leave the cell blank when there is no logout`;
        problems.push({ row: row.row, column: endHeader, reason });
      }
    } else if (!isBlank(durationCell)) {
      const read = readDuration(durationCell, ctx.durationUnit);
      if (read.ok && ctx.durationUnit === undefined && isBareNumber(durationCell)) {
        this.minutesAssumed = true;
      }
      if (read.ok) end = start === undefined ? undefined : start + read.ms;
      else problems.push({ row: row.row, column: durationHeader, reason: read.reason });
    } else {
      open = true;
    }
    // A logout the clocks showed twice is its second occurrence when the first is before the login.
    if (
      endClock?.kind === "repeated" &&
      start !== undefined &&
      end !== undefined &&
      end < start &&
      endClock.later >= start
    ) {
      end = endClock.later;
      endReading = "second";
    }
    if (start !== undefined && end !== undefined && end < start) {
      const zone = ctx.dates.timeZone;
      const reason =
        clockReason(zone, startClock, endClock, cellText(startCell), cellText(endCell)) ??
        "logout is before login";
      problems.push({ row: row.row, column: endHeader, reason });
      this.endBeforeStart++;
    }
    if (problems.length > 0 || user === undefined || start === undefined) {
      errors.push(...problems);
      return;
    }
    if (open) this.closedAtTimeout++;
    if (startClock !== undefined) this.clocks.add(row.row, cellText(startCell), startClock);
    if (endClock !== undefined) {
      this.clocks.add(row.row, cellText(endCell), endClock, endReading);
    }
    if (pendingPlaceholder !== undefined)
      this.placeholders.add("logout", pendingPlaceholder, row.row);
    candidates.add(
      row.row,
      user,
      userCell,
      start,
      open ? start + ctx.sessionTimeoutMs : (end ?? start),
      open,
    );
  }
}
