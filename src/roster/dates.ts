/**
 * Reading date-times from cells: ISO 8601 (with or without a zone), `dd/mm/yyyy` and `mm/dd/yyyy`
 * with an optional time, `5 Mar 2026` / `Mar 5, 2026`, Excel serial numbers and real Date cells.
 * Times without a zone are wall-clock times in the chosen IANA zone. The day/month order of a file
 * is settled once for the whole file (resolveDayMonthOrder), never guessed per value.
 */
import type { DayMonthOrder } from "./options.js";
import {
  mayBePlaceholder,
  type PlaceholderKind,
  placeholderOf,
  placeholderReason,
} from "./sentinel-dates.js";
import type { Cell } from "./table.js";
import {
  type ClockChange,
  clockChangeAt,
  nearClockChange,
  wallClockToInstant,
} from "./time-zone.js";

export interface DateContext {
  readonly order: DayMonthOrder | undefined;
  readonly timeZone: string;
  readonly date1904: boolean;
}

export type DateRead =
  | {
      readonly ok: true;
      readonly ms: number;
      /**
       * Set when the wall time (no zone written) happened twice or never in the zone: the clocks
       * changed. `ms` is then the first occurrence, or the reading with the offset before the change.
       */
      readonly clock?: ClockChange;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      /** Set when the cell holds a placeholder such as 9999-12-31: the caller knows its meaning. */
      readonly placeholder?: PlaceholderKind;
    };

const TIME = String.raw`(?:[T ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?)?`;
const ISO = new RegExp(
  String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$`,
  "i",
);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`, "i");
const DAY_NAME = new RegExp(String.raw`^(\d{1,2})[ -]([a-z]{3,9})\.?[ ,-]+(\d{4})${TIME}$`, "i");
const NAME_DAY = new RegExp(
  String.raw`^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})${TIME}$`,
  "i",
);

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function monthFromName(name: string): number | undefined {
  const n = name.toLowerCase();
  if (n.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(n) || (n === "sept" && m === "september"));
  return i < 0 ? undefined : i + 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Wall-clock ms (fields encoded as UTC) from calendar parts, or undefined if not a real time. */
function wallClock(
  year: number,
  month: number,
  day: number,
  time: readonly (string | undefined)[],
): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const [h, mi, s, frac, ampm] = time;
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = ampm.toLowerCase().startsWith("p");
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC reads years 0–99 as 1900–1999; "0001-01-01" is year 1.
  return year < 100 ? new Date(ms).setUTCFullYear(year) : ms;
}

function zoneOffsetMs(zone: string): number {
  const z = zone.toUpperCase();
  if (z === "Z" || z === "UTC" || z === "GMT") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return 0;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
}

const notADate = (text: string): DateRead => ({ ok: false, reason: `"${text}" is not a date` });

/** The number written by `length` ASCII digits of `text` from `from`, or -1 if any isn't a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The common export shape `yyyy-mm-ddThh:mm[:ss][Z]` (T or a space), read without a regular
 * expression or any allocation: a million-row log spends most of its reading time on dates. Gives
 * the instant the ISO pattern below gives for the same text, or NaN for anything else (other
 * separators, fractions, offsets, lower case, surrounding spaces, or not a real date-time, or a
 * wall time within a day of a clock change in the zone), which is then left to readDateText's
 * general path — the same answer, or the reason it is not a date, or which clock change it met.
 */
export function plainIsoMs(text: string, ctx: DateContext): number {
  return plainIsoMsAt(text, 0, text.length, ctx);
}

/** plainIsoMs of `text.slice(from, to)`, read in place (a line of a CSV file, say). */
export function plainIsoMsAt(text: string, from: number, to: number, ctx: DateContext): number {
  const zoned = to > from && text.charCodeAt(to - 1) === 90; // "Z"
  const body = zoned ? to - from - 1 : to - from;
  if (body !== 16 && body !== 19) return Number.NaN;
  const sep = text.charCodeAt(from + 10);
  if (
    text.charCodeAt(from + 4) !== 45 ||
    text.charCodeAt(from + 7) !== 45 ||
    (sep !== 84 && sep !== 32) ||
    text.charCodeAt(from + 13) !== 58 ||
    (body === 19 && text.charCodeAt(from + 16) !== 58)
  ) {
    return Number.NaN;
  }
  const year = digitsAt(text, from, 4);
  const month = digitsAt(text, from + 5, 2);
  const day = digitsAt(text, from + 8, 2);
  const hour = digitsAt(text, from + 11, 2);
  const minute = digitsAt(text, from + 14, 2);
  const second = body === 19 ? digitsAt(text, from + 17, 2) : 0;
  if (hour < 0 || minute < 0 || second < 0) return Number.NaN;
  return plainWallMs(year, month, day, hour, minute, second, zoned, ctx);
}

