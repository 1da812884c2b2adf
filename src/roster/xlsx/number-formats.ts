/**
 * What an Excel number format shows: a time of day (`hh:mm`, `h:mm AM/PM`, `hh:mm:ss`), a
 * duration (`[h]:mm`, `[mm]:ss`: elapsed time past 24 hours), or anything else. exceljs turns
 * every date-like format into a Date, so a time typed alone (a fraction of a day) would arrive as
 * 30 Dec 1899; the reader gives it as time-of-day text instead, for joining with a date column.
 */

export type FormatKind = "time" | "duration" | "other";

/** Quoted literals, backslash escapes and `[...]` sections (colours, locales) say nothing of parts. */
function bareFormat(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*]/g, "");
}

const kinds = new Map<string, FormatKind>();

/** Called for every cell: the few formats a workbook has are judged once each. */
export function formatKind(format: string | undefined): FormatKind {
  if (format === undefined || format === "") return "other";
  let kind = kinds.get(format);
  if (kind === undefined) {
    kind = judge(format);
    kinds.set(format, kind);
  }
  return kind;
}

function judge(format: string): FormatKind {
  if (/\[(h+|m+|s+)]/i.test(format)) return "duration";
  const bare = bareFormat(format).replace(/AM\/PM|A\/P/gi, "h");
  // `m` alone is a month or a minute; with no year or day beside it and an hour or second, a minute.
  if (/[yd]/i.test(bare)) return "other";
  return /[hs]/i.test(bare) ? "time" : "other";
}

const DAY_SECONDS = 86_400;
const pad = (n: number) => String(n).padStart(2, "0");

/** `09:30`, or `09:30:15` when there are seconds: the time of day of a fraction of a day. */
export function timeOfDayText(fractionOfDay: number): string {
  const seconds =
    Math.round((fractionOfDay - Math.floor(fractionOfDay)) * DAY_SECONDS) % DAY_SECONDS;
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  return ss === 0 ? `${pad(hh)}:${pad(mm)}` : `${pad(hh)}:${pad(mm)}:${pad(ss)}`;
}

/** `37:30:00`: hours past 24 kept, as the durations reader reads `h:mm:ss`. */
export function durationText(days: number): string {
  const seconds = Math.round(days * DAY_SECONDS);
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** Serial 0 of each date system, as exceljs dates it (it counts 1900 serials from 30 Dec 1899). */
const SERIAL_ZERO_1900 = Date.UTC(1899, 11, 30);
const SERIAL_ZERO_1904 = Date.UTC(1904, 0, 1);

/** The Excel serial (days, with the time as a fraction) exceljs turned into `date`. */
export function serialOf(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? SERIAL_ZERO_1904 : SERIAL_ZERO_1900)) / 86_400_000;
}

export function dateOfSerial(serial: number, date1904: boolean): Date {
  const zero = date1904 ? SERIAL_ZERO_1904 : SERIAL_ZERO_1900;
  return new Date(Math.round(zero + serial * 86_400_000));
}
