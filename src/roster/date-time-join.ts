/**
 * Logs that write the date and the time of day in separate columns (VPN, Citrix and hand-made
 * logs: `User,Date,Time,Event`, `User,Date,Start Time,End Time`, `Login Date,Login Time,…`) are
 * joined before their rows are read: read alone, the time is ignored and every event lands at
 * midnight. A date column is paired with time columns by header (a "date" column; a "time" column
 * or one the header mapping reads a login, logout or event time from) and by content (mostly
 * dates alone, mostly times alone), then each time cell becomes `yyyy-mm-dd HH:MM:SS`.
 */
import { fail, ok, type Result } from "../core/result.js";
import {
  type ColumnMap,
  FIELD_LABELS,
  type Field,
  type FileKind,
  normaliseHeader,
} from "./columns.js";
import { LinesTable } from "./csv-lines.js";
import { readDateText } from "./dates.js";
import type { DayMonthOrder } from "./options.js";
import type { Cell, Table, TableRow } from "./table.js";
import { columnShare, sampleRows } from "./table-sample.js";
import { datePart, isDateOnly, timeOfDay } from "./time-of-day.js";

/** The fields of each kind of log that hold a date-time. */
const TIME_FIELDS: Record<FileKind, readonly Field[]> = {
  sessions: ["start", "end"],
  events: ["timestamp"],
  roster: [],
};

/** A column is judged to hold dates (or times) alone when this share of its sampled cells do. */
const MOSTLY = 0.9;
const DAY_MS = 86_400_000;

export interface DateTimePair {
  readonly date: number;
  readonly times: readonly number[];
}

/**
 * A field the headers read from a column of dates alone while another column headed "time" holds
 * the full date-times (`Date,Time,Event` with "Time" = `2026-03-02 09:00`): read from that one.
 */
export interface ColumnMove {
  readonly field: Field;
  readonly from: number;
  readonly to: number;
}

export interface JoinPlan {
  readonly pairs: readonly DateTimePair[];
  readonly moves: readonly ColumnMove[];
}

/** What a header says a column is about, without its date/time words: "Login Date" → "login". */
const stem = (header: string) => normaliseHeader(header).replace(/date|time|day/g, "");

const quote = (h: string | undefined) => `"${h ?? ""}"`;
const quoteAnd = (hs: readonly (string | undefined)[]) => {
  const q = hs.map(quote);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
};

/**
 * Which date column goes with which time columns, or the issue for a column of times with no
 * date to put them on (read alone they would all be on 30 Dec 1899, or refused one by one).
 */
export function planDateTimeJoin(
  table: Table,
  kind: FileKind,
  columns: ColumnMap,
  fileName: string,
): Result<JoinPlan> {
  const fields = TIME_FIELDS[kind];
  if (fields.length === 0) return ok({ pairs: [], moves: [] });
  const mapped = new Set(fields.flatMap((f) => columns[f] ?? []));
  const { headers } = table;
  const sample = sampleRows(table);
  const mostly = (i: number, test: (c: Cell) => boolean) => {
    const { share, filled } = columnShare(sample, i, test);
    return filled > 0 && share >= MOSTLY;
  };
  const dateColumns: number[] = [];
  const timeColumns: number[] = [];
  headers.forEach((header, i) => {
    const h = normaliseHeader(header);
    if ((h.includes("date") || h === "day") && mostly(i, isDateOnly)) dateColumns.push(i);
    else if (
      (h.includes("time") || mapped.has(i)) &&
      mostly(i, (c) => timeOfDay(c) !== undefined)
    ) {
      timeColumns.push(i);
    }
  });
  const byDate = new Map<number, number[]>();
  const unpaired: number[] = [];
  for (const t of timeColumns) {
    const same = dateColumns.filter((d) => stem(headers[d] ?? "") === stem(headers[t] ?? ""));
    const date =
      same.length === 1 ? same[0] : dateColumns.length === 1 ? dateColumns[0] : undefined;
    if (date === undefined) unpaired.push(t);
    else byDate.set(date, [...(byDate.get(date) ?? []), t]);
  }
  // Only a column the log is read from matters: a stray "Export Time" column is left alone.
  const lost = unpaired.find((t) => mapped.has(t));
  if (lost !== undefined) {
    return fail(...timesWithoutDate(table, sample, lost, dateColumns, fileName));
  }
  const pairs = [...byDate].map(([date, times]) => ({ date, times }));
  const fullDateTime = (c: Cell) =>
    c instanceof Date
      ? !isDateOnly(c) && timeOfDay(c) === undefined
      : typeof c === "string" &&
        !isDateOnly(c) &&
        readDateText(c, { order: undefined, timeZone: "UTC", date1904: table.date1904 }).ok;
  const moves: ColumnMove[] = [];
  for (const field of fields) {
    const from = columns[field];
    if (from === undefined || !dateColumns.includes(from) || byDate.has(from)) continue;
    const better = headers
      .map((_, i) => i)
      .filter(
        (i) =>
          !mapped.has(i) &&
          normaliseHeader(headers[i] ?? "").includes("time") &&
          mostly(i, fullDateTime),
      );
    const [to] = better;
    if (better.length === 1 && to !== undefined) moves.push({ field, from, to });
  }
  return ok({ pairs, moves });
}

