/**
 * Placeholder ("sentinel") dates systems write for "no value": `0000-00-00` (MySQL's zero date),
 * `0001-01-01` (.NET's DateTime.MinValue), `9999-12-31` (an open end in SQL and SAP exports) and
 * epoch zero `1970-01-01 00:00:00` (a Unix time of 0). Read as dates they give sessions hundreds of
 * thousands of weeks long, so they are recognised first; what each means depends on the column,
 * and the caller decides (no logout, never logged in, or a bad row).
 */
import type { Cell } from "./table.js";

/** zero: 0000-00-00; far-past: year 1; far-future: year 9999; epoch: 1970-01-01 00:00:00. */
export type PlaceholderKind = "zero" | "far-past" | "far-future" | "epoch";

/** Session times before this are not real (no session log is that old). */
export const EARLIEST_SESSION_MS = Date.UTC(1990, 0, 1);
/** From here on a date read is checked for a placeholder (9999-01-01). */
const FAR_FUTURE_MS = Date.UTC(9999, 0, 1);

/** An Excel serial in year 9999 under either epoch (1904 serials are 1,462 days smaller). */
const FAR_FUTURE_SERIAL = (FAR_FUTURE_MS - Date.UTC(1899, 11, 30)) / 86_400_000 - 1462;

const TIME_TAIL = "(?:[T ,].*)?";
/** A date whose year can be found: ISO order, day or month first, or a month name. */
const YEAR_OF = [
  new RegExp(String.raw`^(\d{4})[-/.]\d{1,2}[-/.]\d{1,2}${TIME_TAIL}$`, "i"),
  new RegExp(String.raw`^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})${TIME_TAIL}$`, "i"),
  new RegExp(String.raw`^\d{1,2}[ -][a-z]{3,9}\.?[ ,-]+(\d{4})${TIME_TAIL}$`, "i"),
  new RegExp(String.raw`^[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? (\d{4})${TIME_TAIL}$`, "i"),
];
/** Midnight at the start of 1970, with or without a time or a zero offset. */
const EPOCH =
  /^(?:1970[-/.]0?1[-/.]0?1|0?1[-/.]0?1[-/.]1970)(?:[T ]00:00(?::00(?:[.,]0+)?)?)?\s*(?:Z|UTC|GMT|[+-]00:?00)?$/i;

function kindOfYear(year: number): PlaceholderKind | undefined {
  if (year === 0) return "zero";
  if (year === 1) return "far-past";
  if (year === 9999) return "far-future";
  return undefined;
}

/** The placeholder a cell holds, if it holds one. */
export function placeholderOf(cell: Cell): PlaceholderKind | undefined {
  if (cell instanceof Date) {
    const ms = cell.getTime();
    if (Number.isNaN(ms)) return undefined;
    // exceljs gives the wall clock shown as the Date's UTC fields.
    if (ms === 0) return "epoch";
    return kindOfYear(cell.getUTCFullYear());
  }
  if (typeof cell === "number") return cell >= FAR_FUTURE_SERIAL ? "far-future" : undefined;
  if (typeof cell !== "string") return undefined;
  const text = cell.trim();
  if (EPOCH.test(text)) return "epoch";
  for (const pattern of YEAR_OF) {
    const m = pattern.exec(text);
    if (m) return kindOfYear(Number(m[1]));
  }
  return undefined;
}

/** Whether a date read as `ms` could be a placeholder, so placeholderOf is worth asking. */
export function mayBePlaceholder(ms: number): boolean {
  return ms < EARLIEST_SESSION_MS || ms >= FAR_FUTURE_MS;
}

const KIND_WORDS: Record<PlaceholderKind, string> = {
  zero: "a zero date",
  "far-past": "year 1",
  "far-future": "year 9999",
  epoch: "epoch zero",
};

/** `"9999-12-31" is a placeholder date (year 9999), not a real login time`. */
export function placeholderReason(text: string, kind: PlaceholderKind, what: string): string {
  return `"${text}" is a placeholder date (${KIND_WORDS[kind]}), not a real ${what}`;
}

/**
 * Placeholders read with a meaning (no logout, never logged in), gathered per column and text so
 * the reply can say, in one line each, which values were not taken as dates and on which rows.
 */
export class PlaceholderNotes {
  private readonly seen = new Map<string, { label: string; text: string; rows: number[] }>();

  constructor(private readonly meaning: Readonly<Record<string, string>>) {}

  add(label: string, text: string, row: number): void {
    const key = `${label}\u0000${text}`;
    const entry = this.seen.get(key) ?? { label, text, rows: [] };
    entry.rows.push(row);
    this.seen.set(key, entry);
  }

  /** `3 rows' logout "9999-12-31" (a placeholder date) read as no logout: rows 4, 7, 9`. */
  notes(): string[] {
    return [...this.seen.values()].map(({ label, text, rows }) => {
      const shown = rows.length > 5 ? `${rows.slice(0, 5).join(", ")} …` : rows.join(", ");
      const many = rows.length === 1 ? "1 row's" : `${rows.length.toLocaleString("en-US")} rows'`;
      const noun = rows.length === 1 ? "row" : "rows";
      return `${many} ${label} "${text}" (a placeholder date) read as ${this.meaning[label] ?? "blank"}: ${noun} ${shown}`;
    });
  }
}
