/**
 * The last step for session candidates from either a session log or an event log: drop exact
 * duplicates (reported), flag users missing from the roster (kept: they still hold a licence while
 * online), and merge overlapping sessions of one user — a person in two browser tabs needs one
 * licence — unless each session should count (`countSessions`). Every case is counted.
 */
import { type Session, type SessionColumns, sessionsOfColumns } from "../core/usage.js";
import type { RowIssue } from "./row-issue.js";
import { EARLIEST_SESSION_MS } from "./sentinel-dates.js";
import type { SessionCandidates } from "./session-candidates.js";
import { sortByStart } from "./sort-by-start.js";

export interface FinishOptions {
  readonly countSessions: boolean;
  readonly knownUsers: ReadonlySet<string> | undefined;
  /** Header of the user column, for warnings. */
  readonly userHeader: string | null;
  /** Event logs deduplicate events instead, so their sessions skip this check. */
  readonly dropDuplicates: boolean;
  /**
   * False: only the flat columns, no Session object per session (a million-row concurrency
   * analysis reads nothing else, and the objects were a third of its memory). Default true.
   */
  readonly objects?: boolean;
}

export interface FinishedSessions {
  /** Sorted by start; ties keep the order of each user's first row in the file. Absent with objects: false. */
  readonly sessions: Session[] | undefined;
  /** The same sessions as flat columns, in the same order (what a million-row analysis reads). */
  readonly columns: SessionColumns;
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

/** `1899-12-30 09:00 UTC`: an instant as a row issue shows it. */
const shown = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Sorts one user's candidate indices by start, end, then row, unless they already are. */
function sortGroup(c: SessionCandidates, order: Int32Array, lo: number, hi: number): void {
  const before = (a: number, b: number) =>
    (c.starts[a] as number) - (c.starts[b] as number) ||
    (c.ends[a] as number) - (c.ends[b] as number) ||
    (c.rows[a] as number) - (c.rows[b] as number);
  for (let k = lo + 1; k < hi; k++) {
    if (before(order[k - 1] as number, order[k] as number) > 0) {
      // Logs are usually chronological, so this is rare.
      const sorted = Array.from(order.subarray(lo, hi)).sort(before);
      order.set(sorted, lo);
      return;
    }
  }
}

export function finishSessions(c: SessionCandidates, options: FinishOptions): FinishedSessions {
  const { order, bounds } = c.groupByUser();
  // At most one session per candidate, so flat buffers of that size hold them all.
  const out = {
    count: 0,
    users: new Int32Array(c.length),
    starts: new Float64Array(c.length),
    ends: new Float64Array(c.length),
    timeouts: new Uint8Array(c.length),
  };
  const emit = (user: number, start: number, end: number, timeout: number) => {
    const k = out.count++;
    out.users[k] = user;
    out.starts[k] = start;
    out.ends[k] = end;
    out.timeouts[k] = timeout;
  };
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  let duplicates = 0;
  let overlapping = 0;
  let merged = 0;
  let unknownUsers = 0;
  let unknownUserRows = 0;
  for (let u = 0; u < c.userKeys.length; u++) {
    const user = c.userKeys[u] as string;
    const lo = bounds[u] as number;
    const hi = bounds[u + 1] as number;
    sortGroup(c, order, lo, hi);
    const unknown = options.knownUsers !== undefined && !options.knownUsers.has(user);
    if (unknown) unknownUsers++;
    let open = false;
    let curStart = 0;
    let curEnd = 0;
    let curTimeout = 0;
    let previous = -1;
    let latestEnd = Number.NEGATIVE_INFINITY;
    for (let k = lo; k < hi; k++) {
      const i = order[k] as number;
      const start = c.starts[i] as number;
      const end = c.ends[i] as number;
      const timeout = c.closedAtTimeout[i] as number;
      // No log goes back before 1990: such a time is a misread (an Excel time-only cell is
      // 30 Dec 1899) or a placeholder, and would stretch the log over decades.
      if (start < EARLIEST_SESSION_MS || end < EARLIEST_SESSION_MS) {
        const [what, at] = start < EARLIEST_SESSION_MS ? ["login", start] : ["logout", end];
        errors.push({
          row: c.rows[i] as number,
          column: null,
          // An event log's pair is named by its login row: say its logout row goes with it.
          reason: `${what} at ${shown(at)} is before 1990: not a real session time${timeout ? "" : "; its logout is not counted either"}`,
        });
        continue;
      }
      if (
        options.dropDuplicates &&
        previous >= 0 &&
        c.starts[previous] === start &&
        c.ends[previous] === end
      ) {
        duplicates++;
        errors.push({
          row: c.rows[i] as number,
          column: null,
          reason: `same user, login and logout as row ${c.rows[previous]}`,
        });
        continue;
      }
      previous = i;
      if (unknown) {
        unknownUserRows++;
        warnings.push({
          row: c.rows[i] as number,
          column: options.userHeader,
          reason: "user is not in the roster; their sessions are still counted",
        });
      }
      const overlaps = start < latestEnd;
      latestEnd = Math.max(latestEnd, end);
      if (overlaps) overlapping++;
      if (options.countSessions) {
        emit(u, start, end, timeout);
        continue;
      }
      if (overlaps && open) {
        merged++;
        if (end > curEnd) {
          curEnd = end;
          curTimeout = timeout;
        }
        continue;
      }
      if (open) emit(u, curStart, curEnd, curTimeout);
      open = true;
      curStart = start;
      curEnd = end;
      curTimeout = timeout;
    }
    if (open) emit(u, curStart, curEnd, curTimeout);
  }
  const sorted = sortByStart(out.starts.subarray(0, out.count));
  const columns = {
    users: new Int32Array(out.count),
    starts: new Float64Array(out.count),
    ends: new Float64Array(out.count),
    names: c.userKeys,
    closedAtTimeout: new Uint8Array(out.count),
  };
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k] as number;
    columns.users[k] = out.users[i] as number;
    columns.starts[k] = out.starts[i] as number;
    columns.ends[k] = out.ends[i] as number;
    columns.closedAtTimeout[k] = out.timeouts[i] as number;
  }
  const sessions = options.objects === false ? undefined : sessionsOfColumns(columns);
  return {
    sessions,
    columns,
    errors,
    warnings,
    duplicates,
    overlapping,
    merged,
    users: c.userKeys.length,
    unknownUsers,
    unknownUserRows,
  };
}
