/**
 * Cells that hold only a time of day ("09:30", "9:30 AM", "09:30:15") or only a calendar date
 * ("2026-03-02", "02/03/2026", "2 Mar 2026"): the halves of a date-time that VPN, Citrix and
 * hand-made logs write in two columns. Recognised here so they can be joined before the rows are
 * read; read alone, a date is midnight and a time is 30 Dec 1899.
 */
import type { Cell } from "./table.js";

const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?\s?m\.?)?$/i;

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A time-only cell as `HH:MM:SS` (24-hour, the fraction kept as written) and its offset from
 * midnight, or undefined when the cell is not a time of day alone. XLSX time cells arrive as such
 * text, or (from older readers) as a Date on Excel's day zero, 30 Dec 1899 or 1 Jan 1904.
 */
export function timeOfDay(cell: Cell): { readonly text: string; readonly ms: number } | undefined {
  if (cell instanceof Date) {
    const ms = cell.getTime();
    if (Number.isNaN(ms)) return undefined;
    const y = cell.getUTCFullYear();
    const dayZero =
      (y === 1899 && cell.getUTCMonth() === 11 && cell.getUTCDate() >= 30) ||
      (y === 1904 && cell.getUTCMonth() === 0 && cell.getUTCDate() === 1);
    if (!dayZero) return undefined;
    const sinceMidnight = ms - Date.UTC(y, cell.getUTCMonth(), cell.getUTCDate());
    const h = cell.getUTCHours();
    const text = `${pad2(h)}:${pad2(cell.getUTCMinutes())}:${pad2(cell.getUTCSeconds())}`;
    return { text, ms: sinceMidnight };
  }
  if (typeof cell !== "string") return undefined;
  const m = TIME_ONLY.exec(cell.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const ampm = m[5]?.toLowerCase();
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const frac = m[4];
  const fracMs = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const text = `${pad2(hour)}:${pad2(minute)}:${pad2(second)}${frac === undefined ? "" : `.${frac}`}`;
  return { text, ms: ((hour * 60 + minute) * 60 + second) * 1000 + fracMs };
}

/** A midnight suffix some date columns carry ("2026-03-02 00:00:00"): still a date alone. */
const MIDNIGHT = String.raw`(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?`;
const DATE_ONLY = [
  new RegExp(String.raw`^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}${MIDNIGHT}$`),
  new RegExp(String.raw`^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}${MIDNIGHT}$`),
  new RegExp(String.raw`^\d{1,2}[ -][a-z]{3,9}\.?[ ,-]+\d{4}${MIDNIGHT}$`, "i"),
  new RegExp(String.raw`^[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}${MIDNIGHT}$`, "i"),
];

/** True when the cell is a calendar date with no time of day (a Date cell at midnight counts). */
export function isDateOnly(cell: Cell): boolean {
  if (cell instanceof Date) {
    const ms = cell.getTime();
    return !Number.isNaN(ms) && ms % 86_400_000 === 0 && timeOfDay(cell) === undefined;
  }
  if (typeof cell !== "string") return false;
  const text = cell.trim();
  return DATE_ONLY.some((p) => p.test(text));
}

/** The date part of a date-only text: what comes before a midnight suffix. */
export function datePart(text: string): string {
  return text.trim().replace(/[T ]00:00(?::00(?:\.0+)?)?Z?$/, "");
}
