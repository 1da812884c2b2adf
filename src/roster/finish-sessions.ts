/**
 * The last step for session candidates from either a session log or an event log: drop exact
 * duplicates (reported), flag users missing from the roster (kept: they still hold a licence while
 * online), and merge overlapping sessions of one user — a person in two browser tabs needs one
 * licence — unless each session should count (`countSessions`). Every case is counted.
 */
import type { Session } from "../core/usage.js";
import type { RowIssue } from "./row-issue.js";
import type { SessionCandidate } from "./rows-to-sessions.js";

export interface FinishOptions {
  readonly countSessions: boolean;
  readonly knownUsers: ReadonlySet<string> | undefined;
  /** Header of the user column, for warnings. */
  readonly userHeader: string | null;
  /** Event logs deduplicate events instead, so their sessions skip this check. */
  readonly dropDuplicates: boolean;
}

export interface FinishedSessions {
  /** Sorted by start, then user. */
  readonly sessions: Session[];
  readonly errors: RowIssue[];
  readonly warnings: RowIssue[];
  readonly duplicates: number;
  /** Sessions that overlapped an earlier session of the same user. */
  readonly overlapping: number;
  /** Of those, how many were merged into the earlier one (0 with countSessions). */
  readonly merged: number;
  readonly users: number;
  readonly unknownUsers: number;
  readonly unknownUserRows: number;
}

function byStart(a: SessionCandidate, b: SessionCandidate): number {
  return a.start - b.start || a.end - b.end || a.row - b.row;
}

export function finishSessions(
  candidates: readonly SessionCandidate[],
  options: FinishOptions,
): FinishedSessions {
  const byUser = new Map<string, SessionCandidate[]>();
  for (const c of candidates) {
    const list = byUser.get(c.user);
    if (list) list.push(c);
    else byUser.set(c.user, [c]);
  }
  const sessions: Session[] = [];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  let duplicates = 0;
  let overlapping = 0;
  let merged = 0;
  let unknownUsers = 0;
  let unknownUserRows = 0;
  for (const [user, list] of byUser) {
    list.sort(byStart);
    const unknown = options.knownUsers !== undefined && !options.knownUsers.has(user);
    if (unknown) unknownUsers++;
    let current: { start: number; end: number; closedAtTimeout: boolean } | undefined;
    let previous: SessionCandidate | undefined;
    let latestEnd = Number.NEGATIVE_INFINITY;
    for (const c of list) {
      if (
        options.dropDuplicates &&
        previous !== undefined &&
        previous.start === c.start &&
        previous.end === c.end
      ) {
        duplicates++;
        errors.push({
          row: c.row,
          column: null,
          reason: `same user, login and logout as row ${previous.row}`,
        });
        continue;
      }
      previous = c;
      if (unknown) {
        unknownUserRows++;
        warnings.push({
          row: c.row,
          column: options.userHeader,
          reason: "user is not in the roster; their sessions are still counted",
        });
      }
      const overlaps = c.start < latestEnd;
      latestEnd = Math.max(latestEnd, c.end);
      if (overlaps) overlapping++;
      if (overlaps && !options.countSessions && current !== undefined) {
        merged++;
        if (c.end > current.end) {
          current.end = c.end;
          current.closedAtTimeout = c.closedAtTimeout;
        }
        continue;
      }
      if (current !== undefined && !options.countSessions) sessions.push(toSession(user, current));
      current = { start: c.start, end: c.end, closedAtTimeout: c.closedAtTimeout };
      if (options.countSessions) sessions.push(toSession(user, current));
    }
    if (current !== undefined && !options.countSessions) sessions.push(toSession(user, current));
  }
  sessions.sort((a, b) => a.start - b.start || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0));
  return {
    sessions,
    errors,
    warnings,
    duplicates,
    overlapping,
    merged,
    users: byUser.size,
    unknownUsers,
    unknownUserRows,
  };
}

function toSession(
  user: string,
  s: { start: number; end: number; closedAtTimeout: boolean },
): Session {
  return s.closedAtTimeout
    ? { user, start: s.start, end: s.end, closedAtTimeout: true }
    : { user, start: s.start, end: s.end };
}
