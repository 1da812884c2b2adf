/**
 * A file whose headers don't say what it holds (`uid,t1,t2`, `Col1,Col2,Col3`), or say "roster"
 * only because one column is called User, recognised by its content: user ids that repeat with
 * two date-time columns, the second after the first in most rows and hours (not months) apart, is
 * a session log; user ids that repeat with one date-time column and a column of login/logout
 * words is an event log. Anything less clear is left to the header reading (which then says it
 * couldn't tell): a guess is only made when the data has one reading, and the reply states it.
 */
import { ok, type Result } from "../core/result.js";
import { type ColumnMap, type Field, mapColumns } from "./columns.js";
import { type DateContext, readDateCell } from "./dates.js";
import { resolveDayMonthOrder } from "./day-month-order.js";
import { type DetectedKind, detectKind, kindFromOverrides } from "./detect-kind.js";
import { readEventWord } from "./event-words.js";
import type { DayMonthOrder } from "./options.js";
import { type Cell, isBlankCell, type Table, type TableRow } from "./table.js";
import { columnShare, sampleRows } from "./table-sample.js";

/** The share of a column's cells (or of rows) that must agree for a reading to count. */
const MOSTLY = 0.9;
/** Of the rows with both times, the share whose second time is after the first. */
const IN_ORDER = 0.8;
/** Half the sessions of a real log are shorter than this; created → last login is months. */
const MEDIAN_SESSION_LIMIT_MS = 24 * 3_600_000;

export interface ContentGuessOptions {
  readonly dateFormat: DayMonthOrder | undefined;
}

/**
 * detectKind, then, when the headers name no kind or only a roster's user, the kind the content
 * shows (with `guessed` naming the fields it chose). --map fields are never moved; a --map that
 * settles the kind (a start, an event, a roster field) means no guess is made.
 */
export function detectKindWithContent(
  table: Table,
  fileName: string,
  overrides: ColumnMap,
  options: ContentGuessOptions,
): Result<DetectedKind> {
  const byHeader = detectKind(fileName, table.headers, overrides);
  const unrecognised = !byHeader.ok && byHeader.issues.some((i) => i.code === "file.unrecognised");
  const rosterByUserOnly =
    byHeader.ok && byHeader.value.kind === "roster" && onlyUser(table, overrides);
  if (!unrecognised && !rosterByUserOnly) return byHeader;
  const forced = kindFromOverrides(overrides);
  if (!forced.ok || forced.value !== undefined) return byHeader;
  const guess = guessFromContent(table, overrides, options);
  return guess === undefined ? byHeader : ok(guess);
}

/** A roster by header whose only roster column is the user (and perhaps a name or group). */
function onlyUser(table: Table, overrides: ColumnMap): boolean {
  const roster = mapColumns(table.headers, "roster", overrides);
  const telling: readonly Field[] = [
    "status",
    "licence",
    "lastLogin",
    "created",
    "activity",
    "vip",
  ];
  return telling.every((f) => roster[f] === undefined);
}

function readsAsDate(cell: Cell, dates: DateContext): boolean {
  // A number is an Excel serial only in a date-formatted cell (which arrives as a Date): a plain
  // number in a column is a count or an id.
  if (typeof cell === "number" || typeof cell === "boolean") return false;
  return readDateCell(cell, dates).ok;
}

