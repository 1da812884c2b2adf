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
