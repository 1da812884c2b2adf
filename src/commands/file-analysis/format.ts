/** How file replies write counts, dates and lengths of time: short, the way people say them. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** `1 session`, `7,240 sessions`. */
export function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(ms: number, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(ms)) out[p.type] = p.value;
  // Month names written out here: Intl's en-GB abbreviates September as "Sept".
  out.month = MONTHS[Number(out.month) - 1] ?? "";
  out.day = String(Number(out.day));
  return out;
}

/** `7 Sep`. */
export function dayMonth(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${p.day} ${p.month}`;
}

/** `Tue 15 Sep 10:30`. */
export function dateTime(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** `7 Sep – 4 Oct` (the year is added when the range crosses one). */
export function dateRange(from: number, to: number, timeZone: string): string {
  const a = parts(from, timeZone);
  const b = parts(to, timeZone);
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
  const start = `${a.day} ${a.month}`;
  const end = `${b.day} ${b.month}`;
  return start === end ? start : `${start} – ${end}`;
}

/**
 * The dates a log covers, always with the year: `3 Mar – 28 Mar 2026`, `28 Dec 2025 – 3 Jan 2026`,
 * or for a log within one day its hours: `Tue 3 Mar 2026 08:00–17:30`.
 */
export function dateSpan(from: number, to: number, timeZone: string): string {
  const a = parts(from, timeZone);
  const b = parts(to, timeZone);
  if (a.year !== b.year) return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
  if (a.day === b.day && a.month === b.month) {
    return `${a.weekday} ${a.day} ${a.month} ${a.year} ${a.hour}:${a.minute}–${b.hour}:${b.minute}`;
  }
  return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
}

/**
 * When a log happened, said after a verb: `in these 4 weeks` (whole weeks only), `in these 25 days`,
 * `that day`. Never rounded to weeks: 25 days called "4 weeks" would make the refusals look rarer.
 */
export function span(ms: number): string {
  // Whole days elapsed, like the read block's "only 27 days of log": never rounded up past it.
  const days = Math.max(1, Math.floor(ms / DAY));
  if (days >= 14 && days % 7 === 0) return `in these ${plural(days / 7, "week", "weeks")}`;
  return days === 1 ? "that day" : `in these ${plural(days, "day", "days")}`;
}

/** `45 min`, `1.5 h`, `12 h` — for refused time and time at a level. */
export function duration(ms: number): string {
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  const hours = ms / HOUR;
  return hours < 10 ? `${Math.round(hours * 10) / 10} h` : `${count(Math.round(hours))} h`;
}

/** ISO 8601 in UTC for JSON, or null. */
export function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}
