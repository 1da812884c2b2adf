/**
 * Reading session durations: a number in the unit the header names ("Duration (mins)",
 * "Seconds"), `h:mm` or `h:mm:ss`, `1h 30m` / `90 min` / `1.5 hours`, Cisco's `1h:05m:12s`, or an
 * XLSX time-formatted cell.
 */
import type { Cell } from "./table.js";

export type DurationUnit = "seconds" | "minutes" | "hours";

export type DurationRead =
  | { readonly ok: true; readonly ms: number }
  | { readonly ok: false; readonly reason: string };

const UNIT_MS: Record<DurationUnit, number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000 };

/** The unit a duration header names, if any: "Duration (mins)" → minutes, "Secs" → seconds. */
export function unitFromHeader(header: string): DurationUnit | undefined {
  const h = header.toLowerCase();
  // RADIUS Acct-Session-Time (radacct's acctsessiontime) is seconds online (RFC 2866).
  if (/^\s*acct[-_ ]?session[-_ ]?time\s*$/.test(h)) return "seconds";
  if (/\b(seconds?|secs?)\b|\(s\)/.test(h)) return "seconds";
  if (/\b(minutes?|mins?)\b|\(m\)/.test(h)) return "minutes";
  if (/\b(hours?|hrs?)\b|\(h\)/.test(h)) return "hours";
  return undefined;
}

const CLOCK = /^(\d+):(\d{2})(?::(\d{2}))?$/;
const WORDS =
  /^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?))?\s*(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?))?\s*(?:(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?))?$/i;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const EXCEL_TIME_ZERO = Date.UTC(1899, 11, 30);

/** A duration written as a bare number, whose unit only the header (or the default) can give. */
export function isBareNumber(cell: Cell): boolean {
  return typeof cell === "number" || (typeof cell === "string" && NUMBER.test(cell.trim()));
}

function notADuration(text: string): DurationRead {
  return { ok: false, reason: `"${text}" is not a duration` };
}

/** `unit` is the header's unit; plain numbers with no unit anywhere are minutes (noted by the caller). */
export function readDuration(cell: Cell, unit: DurationUnit | undefined): DurationRead {
  if (cell instanceof Date) {
    // A time-formatted XLSX cell ([h]:mm) arrives as a Date counted from Excel's day zero.
    const ms = cell.getTime() - EXCEL_TIME_ZERO;
    return ms >= 0 ? { ok: true, ms } : notADuration(cell.toISOString());
  }
  if (typeof cell === "number") return fromNumber(cell, String(cell), unit);
  if (typeof cell !== "string") return notADuration(String(cell));
  const text = cell.trim();
  if (NUMBER.test(text)) return fromNumber(Number(text), text, unit);
  const clock = CLOCK.exec(text);
  if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (m > 59 || s > 59) return notADuration(text);
    return { ok: true, ms: ((h * 60 + m) * 60 + s) * 1000 };
  }
  const words = WORDS.exec(text);
  if (words && text !== "" && (words[1] ?? words[2] ?? words[3]) !== undefined) {
    const hours = Number(words[1] ?? 0);
    const minutes = Number(words[2] ?? 0);
    const seconds = Number(words[3] ?? 0);
    return { ok: true, ms: Math.round(hours * 3_600_000 + minutes * 60_000 + seconds * 1000) };
  }
  const cisco = ciscoDuration(text);
  if (cisco !== undefined) return cisco;
  return text.startsWith("-")
    ? { ok: false, reason: `"${text}" is a negative duration` }
    : notADuration(text);
}

/** Cisco ASA / AnyConnect (`show vpn-sessiondb`, ASDM's VPN Sessions): `1h:05m:12s`, `2d 3h:00m:09s`. */
const CISCO = /^(?:(\d+)d\s*)?(\d+)h:(\d{1,2})m:(\d{1,2})s$/i;

function ciscoDuration(text: string): DurationRead | undefined {
  const m = CISCO.exec(text);
  if (m === null) return undefined;
  const [d, h, mi, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4])];
  if (mi > 59 || s > 59) return notADuration(text);
  return { ok: true, ms: (((d * 24 + h) * 60 + mi) * 60 + s) * 1000 };
}

function fromNumber(value: number, text: string, unit: DurationUnit | undefined): DurationRead {
  if (!Number.isFinite(value)) return notADuration(text);
  if (value < 0) return { ok: false, reason: `"${text}" is a negative duration` };
  return { ok: true, ms: Math.round(value * UNIT_MS[unit ?? "minutes"]) };
}
