/**
 * The shapes that roster and session-log files become once read and validated (src/roster), and
 * that the usage analyses (right-sizing, concurrency, split) consume. Times are epoch milliseconds
 * (UTC instants); a session covers [start, end).
 */

export interface Session {
  /** Stable user key (lower-cased e-mail or id). Personal data: never logged, never sent to an LLM. */
  readonly user: string;
  readonly start: number;
  readonly end: number;
  /** Set when the end was not in the file and was closed at the session timeout. */
  readonly closedAtTimeout?: boolean;
}

/**
 * A session log as flat columns, for logs of millions of rows: one user id, start and end per
 * session (`names[users[i]]` is session i's user key) instead of an object each. What the file
 * reader gives alongside its Session[], in the same order; sessionColumnsOf builds it from one.
 */
export interface SessionColumns {
  readonly users: Int32Array;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** User keys by id. May hold keys with no session here (their rows were not used). */
  readonly names: readonly string[];
  /** 1 where the session's end was not in the file and was closed at the timeout. */
  readonly closedAtTimeout?: Uint8Array;
}

/** The columns of a Session[], users numbered in order of first appearance. */
export function sessionColumnsOf(sessions: readonly Session[]): SessionColumns {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const n = sessions.length;
  const users = new Int32Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const closedAtTimeout = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = sessions[i] as Session;
    if (s.closedAtTimeout === true) closedAtTimeout[i] = 1;
    let id = ids.get(s.user);
    if (id === undefined) {
      id = names.length;
      ids.set(s.user, id);
      names.push(s.user);
    }
    users[i] = id;
    starts[i] = s.start;
    ends[i] = s.end;
  }
  return { users, starts, ends, names, closedAtTimeout };
}

/** The Session objects of columns, in their order (the inverse of sessionColumnsOf). */
export function sessionsOfColumns(log: SessionColumns): Session[] {
  const n = log.users.length;
  const sessions: Session[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const user = log.names[log.users[k] as number] as string;
    const start = log.starts[k] as number;
    const end = log.ends[k] as number;
    sessions[k] =
      log.closedAtTimeout?.[k] === 1
        ? { user, start, end, closedAtTimeout: true }
        : { user, start, end };
  }
  return sessions;
}

/** First login and last logout of a log (±Infinity when empty), read off flat arrays. */
export function logBounds(log: SessionColumns): { readonly first: number; readonly last: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const { starts, ends } = log;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    if (s < first) first = s;
    if (e > last) last = e;
  }
  return { first, last };
}

/** The user keys that have a session in the log (the names table may hold more). */
export function usersOf(log: SessionColumns): Set<string> {
  const seen = new Uint8Array(log.names.length);
  const users = new Set<string>();
  for (let i = 0; i < log.users.length; i++) {
    const id = log.users[i] as number;
    if (seen[id] === 1) continue;
    seen[id] = 1;
    users.add(log.names[id] as string);
  }
  return users;
}

export function isSessionColumns(log: readonly Session[] | SessionColumns): log is SessionColumns {
  return !Array.isArray(log);
}

export type UserStatus = "active" | "disabled" | "departed";
export type LicenceKind = "named" | "concurrent";

export interface RosterUser {
  /** Stable user key (lower-cased e-mail or id), the same key sessions use. */
  readonly user: string;
  readonly name?: string;
  readonly group?: string;
  readonly role?: string;
  readonly status: UserStatus;
  /** Invited or pending: the account holds a seat but has never been logged in to. */
  readonly invited?: boolean;
  readonly licence?: LicenceKind;
  /** Epoch ms of the last login, if the file says. */
  readonly lastLogin?: number;
  /** Epoch ms the account was created, if the file says. */
  readonly created?: number;
  /** Tickets worked or sessions in the recent period (the file's activity column). */
  readonly activity?: number;
  readonly vip?: boolean;
}
