/**
 * Event-log rows (user, time, login/logout, optional device and licence feature) → sessions by
 * pairing each login with the next logout of the same user on the same device and feature (a
 * licence server checks each feature out and in on its own). A login with no logout before the next
 * login (or the end of the log) is closed at the session timeout, or at that next login if sooner.
 * A logout with no login before it is reported: the log doesn't say when that session began.
 */

import { cellAt, cellText, headerOf, isBlank, userKey, userSpelling } from "./cells.js";
import { clockReadAs } from "./clock-changes.js";
import type { ColumnMap } from "./columns.js";
import { type DateContext, readDateCell } from "./dates.js";
import type { EventKind } from "./event-clock-changes.js";
import { type ClockEvent, type LogEvent, settleClockChanges } from "./event-clock-changes.js";
import { readOutcome } from "./event-outcome.js";
import { readEventWord } from "./event-words.js";
import { LogWords } from "./log-words.js";
import type { RowIssue } from "./row-issue.js";
import { SessionCandidates } from "./session-candidates.js";
import type { TableRow } from "./table.js";
import type { ClockChange } from "./time-zone.js";
import { unusedCountNote } from "./unused-count.js";

export type { EventKind };

/** "Logon", "User logged off", "4634", "Login failed" … → login, logout, attempt or undefined. */
export function eventKind(text: string): EventKind | "attempt" | undefined {
  return readEventWord(text)?.kind;
}

export interface EventRowsContext {
  readonly headers: readonly string[];
  readonly columns: ColumnMap;
  readonly dates: DateContext;
  readonly sessionTimeoutMs: number;
}

export interface EventRowsResult {
  readonly candidates: SessionCandidates;
  readonly errors: RowIssue[];
  readonly closedAtTimeout: number;
  readonly unpairedLogouts: number;
  readonly duplicates: number;
  /** Assumptions and left-out attempts, for the reply's notes. */
  readonly notes: string[];
}

export function eventsToSessions(
  rows: readonly TableRow[],
  ctx: EventRowsContext,
): EventRowsResult {
  const { headers, columns } = ctx;
  const userHeader = headerOf(headers, columns, "user");
  const timeHeader = headerOf(headers, columns, "timestamp");
  const eventHeader = headerOf(headers, columns, "event");
  const outcomeHeader = headerOf(headers, columns, "outcome");
  const errors: RowIssue[] = [];
  const byKey = new Map<string, { user: string; events: LogEvent[] }>();
  // Each user as first written: set when a user/device pair is first seen, so not once per row.
  const spelling = new Map<string, string>();
  const seen = new Map<string, number>();
  let duplicates = 0;
  const logWords = new LogWords();
  const inFileOrder: LogEvent[] = [];
  const clockEvents: ClockEvent[] = [];
  for (const row of rows) {
    const problems: RowIssue[] = [];
    const userCell = cellAt(row, columns, "user");
    const user = userKey(userCell);
    if (user === undefined) problems.push({ row: row.row, column: userHeader, reason: "no user" });
    const timeCell = cellAt(row, columns, "timestamp");
    let time: number | undefined;
    let clock: ClockChange | undefined;
    if (isBlank(timeCell)) problems.push({ row: row.row, column: timeHeader, reason: "no time" });
    else {
      const read = readDateCell(timeCell, ctx.dates);
      if (read.ok) {
        time = read.ms;
        clock = read.clock;
      } else problems.push({ row: row.row, column: timeHeader, reason: read.reason });
    }
    const eventText = cellText(cellAt(row, columns, "event"));
    const word = readEventWord(eventText);
    const kind = word?.kind === "attempt" ? undefined : word?.kind;
    if (eventText === "") problems.push({ row: row.row, column: eventHeader, reason: "no event" });
    else if (word?.kind === "attempt") {
      logWords.attempt(eventText);
      problems.push({ row: row.row, column: eventHeader, reason: word.reason });
    } else if (kind === undefined) {
      problems.push({
        row: row.row,
        column: eventHeader,
        reason: `"${eventText}" is not a login or logout`,
      });
    }
    if (kind !== undefined && outcomeHeader !== null) {
      const outcomeText = cellText(cellAt(row, columns, "outcome"));
      const outcome = readOutcome(outcomeText, outcomeHeader);
      if (outcome === "failure") {
        logWords.attempt(`${eventText} (${outcomeText})`);
        problems.push({
          row: row.row,
          column: outcomeHeader,
          reason: `"${eventText}" with "${outcomeText}" is a failed attempt, not a login or logout`,
        });
      } else if (outcome === "other") logWords.unreadOutcome(outcomeHeader, outcomeText);
    }
    if (problems.length > 0 || user === undefined || time === undefined || kind === undefined) {
      errors.push(...problems);
      continue;
    }
    if (word?.kind !== "attempt" && word?.licence) logWords.licence(kind, eventText);
    const device = userKey(cellAt(row, columns, "device")) ?? "";
    const feature = userKey(cellAt(row, columns, "feature")) ?? "";
    if (feature !== "") logWords.feature(feature, cellText(cellAt(row, columns, "feature")));
    const key = `${user}\u0000${device}\u0000${feature}`;
    const identity = `${key}\u0000${time}\u0000${kind}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      duplicates++;
      errors.push({
        row: row.row,
        column: null,
        reason: `same user, time and event as row ${first}`,
      });
      continue;
    }
    seen.set(identity, row.row);
    const entry = byKey.get(key);
    const event: LogEvent = { row: row.row, time, kind };
    inFileOrder.push(event);
    if (clock !== undefined) clockEvents.push({ event, clock, text: cellText(timeCell) });
    if (entry) entry.events.push(event);
    else {
      byKey.set(key, { user, events: [event] });
      if (!spelling.has(user)) spelling.set(user, userSpelling(userCell));
    }
  }
  const zone = ctx.dates.timeZone;
  const {
    notes: clocks,
    flagged,
    second,
  } = settleClockChanges(
    inFileOrder,
    clockEvents,
    [...byKey.values()].map((g) => g.events),
    zone,
  );
  const candidates = new SessionCandidates();
  let closedAtTimeout = 0;
  let unpairedLogouts = 0;
  for (const { user, events } of byKey.values()) {
    const written = spelling.get(user) ?? user;
    events.sort((a, b) => a.time - b.time || a.row - b.row);
    let open: LogEvent | undefined;
    for (const e of events) {
      if (e.kind === "login") {
        if (open) {
          closedAtTimeout++;
          const end = Math.min(open.time + ctx.sessionTimeoutMs, e.time);
          candidates.add(open.row, user, written, open.time, end, true);
        }
        open = e;
      } else if (open) {
        candidates.add(open.row, user, written, open.time, e.time, false);
        open = undefined;
      } else {
        unpairedLogouts++;
        const c = flagged.get(e);
        const why =
          c === undefined ? "" : ` (${clockReadAs(zone, c.text, c.clock, second.has(e))})`;
        errors.push({
          row: e.row,
          column: c === undefined ? eventHeader : timeHeader,
          reason: `logout with no login before it${why}`,
        });
      }
    }
    if (open) {
      closedAtTimeout++;
      const end = open.time + ctx.sessionTimeoutMs;
      candidates.add(open.row, user, written, open.time, end, true);
    }
  }
  const countNote = unusedCountNote(headers, columns, rows);
  return {
    candidates,
    errors,
    closedAtTimeout,
    unpairedLogouts,
    duplicates,
    notes: [
      ...logWords.notes(headerOf(headers, columns, "feature")),
      ...clocks.notes(),
      ...(countNote === undefined ? [] : [countNote]),
    ],
  };
}
