/**
 * Event-log times the clocks showed twice (see clock-changes.ts): each is read as its first
 * occurrence unless the log itself proves the second, in one of two ways —
 *
 * - the log is kept in time order (more steps forward than back between ordinary rows) and the
 *   first occurrence would step back before the row above while the second does not;
 * - it is a logout whose first occurrence is before the login it must close (a login of the same
 *   user, device and feature lies between its two occurrences, with no other logout after that
 *   login), which holds in whichever order the rows come.
 */
import { ClockNotes } from "./clock-changes.js";
import type { ClockChange } from "./time-zone.js";

export type EventKind = "login" | "logout";

export interface LogEvent {
  readonly row: number;
  /** Not readonly: a time the clocks showed twice may be settled by the rows around it. */
  time: number;
  readonly kind: EventKind;
}

/** An event whose wall time met a clock change, with the text it was read from. */
export interface ClockEvent {
  readonly event: LogEvent;
  readonly clock: ClockChange;
  readonly text: string;
}

export interface SettledClocks {
  readonly notes: ClockNotes;
  readonly flagged: ReadonlyMap<LogEvent, ClockEvent>;
  /** Events read as the second occurrence. */
  readonly second: ReadonlySet<LogEvent>;
}

export function settleClockChanges(
  inFileOrder: readonly LogEvent[],
  clockEvents: readonly ClockEvent[],
  groups: readonly (readonly LogEvent[])[],
  zone: string,
): SettledClocks {
  const notes = new ClockNotes(zone);
  const flagged = new Map(clockEvents.map((c) => [c.event, c]));
  const second = new Set<LogEvent>();
  if (clockEvents.length === 0) return { notes, flagged, second };
  const later = (e: LogEvent) => {
    const c = flagged.get(e);
    return c?.clock.kind === "repeated" ? c.clock.later : undefined;
  };
  const toSecond = (e: LogEvent) => {
    const t = later(e);
    if (t === undefined || second.has(e)) return;
    e.time = t;
    second.add(e);
  };
  if (inTimeOrder(inFileOrder, flagged)) {
    for (let i = 1; i < inFileOrder.length; i++) {
      const event = inFileOrder[i] as LogEvent;
      const t = later(event);
      const above = (inFileOrder[i - 1] as LogEvent).time;
      if (t !== undefined && event.time < above && t >= above) toSecond(event);
    }
  }
  for (const events of groups) {
    for (const e of events) {
      const t = later(e);
      if (e.kind !== "logout" || t === undefined || second.has(e)) continue;
      const logins = events.filter((l) => l.kind === "login" && l.time > e.time && l.time <= t);
      const login = logins.sort((a, b) => b.time - a.time)[0];
      if (login === undefined) continue;
      const closedSooner = events.some(
        (o) => o !== e && o.kind === "logout" && o.time >= login.time && o.time < t,
      );
      if (!closedSooner) toSecond(e);
    }
  }
  for (const c of clockEvents) {
    notes.add(c.event.row, c.text, c.clock, second.has(c.event) ? "second" : "first");
  }
  return { notes, flagged, second };
}

/** More steps forward than back between consecutive rows whose times met no clock change. */
function inTimeOrder(
  inFileOrder: readonly LogEvent[],
  flagged: ReadonlyMap<LogEvent, ClockEvent>,
): boolean {
  let forward = 0;
  let back = 0;
  for (let i = 1; i < inFileOrder.length; i++) {
    const a = inFileOrder[i - 1] as LogEvent;
    const b = inFileOrder[i] as LogEvent;
    if (flagged.has(a) || flagged.has(b)) continue;
    if (b.time > a.time) forward++;
    else if (b.time < a.time) back++;
  }
  return forward > back;
}