function timesWithoutDate(
  table: Table,
  sample: readonly TableRow[],
  column: number,
  dateColumns: readonly number[],
  fileName: string,
): [string, string, string] {
  const header = quote(table.headers[column]);
  const example = sample.find((r) => timeOfDay(r.cells[column] ?? null) !== undefined);
  const cell = example?.cells[column] ?? null;
  // Text as written; an XLSX time cell as the clock it shows.
  const shown = typeof cell === "string" ? cell.trim() : timeOfDay(cell)?.text.slice(0, 5);
  const eg = example === undefined ? "" : ` (e.g. "${shown}" on row ${example.row})`;
  const why =
    dateColumns.length > 1
      ? `and I can't tell which of its date columns (${quoteAnd(dateColumns.map((d) => table.headers[d]))}) they belong to`
      : "and the file has no date column to put them on";
  return [
    "file.time_without_date",
    `${header} in ${fileName} holds times of day with no date${eg}, ${why}, so I can't tell which day anyone was online. Read alone, those times would be 30 Dec 1899.`,
    'Export the date with each time (e.g. 2026-03-02 09:00), or keep a Date column beside the time columns (headers such as "Login Date" and "Login Time" pair up)',
  ];
}

/** The date columns a join reads, whose dd/mm or mm/dd order must be settled with the others. */
export function joinedDateColumns(plan: JoinPlan): number[] {
  return [...plan.pairs.map((p) => p.date), ...plan.moves.map((m) => m.to)];
}

export interface JoinContext {
  readonly fileName: string;
  readonly order: DayMonthOrder | undefined;
  readonly date1904: boolean;
  /** The fields the user mapped with --map: never moved to another column. */
  readonly userMapped: ColumnMap;
}

export interface Joined {
  readonly table: Table;
  readonly columns: ColumnMap;
  readonly notes: string[];
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The halves read once per distinct text: a log repeats a few hundred dates and at most 86,400
 * times of day over its rows, and the regular expressions are most of the cost of a join.
 */
class HalfReader {
  private readonly times = new Map<string, ReturnType<typeof timeOfDay>>();
  /** Date text → midnight of that date as UTC ms (NaN: a date alone but not a real date). */
  private readonly days = new Map<string, number | undefined>();

  constructor(private readonly ctx: JoinContext) {}

  time(cell: Cell): ReturnType<typeof timeOfDay> {
    if (typeof cell !== "string") return timeOfDay(cell);
    if (this.times.has(cell)) return this.times.get(cell);
    const time = timeOfDay(cell);
    this.times.set(cell, time);
    return time;
  }