/**
 * The instant of a plain date-time's parts, or NaN when the general path must decide. Years
 * before 1991 or after 9997 take that path, where placeholders and pre-1990 session times are
 * recognised: a wall time in 1990 (or 9998) can be an instant in 1989 (or 9999) once the zone's
 * offset applies, so a year's margin keeps the fast path clear of both.
 */
function plainWallMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zoned: boolean,
  ctx: DateContext,
): number {
  if (year < 1991 || year > 9997) return Number.NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return Number.NaN;
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const wall = dayStartMs(year, month, day) + hour * 3_600_000 + minute * 60_000 + second * 1000;
  if (zoned) return wall;
  return nearClockChange(wall, ctx.timeZone) ? Number.NaN : wallClockToInstant(wall, ctx.timeZone);
}

const isDateSeparator = (c: number) => c === 47 || c === 46 || c === 45; // "/", ".", "-"

/**
 * The number written by one or two ASCII digits of `text` from `from` (before `to`), encoded as
 * value × 4 + digits read, or -1 when there is no digit: one return value, no allocation.
 */
function oneOrTwoDigitsAt(text: string, from: number, to: number): number {
  let value = 0;
  let i = from;
  while (i < to && i < from + 2) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    i++;
  }
  return i === from ? -1 : value * 4 + (i - from);
}

/**
 * The other common export shape, `dd/mm/yyyy hh:mm[:ss]` (or month first: the file's order, or
 * for a file with none, the one reading readDateText's general path takes), with one or two
 * digits for day, month and hour, any of / . - between the date's parts and one space before the
 * time. Read in place like plainIsoMsAt, it gives the instant the general NUMERIC pattern gives
 * for the same text, or NaN for anything else (no time, seconds fractions, am/pm, spaces around,
 * not a real date-time, a wall time within a day of a clock change), left to that path.
 */
export function plainDayMonthMsAt(
  text: string,
  from: number,
  to: number,
  ctx: DateContext,
): number {
  const first = oneOrTwoDigitsAt(text, from, to);
  if (first < 0) return Number.NaN;
  let i = from + (first & 3);
  if (i >= to || !isDateSeparator(text.charCodeAt(i))) return Number.NaN;
  const second = oneOrTwoDigitsAt(text, ++i, to);
  if (second < 0) return Number.NaN;
  i += second & 3;
  if (i >= to || !isDateSeparator(text.charCodeAt(i))) return Number.NaN;
  i++;
  const year = i + 4 <= to ? digitsAt(text, i, 4) : -1;
  i += 4;
  if (year < 0 || i >= to || text.charCodeAt(i) !== 32) return Number.NaN;
  const hourRead = oneOrTwoDigitsAt(text, ++i, to);
  if (hourRead < 0) return Number.NaN;
  i += hourRead & 3;
  if (i + 3 > to || text.charCodeAt(i) !== 58) return Number.NaN;
  const minute = digitsAt(text, i + 1, 2);
  i += 3;
  let seconds = 0;
  if (i < to) {
    if (i + 3 !== to || text.charCodeAt(i) !== 58) return Number.NaN;
    seconds = digitsAt(text, i + 1, 2);
  }
  if (minute < 0 || seconds < 0) return Number.NaN;
  const a = first >> 2;
  const b = second >> 2;
  const dayFirst = (ctx.order ?? (a > 12 ? "dd/mm" : "mm/dd")) === "dd/mm";
  return plainWallMs(
    year,
    dayFirst ? b : a,
    dayFirst ? a : b,
    hourRead >> 2,
    minute,
    seconds,
    false,
    ctx,
  );
}

/** A wall time read in the file's zone, saying when the clocks changed over it. */
function local(wall: number, ctx: DateContext): DateRead {
  const ms = wallClockToInstant(wall, ctx.timeZone);
  const clock = clockChangeAt(wall, ctx.timeZone);
  return clock === undefined ? { ok: true, ms } : { ok: true, ms, clock };
}

// The last day read and its midnight: a log's login and logout are mostly on one day, and rows
// come day by day, so Date.UTC runs about once a day rather than twice a row.
let lastDay = -1;
let lastDayMs = 0;

/** Date.UTC(year, month − 1, day), remembered for the last day asked. */
function dayStartMs(year: number, month: number, day: number): number {
  const key = (year * 100 + month) * 100 + day;
  if (key !== lastDay) {
    lastDayMs = Date.UTC(year, month - 1, day);
    lastDay = key;
  }
  return lastDayMs;
}

