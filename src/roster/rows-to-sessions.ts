/**
 * Session-log rows (user, start, end or duration) → session candidates, one per usable row. A row
 * with no end and no duration is a login whose logout is missing: it is closed at the session
 * timeout and flagged. Rows that can't be used are reported with the column and the reason.
 */

import { cellAt, headerOf, isBlank, userKey } from "./cells.js";
import type { ColumnMap } from "./columns.js";
import { type DateContext, plainIsoMs, readDateCell } from "./dates.js";
import { type DurationUnit, readDuration } from "./durations.js";
import type { RowIssue } from "./row-issue.js";
import { SessionCandidates } from "./session-candidates.js";
import type { TableRow } from "./table.js";

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
}

export function rowsToSessions(
  rows: readonly TableRow[],
  ctx: SessionRowsContext,
): SessionRowsResult {
  const { headers, columns } = ctx;
  const userHeader = headerOf(headers, columns, "user");
  const startHeader = headerOf(headers, columns, "start");
  const endHeader = headerOf(headers, columns, "end");
  const durationHeader = headerOf(headers, columns, "duration");
  const candidates = new SessionCandidates();
  const errors: RowIssue[] = [];
  let endBeforeStart = 0;
  let closedAtTimeout = 0;
  for (const row of rows) {
    const problems: RowIssue[] = [];
    const userCell = cellAt(row, columns, "user");
    const user = userKey(userCell);
    if (user === undefined) problems.push({ row: row.row, column: userHeader, reason: "no user" });
    const startCell = cellAt(row, columns, "start");
    // Plain ISO text (most exports) is read without allocating; anything else takes the full path.
    const plainStart =
      typeof startCell === "string" ? plainIsoMs(startCell, ctx.dates) : Number.NaN;
    let start: number | undefined;
    if (!Number.isNaN(plainStart)) {
      start = plainStart;
    } else if (isBlank(startCell)) {
      problems.push({ row: row.row, column: startHeader, reason: "no login time" });
    } else {
      const read = readDateCell(startCell, ctx.dates);
      if (read.ok) start = read.ms;
      else problems.push({ row: row.row, column: startHeader, reason: read.reason });
    }
    const endCell = cellAt(row, columns, "end");
    const durationCell = cellAt(row, columns, "duration");
    let end: number | undefined;
    let open = false;
    const plainEnd = typeof endCell === "string" ? plainIsoMs(endCell, ctx.dates) : Number.NaN;
    if (!Number.isNaN(plainEnd)) {
      end = plainEnd;
    } else if (!isBlank(endCell)) {
      const read = readDateCell(endCell, ctx.dates);
      if (read.ok) end = read.ms;
      else problems.push({ row: row.row, column: endHeader, reason: read.reason });
    } else if (!isBlank(durationCell)) {
      const read = readDuration(durationCell, ctx.durationUnit);
      if (read.ok) end = start === undefined ? undefined : start + read.ms;
      else problems.push({ row: row.row, column: durationHeader, reason: read.reason });
    } else {
      open = true;
    }
    if (start !== undefined && end !== undefined && end < start) {
      problems.push({ row: row.row, column: endHeader, reason: "logout is before login" });
      endBeforeStart++;
    }
    if (problems.length > 0 || user === undefined || start === undefined) {
      errors.push(...problems);
      continue;
    }
    if (open) closedAtTimeout++;
    candidates.add(
      row.row,
      user,
      userCell,
      start,
      open ? start + ctx.sessionTimeoutMs : (end ?? start),
      open,
    );
  }
  return { candidates, errors, endBeforeStart, closedAtTimeout };
}
