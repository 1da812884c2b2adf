/**
 * Wall-clock time in an IANA zone → UTC instant, with Intl only (no time-zone library). Offsets are
 * cached per zone and quarter hour: every modern zone changes offset on a quarter-hour boundary, and
 * a million-row log otherwise spends most of its time formatting dates.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 15 * 60_000;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetAt(zone: string, instant: number): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const bucket = Math.floor(instant / QUARTER_HOUR);
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(bucket * QUARTER_HOUR))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offset = wall - bucket * QUARTER_HOUR;
  cache.set(bucket, offset);
  return offset;
}

/**
 * A wall time the zone's clocks showed twice (autumn: they went back) or never (spring: they went
 * forward). `shiftMs` is how far the clocks moved. For a repeated time, `later` is its second
 * occurrence (the instant read is the first).
 */
export type ClockChange =
  | { readonly kind: "repeated"; readonly later: number; readonly shiftMs: number }
  | { readonly kind: "skipped"; readonly shiftMs: number };

const DAY = 86_400_000;

/**
 * True when the zone's offset is not the same a day either side of `wall`: only then can the wall
 * time be repeated or skipped. Two cached look-ups, so the hot path can ask it of every value.
 */
export function nearClockChange(wall: number, zone: string): boolean {
  if (zone === "UTC" || zone === "Etc/UTC") return false;
  return zoneOffsetAt(zone, wall - DAY) !== zoneOffsetAt(zone, wall + DAY);
}

/**
 * The instant at which clocks in `zone` showed `wall` (wall-clock fields encoded as if UTC). A time
 * repeated when clocks go back is its first occurrence; a time skipped when clocks go forward is
 * read with the offset before the change (02:30 in a 02:00→03:00 gap becomes 03:30), as JS Date does.
 * clockChangeAt says when either happened.
 */
export function wallClockToInstant(wall: number, zone: string): number {
  if (zone === "UTC" || zone === "Etc/UTC") return wall;
  const before = zoneOffsetAt(zone, wall - DAY);
  const after = zoneOffsetAt(zone, wall + DAY);
  const early = wall - before;
  if (zoneOffsetAt(zone, early) === before) return early;
  const late = wall - after;
  if (zoneOffsetAt(zone, late) === after) return late;
  return early;
}

/** Whether `wall` is repeated or skipped in `zone` (undefined for an ordinary wall time). */
export function clockChangeAt(wall: number, zone: string): ClockChange | undefined {
  if (!nearClockChange(wall, zone)) return undefined;
  const before = zoneOffsetAt(zone, wall - DAY);
  const after = zoneOffsetAt(zone, wall + DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyReal = zoneOffsetAt(zone, early) === before;
  const lateReal = zoneOffsetAt(zone, late) === after;
  const shiftMs = Math.abs(before - after);
  if (earlyReal && lateReal && early !== late) {
    return { kind: "repeated", later: Math.max(early, late), shiftMs };
  }
  if (!earlyReal && !lateReal) return { kind: "skipped", shiftMs };
  return undefined;
}