/** Reads one date-time written as text. */
export function readDateText(raw: string, ctx: DateContext): DateRead {
  const plain = plainIsoMs(raw, ctx);
  if (!Number.isNaN(plain)) return { ok: true, ms: plain };
  const dayMonth = plainDayMonthMsAt(raw, 0, raw.length, ctx);
  if (!Number.isNaN(dayMonth)) return { ok: true, ms: dayMonth };
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const wall = wallClock(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso.slice(4, 9));
    if (wall === undefined) return notADate(text);
    const zone = iso[9];
    return zone === undefined ? local(wall, ctx) : { ok: true, ms: wall - zoneOffsetMs(zone) };
  }
  const num = NUMERIC.exec(text);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    // The file-wide order decides; without one, only a value with a single reading is accepted
    // (resolveDayMonthOrder has already refused files where any value has two readings).
    const order = ctx.order ?? (a > 12 ? "dd/mm" : "mm/dd");
    const [day, month] = order === "dd/mm" ? [a, b] : [b, a];
    const wall = wallClock(Number(num[3]), month, day, num.slice(4, 9));
    if (wall === undefined) {
      const valid = wallClock(Number(num[3]), day, month, num.slice(4, 9)) !== undefined;
      return valid && ctx.order !== undefined
        ? { ok: false, reason: `"${text}" is not a date in ${order}/yyyy order` }
        : notADate(text);
    }
    return local(wall, ctx);
  }
  const named = DAY_NAME.exec(text) ?? NAME_DAY.exec(text);
  if (named) {
    const dayFirst = /^\d/.test(text);
    const month = monthFromName((dayFirst ? named[2] : named[1]) ?? "");
    const day = Number(dayFirst ? named[1] : named[2]);
    if (month === undefined) return notADate(text);
    const wall = wallClock(Number(named[3]), month, day, named.slice(4, 9));
    if (wall === undefined) return notADate(text);
    return local(wall, ctx);
  }
  return readClockFirst(text) ?? notADate(text);
}

/**
 * Cisco ASA / AnyConnect (`show vpn-sessiondb`, ASDM's VPN Sessions export): the time first, then
 * its zone and the date with its weekday, `09:15:23 UTC Tue Mar 3 2026`. The zone is the ASA's
 * `clock timezone` name: UTC (or GMT) is read; any other name ("EST", "CET") is refused, since a
 * name alone doesn't say which offset or whether summer time applied. A weekday that is not the
 * date's is refused too: the date was mistyped or the fields are not what they seem.
 */
const CLOCK_FIRST =
  /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?\s+([a-z]{1,5})\s+([a-z]{3})[a-z]*\s+([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function readClockFirst(text: string): DateRead | undefined {
  const m = CLOCK_FIRST.exec(text);
  if (m === null) return undefined;
  const month = monthFromName(m[7] ?? "");
  if (month === undefined) return undefined;
  const wall = wallClock(Number(m[9]), month, Number(m[8]), [m[1], m[2], m[3], m[4], undefined]);
  if (wall === undefined) return notADate(text);
  const zone = (m[5] ?? "").toUpperCase();
  if (zone !== "UTC" && zone !== "GMT" && zone !== "Z") {
    return {
      ok: false,
      reason: `"${text}" is in the time zone "${m[5]}", which names no offset I can trust: set the ASA's clock to UTC, or export the times with an offset`,
    };
  }
  const weekday = WEEKDAYS[new Date(wall).getUTCDay()];
  if ((m[6] ?? "").toLowerCase() !== weekday) {
    return { ok: false, reason: `"${text}" is not a date: ${m[6]} is not that date's weekday` };
  }
  return { ok: true, ms: wall };
}

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 31 Dec 9999, the last date Excel can show. */
const EXCEL_MAX_SERIAL = 2_958_465;

/** Wall-clock ms of an Excel serial date (days since 30 Dec 1899, or 1 Jan 1904). */
export function excelSerialToWall(serial: number, date1904: boolean): number {
  return Math.round((date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900) + serial * 86_400_000);
}

/**
 * Reads a date cell of any type: text, an Excel serial number, or a Date from a formatted cell. A
 * placeholder (0000-00-00, 0001-01-01, 9999-12-31, epoch zero) is not a date: it is refused with
 * its kind, which a caller that knows what it means in its column (no logout, never) reads.
 */
export function readDateCell(cell: Cell, ctx: DateContext): DateRead {
  const read = readAnyDateCell(cell, ctx);
  // Only dates outside 1990–9998 (or none) can be placeholders: the common case costs nothing.
  if (read.ok && !mayBePlaceholder(read.ms)) return read;
  const placeholder = placeholderOf(cell);
  if (placeholder === undefined) return read;
  const text = cell instanceof Date ? cell.toISOString() : String(cell).trim();
  return { ok: false, reason: placeholderReason(text, placeholder, "time"), placeholder };
}

function readAnyDateCell(cell: Cell, ctx: DateContext): DateRead {
  if (cell instanceof Date) {
    // exceljs turns a date-formatted serial into a Date whose UTC fields are the wall clock shown.
    const wall = cell.getTime();
    if (Number.isNaN(wall)) return { ok: false, reason: "the cell holds an invalid date" };
    return local(wall, ctx);
  }
  if (typeof cell === "number") {
    if (!(cell > 0 && cell <= EXCEL_MAX_SERIAL)) return notADate(String(cell));
    return local(excelSerialToWall(cell, ctx.date1904), ctx);
  }
  if (typeof cell === "string") return readDateText(cell, ctx);
  return notADate(String(cell));
}