  /** Midnight (UTC ms) of a date-only cell; NaN when it is a date alone but no real date. */
  day(cell: Cell): number | undefined {
    if (cell instanceof Date) return isDateOnly(cell) ? cell.getTime() : undefined;
    if (typeof cell !== "string") return undefined;
    if (this.days.has(cell)) return this.days.get(cell);
    let day: number | undefined;
    if (isDateOnly(cell)) {
      const read = readDateText(datePart(cell), {
        order: this.ctx.order,
        timeZone: "UTC",
        date1904: this.ctx.date1904,
      });
      day = read.ok ? read.ms : Number.NaN;
    }
    this.days.set(cell, day);
    return day;
  }
}

/** `yyyy-mm-dd` of a UTC midnight. */
function isoDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * The table with each paired time cell holding its date and time, the field mapping moved from a
 * date column to the time column joined with it (`Date,Time,Event` reads the event time from
 * "Time"), and notes saying so. A session whose end time is earlier than its start time on one
 * date ends the next day (past midnight); the rows are counted in a note.
 */
export function applyDateTimeJoin(
  table: Table,
  plan: JoinPlan,
  columns: ColumnMap,
  ctx: JoinContext,
): Joined {
  if (plan.pairs.length === 0 && plan.moves.length === 0) return { table, columns, notes: [] };
  const { headers } = table;
  const dateOf = new Map<number, number>();
  for (const p of plan.pairs) for (const t of p.times) dateOf.set(t, p.date);
  const moved: Partial<Record<Field, number>> = { ...columns };
  for (const p of plan.pairs) {
    const free = p.times.filter((t) => !Object.values(moved).includes(t));
    const only = free.length === 1 ? free[0] : undefined;
    for (const field of Object.keys(moved) as Field[]) {
      if (moved[field] === p.date && ctx.userMapped[field] === undefined && only !== undefined) {
        moved[field] = only;
      }
    }
  }
  const moveNotes: string[] = [];
  for (const m of plan.moves) {
    if (ctx.userMapped[m.field] !== undefined || moved[m.field] !== m.from) continue;
    moved[m.field] = m.to;
    moveNotes.push(
      `read the ${FIELD_LABELS[m.field]} from ${quote(headers[m.to])}, not ${quote(headers[m.from])}: ${quote(headers[m.from])} holds dates alone and ${quote(headers[m.to])} the dates with their times`,
    );
  }
  if (plan.pairs.length === 0) return { table, columns: moved, notes: moveNotes };
  const { start, end } = moved;
  const overnight =
    start !== undefined &&
    end !== undefined &&
    dateOf.has(start) &&
    dateOf.get(start) === dateOf.get(end)
      ? { start, end }
      : undefined;
  const nextDayRows: number[] = [];
  const halves = new HalfReader(ctx);
  const isoOf = new Map<number, string>();
  const iso = (ms: number) => {
    let text = isoOf.get(ms);
    if (text === undefined) {
      text = isoDay(ms);
      isoOf.set(ms, text);
    }
    return text;
  };
  const join = (row: TableRow, cells: Cell[]): void => {
    let laterDay = false;
    if (overnight !== undefined) {
      const s = halves.time(row.cells[overnight.start] ?? null);
      const e = halves.time(row.cells[overnight.end] ?? null);
      laterDay = s !== undefined && e !== undefined && e.ms < s.ms;
    }
    for (const [t, d] of dateOf) {
      const time = halves.time(row.cells[t] ?? null);
      const dateCell = row.cells[d] ?? null;
      const day = time === undefined ? undefined : halves.day(dateCell);
      if (time === undefined || day === undefined) continue;
      if (Number.isNaN(day)) {
        // Not a real date (a placeholder such as 0000-00-00): joined as written, so the row
        // reader says what it is.
        cells[t] = `${datePart(String(dateCell))} ${time.text}`;
        continue;
      }
      const plusDays = laterDay && t === overnight?.end ? 1 : 0;
      if (plusDays === 1) nextDayRows.push(row.row);
      cells[t] = `${iso(day + plusDays * DAY_MS)} ${time.text}`;
    }
  };
  const notes = [
    ...moveNotes,
    ...plan.pairs.map(
      (p) =>
        `joined ${quote(headers[p.date])} with ${quoteAnd(p.times.map((t) => headers[t]))}: ${ctx.fileName} writes the date and the time of day in separate columns`,
    ),
  ];
  const noteNextDay = () => {
    if (overnight !== undefined && nextDayRows.length > 0) {
      notes.push(nextDayNote(nextDayRows, headers, overnight, dateOf, ctx.fileName));
    }
  };
  if (table instanceof LinesTable) {
    // A quote-free CSV stays one: its joined lines are written as a new text, so the fast line
    // reader reads the joined date-times in place like any other (same rows, same numbers).
    const { lines } = table;
    const texts = new Array<string>(lines.count);
    const from = new Int32Array(lines.count);
    const to = new Int32Array(lines.count);
    let at = 0;
    for (let k = 0; k < lines.count; k++) {
      const row = table.row(k);
      join(row, row.cells as Cell[]);
      const text = row.cells.join(lines.delimiter);
      texts[k] = text;
      from[k] = at;
      to[k] = at + text.length;
      at += text.length + 1;
    }
    noteNextDay();
    const joinedLines = { ...lines, text: texts.join("\n"), from, to };
    const { headerRow, blankRows, rejected } = table;
    const rewritten = new LinesTable(
      joinedLines,
      headers,
      headerRow,
      blankRows,
      rejected,
      table.notes,
    );
    return { table: rewritten, columns: moved, notes };
  }
  const rows = table.rows.map((row): TableRow => {
    const cells = [...row.cells];
    join(row, cells);
    return { row: row.row, cells };
  });
  noteNextDay();
  const plain: Table = {
    format: table.format,
    headers,
    headerRow: table.headerRow,
    rows,
    blankRows: table.blankRows,
    date1904: table.date1904,
    rejected: table.rejected,
    notes: table.notes,
  };
  return { table: plain, columns: moved, notes };
}

function nextDayNote(
  rows: readonly number[],
  headers: readonly string[],
  overnight: { start: number; end: number },
  dateOf: ReadonlyMap<number, number>,
  fileName: string,
): string {
  const n = rows.length;
  const shown = rows.slice(0, 5).join(", ") + (n > 5 ? ` and ${n - 5} more` : "");
  const dateHeader = quote(headers[dateOf.get(overnight.start) ?? -1]);
  return `${n} ${n === 1 ? "row" : "rows"} of ${fileName} (${n === 1 ? "row" : "rows"} ${shown}) ${n === 1 ? "has" : "have"} ${quote(headers[overnight.end])} earlier than ${quote(headers[overnight.start])} on one ${dateHeader}: read as ending the next day, past midnight`;
}
