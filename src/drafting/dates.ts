/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, computed in UTC so a date never shifts with the
 * machine's time zone. No clock here: "today" is always an argument.
 */
import { MONTH_NAMES } from "../core/calendar.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds at UTC midnight of an ISO date, or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return ms;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO date `days` after (or before, when negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  const ms = parseIsoDate(iso);
  if (ms === undefined) throw new RangeError(`not an ISO date: ${iso}`);
  return fromMs(ms + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === undefined || b === undefined) throw new RangeError(`not ISO dates: ${from}, ${to}`);
  return Math.round((b - a) / DAY_MS);
}

/** "31 December 2026": the unambiguous way to write a date in a contract. */
export function formatDate(iso: string): string {
  const ms = parseIsoDate(iso);
  if (ms === undefined) throw new RangeError(`not an ISO date: ${iso}`);
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