function guessFromContent(
  table: Table,
  overrides: ColumnMap,
  options: ContentGuessOptions,
): DetectedKind | undefined {
  const rows = sampleRows(table);
  const { headers } = table;
  const taken = new Set(Object.values(overrides));
  const free = headers.map((_, i) => i).filter((i) => !taken.has(i));
  // Settle dd/mm vs mm/dd over the whole sample; when it can't be settled, either reading serves
  // to compare two times (the real read asks the question afterwards).
  const order = resolveDayMonthOrder(rows, free, options.dateFormat);
  const dates: DateContext = {
    order: order.ok ? order.value : "dd/mm",
    timeZone: "UTC",
    date1904: table.date1904,
  };
  const mostly = (i: number, test: (c: Cell) => boolean) => {
    const { share, filled } = columnShare(rows, i, test);
    return filled >= 2 && share >= MOSTLY;
  };
  const dateColumns = free.filter((i) => mostly(i, (c) => readsAsDate(c, dates)));
  const eventColumns = free.filter(
    (i) =>
      !dateColumns.includes(i) &&
      mostly(i, (c) => readEventWord(String(c)) !== undefined) &&
      rows.some((r) => readEventWord(String(r.cells[i] ?? ""))?.kind === "login"),
  );
  const user = userColumn(table, rows, overrides, [...dateColumns, ...eventColumns]);
  if (user === undefined) return undefined;
  const guessed: Field[] = user === userNamedBy(table, overrides) ? [] : ["user"];
  const [first, second] = dateColumns;
  if (
    eventColumns.length === 0 &&
    dateColumns.length === 2 &&
    first !== undefined &&
    second !== undefined
  ) {
    const pair = orderedPair(rows, first, second, dates);
    if (pair === undefined) return undefined;
    // The other fields (a duration, say) are still read from their headers.
    const chosen = { ...overrides, user, start: pair.start, end: pair.end };
    return {
      kind: "sessions",
      columns: mapColumns(headers, "sessions", chosen),
      guessed: [...guessed, "start", "end"],
    };
  }
  const [event] = eventColumns;
  if (
    eventColumns.length === 1 &&
    dateColumns.length === 1 &&
    first !== undefined &&
    event !== undefined
  ) {
    const chosen = { ...overrides, user, timestamp: first, event };
    return {
      kind: "events",
      columns: mapColumns(headers, "events", chosen),
      guessed: [...guessed, "timestamp", "event"],
    };
  }
  return undefined;
}

/** The user column a --map or a header names. */
function userNamedBy(table: Table, overrides: ColumnMap): number | undefined {
  return overrides.user ?? mapColumns(table.headers, "roster", overrides).user;
}

/**
 * The column of user ids: the one --map or a header names, else the only column of repeating
 * text values (or, among several, the only one of e-mail addresses).
 */
function userColumn(
  table: Table,
  rows: readonly TableRow[],
  overrides: ColumnMap,
  notUser: readonly number[],
): number | undefined {
  const named = userNamedBy(table, overrides);
  const repeats = (i: number) => {
    const seen = new Set<string>();
    let filled = 0;
    for (const r of rows) {
      const cell = r.cells[i] ?? null;
      if (isBlankCell(cell)) continue;
      filled++;
      seen.add(String(cell).trim().toLowerCase());
    }
    return filled >= 2 && seen.size < filled && filled >= MOSTLY * rows.length;
  };
  if (named !== undefined) return repeats(named) ? named : undefined;
  const candidates = table.headers
    .map((_, i) => i)
    .filter((i) => !notUser.includes(i) && repeats(i));
  if (candidates.length === 1) return candidates[0];
  const emails = candidates.filter(
    (i) => columnShare(rows, i, (c) => /\S@\S/.test(String(c))).share >= MOSTLY,
  );
  return emails.length === 1 ? emails[0] : undefined;
}

/** Which of two date-time columns is the login: the one before the other in most rows. */
function orderedPair(
  rows: readonly TableRow[],
  a: number,
  b: number,
  dates: DateContext,
): { start: number; end: number } | undefined {
  const gaps: number[] = [];
  for (const r of rows) {
    const x = readDateCell(r.cells[a] ?? null, dates);
    const y = readDateCell(r.cells[b] ?? null, dates);
    if (x.ok && y.ok) gaps.push(y.ms - x.ms);
  }
  if (gaps.length < 2) return undefined;
  const after = gaps.filter((g) => g > 0).length / gaps.length;
  const before = gaps.filter((g) => g < 0).length / gaps.length;
  const pair =
    after >= IN_ORDER
      ? { start: a, end: b }
      : before >= IN_ORDER
        ? { start: b, end: a }
        : undefined;
  if (pair === undefined) return undefined;
  const lengths = gaps.map(Math.abs).sort((p, q) => p - q);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return median <= MEDIAN_SESSION_LIMIT_MS ? pair : undefined;
}

/** The note stating a guess: which column each field was read from and what the data showed. */
export function guessNote(detected: DetectedKind, headers: readonly string[]): string | undefined {
  const guessed = detected.guessed ?? [];
  if (guessed.length === 0) return undefined;
  const { columns } = detected;
  const list = guessed.map((f) => `${f} ← "${headers[columns[f] ?? -1] ?? ""}"`).join(", ");
  const why =
    detected.kind === "sessions"
      ? `a session log: user ids repeat and "${headers[columns.end ?? -1]}" is after "${headers[columns.start ?? -1]}" in most rows`
      : `an event log: user ids repeat beside one date-time column and a column of login and logout words`;
  return `columns guessed from the data: ${list} (read as ${why}); if that is wrong, name the columns with --map`;
}
