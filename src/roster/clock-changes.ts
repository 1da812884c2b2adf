/**
 * Daylight saving in a file's times (issue 10, class 8). A wall time written without its offset is
 * read in `--tz`; when the clocks went back it happened twice, and when they went forward it never
 * happened. Neither is guessed silently: the readers choose a reading by a stated rule and this
 * gathers the rows for the reply's notes.
 *
 * - Repeated: the first occurrence (before the change), unless the row itself proves the second —
 *   a logout whose first reading is before its login, or (event logs kept in time order) an event
 *   whose first reading is before the row above it.
 * - Skipped: read on the clock before the change (01:30 in a 01:00→02:00 gap is 02:30 on the new
 *   clock), as a clock not yet put forward would have shown it.
 */
import type { ClockChange } from "./time-zone.js";

/** Rows listed in a note; skipped-rows.csv and the sessions carry the rest. */
const ROWS_SHOWN = 5;

export type RepeatedReading = "first" | "second";

export class ClockNotes {
  private readonly first: number[] = [];
  private readonly second: number[] = [];
  private readonly skipped: number[] = [];
  private repeatedText: string | undefined;
  private skippedText: string | undefined;
  private skippedShift = 0;
  private repeatedShift = 0;
  private repeatedTimes = 0;
  private skippedTimes = 0;

  constructor(private readonly zone: string) {}

  /** A repeated or skipped wall time on `row`, written `text`, read as `reading` when repeated. */
  add(row: number, text: string, clock: ClockChange, reading: RepeatedReading = "first"): void {
    if (clock.kind === "skipped") {
      this.skippedTimes++;
      pushRow(this.skipped, row);
      this.skippedText ??= text;
      this.skippedShift = clock.shiftMs;
      return;
    }
    this.repeatedTimes++;
    const list = reading === "first" ? this.first : this.second;
    pushRow(list, row);
    this.repeatedText ??= text;
    this.repeatedShift = clock.shiftMs;
  }

  notes(): string[] {
    const notes: string[] = [];
    const repeated = [...new Set([...this.first, ...this.second])].sort((a, b) => a - b);
    if (repeated.length > 0) {
      const second =
        this.second.length === 0
          ? ""
          : `; ${rowList(this.second)} read as the second, after the change, since the first would come before ${this.second.length === 1 ? "its login or the row above it" : "their logins or the rows above them"}`;
      notes.push(
        `${times(this.repeatedTimes)} happened twice in ${this.zone}, when the clocks went back ${shift(this.repeatedShift)} ("${this.repeatedText}"): read as the first, before the change${second} (${rowList(repeated)}). Times written with their UTC offset are read exactly`,
      );
    }
    if (this.skipped.length > 0) {
      notes.push(
        `${times(this.skippedTimes)} never happened in ${this.zone}: the clocks went forward ${shift(this.skippedShift)} over ${this.skippedTimes === 1 ? "it" : "them"} ("${this.skippedText}"). Read as a clock not yet put forward shows it, ${shift(this.skippedShift)} later on the new clock (${rowList([...this.skipped].sort((a, b) => a - b))})`,
      );
    }
    return notes;
  }
}

/** Rows arrive in file order, a row's login and logout together: only the last can repeat. */
function pushRow(rows: number[], row: number): void {
  if (rows[rows.length - 1] !== row) rows.push(row);
}

function times(n: number): string {
  return n === 1 ? "1 time" : `${n.toLocaleString("en-GB")} times`;
}

function shift(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes === 60 ? "an hour" : `${minutes} minutes`;
}

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, ROWS_SHOWN).join(", ");
  return `row${rows.length === 1 ? "" : "s"} ${shown}${rows.length > ROWS_SHOWN ? ", …" : ""}`;
}

/** Why a time that met a clock change was read as it was, for a row reason. */
export function clockReadAs(
  zone: string,
  text: string,
  clock: ClockChange,
  second: boolean,
): string {
  return clock.kind === "skipped"
    ? `"${text}" never happened in ${zone} (the clocks went forward ${shift(clock.shiftMs)}): read ${shift(clock.shiftMs)} later`
    : `"${text}" happened twice in ${zone} (the clocks went back ${shift(clock.shiftMs)}): read as the ${second ? "second" : "first"}`;
}

/** The row reason for a logout before its login when a clock change is involved. */
export function clockReason(
  zone: string,
  start: ClockChange | undefined,
  end: ClockChange | undefined,
  startText: string,
  endText: string,
): string | undefined {
  if (start?.kind === "skipped") {
    return `logout is before login: the login "${startText}" never happened in ${zone} (the clocks went forward ${shift(start.shiftMs)}), so it was read ${shift(start.shiftMs)} later`;
  }
  if (end?.kind === "skipped") {
    return `logout is before login: the logout "${endText}" never happened in ${zone} (the clocks went forward ${shift(end.shiftMs)})`;
  }
  if (start?.kind === "repeated" || end?.kind === "repeated") {
    const which = start?.kind === "repeated" ? `login "${startText}"` : `logout "${endText}"`;
    return `logout is before login, whichever reading is taken of the ${which}, which happened twice in ${zone} when the clocks went back`;
  }
  return undefined;
}
