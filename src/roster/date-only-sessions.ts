/**
 * Sessions that carry no time of day: a login and logout both at local midnight (an export of
 * dates only, or times lost on the way) or a logout at the very moment of login. Read as written
 * they say nobody is online — a "£0 a year, proven optimal" split — or that everyone is online
 * all day, so the caller refuses a file made only of them and cautions on one that has some.
 */

import type { Issue } from "../core/result.js";
import type { Session, SessionColumns } from "../core/usage.js";
import { zoneOffsetAt } from "./time-zone.js";

const DAY_MS = 86_400_000;
/** Zone offsets are whole quarter hours, so only such instants can be a local midnight. */
const QUARTER_HOUR_MS = 900_000;

export interface DateOnlyCount {
  readonly sessions: number;
  /** Login and logout (or, with no logout, the login) at 00:00 in the file's zone. */
  readonly midnight: number;
  /** Logout at the moment of login, at some other time of day. */
  readonly zeroLength: number;
}

function atMidnight(ms: number, timeZone: string): boolean {
  if (ms % QUARTER_HOUR_MS !== 0) return false;
  const wall = ms + zoneOffsetAt(timeZone, ms);
  return ((wall % DAY_MS) + DAY_MS) % DAY_MS === 0;
}

/** countDateOnly over flat columns: the same count, without an object per session. */
export function countDateOnlyColumns(log: SessionColumns, timeZone: string): DateOnlyCount {
  let midnight = 0;
  let zeroLength = 0;
  const { starts, ends, closedAtTimeout } = log;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    const endsAtMidnight = closedAtTimeout?.[i] === 1 || atMidnight(end, timeZone);
    if (atMidnight(start, timeZone) && endsAtMidnight) midnight++;
    else if (end === start) zeroLength++;
  }
  return { sessions: starts.length, midnight, zeroLength };
}

export function countDateOnly(sessions: readonly Session[], timeZone: string): DateOnlyCount {
  let midnight = 0;
  let zeroLength = 0;
  for (const s of sessions) {
    // A login with no logout ends at the timeout, which is never midnight: judge its login.
    const endsAtMidnight = s.closedAtTimeout === true || atMidnight(s.end, timeZone);
    if (atMidnight(s.start, timeZone) && endsAtMidnight) midnight++;
    else if (s.end === s.start) zeroLength++;
  }
  return { sessions: sessions.length, midnight, zeroLength };
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

const SHARE_TIMES =
  'Share an export with login and logout times (e.g. 2026-03-02 09:15 and 2026-03-02 17:40) or a duration column; if the times are in a column of their own, name it: --map start="Login Time" --map end="Logout Time"';

/** The refusal for a file none of whose sessions has a time of day, or undefined. */
export function dateOnlyIssue(count: DateOnlyCount, fileName: string): Issue | undefined {
  const { sessions, midnight, zeroLength } = count;
  if (sessions === 0 || midnight + zeroLength < sessions) return undefined;
  const parts: string[] = [];
  if (zeroLength > 0) {
    parts.push(
      `${plural(zeroLength, "ends", "end")} at the moment ${zeroLength === 1 ? "it starts" : "they start"} (zero length)`,
    );
  }
  if (midnight > 0) parts.push(`${plural(midnight, "is", "are")} dates at midnight with no time`);
  const message =
    midnight === sessions
      ? `${fileName} has dates but no times: every login and logout in its ${plural(sessions, "session", "sessions")} is at midnight (00:00), so it can't show when people are online or who is on at the same time, and any peak or split from it would be wrong`
      : `None of the ${plural(sessions, "session", "sessions")} in ${fileName} has a time of day: ${parts.join(" and ")}, so it can't show when people are online, and any peak or split from it would be wrong`;
  return { code: "file.no_times", message, hint: SHARE_TIMES };
}

/** A caution for a file some of whose sessions have no time of day, or undefined. */
export function dateOnlyNote(count: DateOnlyCount): string | undefined {
  const { sessions, midnight, zeroLength } = count;
  if (midnight + zeroLength === 0 || midnight + zeroLength >= sessions) return undefined;
  const parts: string[] = [];
  if (midnight > 0) {
    parts.push(`${plural(midnight, "has", "have")} dates but no times (login and logout at 00:00)`);
  }
  if (zeroLength > 0) {
    parts.push(`${plural(zeroLength, "is", "are")} zero length (logout at the moment of login)`);
  }
  return `Caution: of the ${plural(sessions, "session", "sessions")}, ${parts.join(" and ")}. They are counted as written (midnight to midnight, or no time online), so the figures may be wrong for those people: share their times to be sure.`;
}
