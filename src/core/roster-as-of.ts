/**
 * The day a roster's inactivity is measured to when none is typed: the newest date in the file
 * (the latest last login or created date), so the same file gives the same answer on any day.
 * Placeholder dates (9999-12-31 and the like) never reach here: the reader leaves them out of
 * `lastLogin` and `created` (read as never, or the row is refused). A date after today cannot be
 * the export's date, so it is not taken; it is counted so the reply can say so.
 */
import type { RosterUser } from "./usage.js";

export interface RosterAsOf {
  /** Midnight UTC of the chosen day, as `--as-of YYYY-MM-DD` would give. */
  readonly ms: number;
  /** `file`: the newest date in it; `today`: the file has no usable date. */
  readonly source: "file" | "today";
  /** Dates later than today, not taken as the file's date. */
  readonly afterToday: number;
}

/**
 * `today` is midnight UTC of today; `dayOf` turns an instant into midnight UTC of the calendar day
 * it was written on (the file's time zone), so a date-only `2026-10-02` read in London stays 2 Oct.
 */
export function rosterAsOf(
  users: readonly RosterUser[],
  today: number,
  dayOf: (ms: number) => number,
): RosterAsOf {
  let newest = Number.NEGATIVE_INFINITY;
  let afterToday = 0;
  for (const u of users) {
    for (const ms of [u.lastLogin, u.created]) {
      if (ms === undefined) continue;
      const day = dayOf(ms);
      if (day > today) afterToday++;
      else if (day > newest) newest = day;
    }
  }
  return Number.isFinite(newest)
    ? { ms: newest, source: "file", afterToday }
    : { ms: today, source: "today", afterToday };
}
