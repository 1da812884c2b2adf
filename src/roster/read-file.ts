/**
 * The entry point: the bytes of an uploaded file → a roster or a list of sessions, with the column
 * mapping used, summary counts and every row that was not used (row, column, reason). Files that
 * can't be used at all (empty, binary, no header, a required column missing, ambiguous dates) give
 * coded issues instead. Judged by content, not by file name. Never logs: rows hold personal data.
 */
import { failAll, type Issue, ok, type Result } from "../core/result.js";
import { FIELD_LABELS, type Field, type FileKind, resolveOverrides } from "./columns.js";
import { detectKindWithContent, guessNote } from "./content-kind.js";
import { LinesTable, readCsvLines } from "./csv-lines.js";
import { applyDateTimeJoin, joinedDateColumns, planDateTimeJoin } from "./date-time-join.js";
import type { DateContext } from "./dates.js";
import { resolveDayMonthOrder } from "./day-month-order.js";
import { KIND_LABELS } from "./detect-kind.js";
import { unitFromHeader } from "./durations.js";
import { eventsToSessions } from "./events-to-sessions.js";
import { readExportLayout } from "./export-layouts.js";
import { finishSessions } from "./finish-sessions.js";
import { linesDayMonthOrder, linesToSessions } from "./lines-to-sessions.js";
import { type ReadOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import { readCsv } from "./read-csv.js";
import type { ColumnUse, ReadSummary, RosterFileRead } from "./read-result.js";
import { readXlsx } from "./read-xlsx.js";
import { pickLastSeen } from "./roster/last-seen.js";
import { resolveRosterKey } from "./roster-key.js";
import { unknownUsersNote } from "./roster-match-hint.js";
import { rosterRows } from "./roster-rows.js";
import { distinctRows, type RowIssue } from "./row-issue.js";
import { rowsToSessions } from "./rows-to-sessions.js";
import { sniff } from "./sniff.js";
import type { Table } from "./table.js";

const DATE_FIELDS: Record<FileKind, readonly Field[]> = {
  sessions: ["start", "end"],
  events: ["timestamp"],
  roster: ["lastLogin", "created"],
};

const byRow = (a: RowIssue, b: RowIssue) => a.row - b.row;

/**
 * Reads a roster, session log or event log from its bytes. `fileName` is only used in messages.
 */
export async function readRosterFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<Result<RosterFileRead>> {
  return readRosterFileWith(bytes, fileName, options, { lines: true });
}

/**
 * readRosterFile, choosing how a quote-free CSV is read: line by line (`lines`, the fast path) or
 * as rows of cells like any other CSV. Both give the same answer; tests compare them.
 * `sessionObjects: false` gives a log's sessions only as `sessionColumns` (no `sessions`): for
 * an analysis that reads nothing else, a million objects fewer.
 */
export async function readRosterFileWith(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions,
  how: { readonly lines: boolean; readonly sessionObjects?: boolean },
): Promise<Result<RosterFileRead>> {
  const resolved = resolveOptions(options);
  if (!resolved.ok) return resolved;
  const opts = resolved.value;
  const sniffed = sniff(bytes, fileName);
  if (!sniffed.ok) return sniffed;
  const tableRead =
    sniffed.value.type === "xlsx"
      ? await readXlsx(bytes, fileName, opts.sheet)
      : how.lines
        ? readCsvLines(sniffed.value.text, fileName)
        : readCsv(sniffed.value.text, fileName);
  if (!tableRead.ok) return tableRead;
  const { table, notes: layoutNotes } = readExportLayout(
    tableRead.value,
    fileName,
    Object.keys(opts.mapOverrides).length > 0,
  );
  const notes = [
    ...(sniffed.value.type === "text" ? sniffed.value.notes : []),
    ...table.notes,
    ...layoutNotes,
  ];
  if (table.format === "csv" && opts.sheet !== undefined) {
    notes.push(`--sheet "${opts.sheet}" ignored: ${fileName} is a CSV file`);
  }
  const read = interpret(table, notes, fileName, opts, how.sessionObjects !== false);
  // The sheet is the workbook's, whatever layout the rows turned out to have.
  const { sheet } = tableRead.value;
  return read.ok && sheet !== undefined ? ok({ ...read.value, sheet }) : read;
}

function interpret(
  file: Table,
  notes: string[],
  fileName: string,
  opts: ResolvedOptions,
  sessionObjects: boolean,
): Result<RosterFileRead> {
  const { rejected } = file;
  let mapOverrides = opts.mapOverrides;
  if (opts.rosterKey !== undefined) {
    const key = resolveRosterKey(file.headers, opts.rosterKey, fileName);
    if (!key.ok) return key;
    mapOverrides = { ...mapOverrides, user: key.value };
  }
  const overrides = resolveOverrides(file.headers, mapOverrides);
  if (!overrides.ok) return overrides;
  const detected = detectKindWithContent(file, fileName, overrides.value, {
    dateFormat: opts.dateFormat,
  });
  if (!detected.ok) return detected;
  const picked = pickLastSeen(fileName, file.headers, detected.value, overrides.value, notes);
  if (!picked.ok) return picked;
  const { kind } = picked.value;
  const guessed = new Set(detected.value.guessed ?? []);
  const guess = guessNote(detected.value, file.headers);
  if (guess !== undefined) notes.push(guess);
  const rowCount = file instanceof LinesTable ? file.lines.count : file.rows.length;
  if (rowCount === 0 && rejected.length === 0) {
    return failAll([
      {
        code: "file.no_rows",
        message: `${fileName} has column names but no rows.`,
        hint: "Export the file again with its data",
      },
    ]);
  }
  const join = planDateTimeJoin(file, kind, picked.value.columns, fileName);
  if (!join.ok) return join;
  const dateColumns = [
    ...DATE_FIELDS[kind].flatMap((f) => picked.value.columns[f] ?? []),
    ...joinedDateColumns(join.value),
  ];
  const order =
    file instanceof LinesTable
      ? linesDayMonthOrder(file.lines, dateColumns, opts.dateFormat)
      : resolveDayMonthOrder(file.rows, dateColumns, opts.dateFormat);
  if (!order.ok) return order;
  if (order.value !== undefined) notes.push(`dates read as ${order.value}/yyyy`);
  const joined = applyDateTimeJoin(file, join.value, picked.value.columns, {
    fileName,
    order: order.value,
    date1904: file.date1904,
    userMapped: overrides.value,
  });
  const { table, columns } = joined;
  notes.push(...joined.notes);
  if (opts.timeZone !== "UTC") notes.push(`times without a zone read as ${opts.timeZone}`);
  const dates: DateContext = {
    order: order.value,
    timeZone: opts.timeZone,
    date1904: table.date1904,
  };
  const mapping: ColumnUse[] = [];
  for (const field of Object.keys(FIELD_LABELS) as Field[]) {
    const index = columns[field];
    if (index === undefined) continue;
    const written = table.headers[index] ?? "";
    mapping.push(
      guessed.has(field) ? { field, header: written, guessed: true } : { field, header: written },
    );
  }
  const header = (f: Field) => {
    const i = columns[f];
    return i === undefined ? null : (table.headers[i] ?? null);
  };
  const base = { rows: rowCount + rejected.length, blankRows: table.blankRows };
  const zero = {
    closedAtTimeout: 0,
    overlapping: 0,
    merged: 0,
    duplicates: 0,
    endBeforeStart: 0,
    unknownUsers: 0,
    unknownUserRows: 0,
    unpairedLogouts: 0,
  };
  const finish = (
    partial: Omit<RosterFileRead, "kind" | "format" | "mapping" | "notes" | "summary"> & {
      counts: Omit<ReadSummary, "rows" | "blankRows" | "used" | "skipped">;
    },
  ): Result<RosterFileRead> => {
    const rowErrors = [...rejected, ...partial.rowErrors].sort(byRow);
    const skipped = distinctRows(rowErrors);
    if (skipped === base.rows) return noUsableRows(fileName, rowErrors, base.rows);
    const { counts, ...rest } = partial;
    return ok({
      ...rest,
      kind,
      format: table.format,
      mapping,
      notes,
      rowErrors,
      rowWarnings: [...partial.rowWarnings].sort(byRow),
      summary: { ...base, used: base.rows - skipped, skipped, ...counts },
    });
  };

  if (kind === "roster") {
    if (columns.status === undefined) notes.push("no status column: every user counted as active");
    const read = rosterRows(table.rows, { headers: table.headers, columns, dates });
    notes.push(...read.notes);
    return finish({
      roster: read.users,
      userSpelling: read.spelling,
      rowErrors: read.errors,
      rowWarnings: read.warnings,
      counts: {
        ...zero,
        sessions: 0,
        users: read.users.length,
        duplicates: read.duplicates,
      },
    });
  }

  const finishOptions = {
    countSessions: opts.countSessions,
    knownUsers: opts.knownUsers,
    userHeader: header("user"),
    objects: sessionObjects,
  };
  if (kind === "sessions") {
    const durationHeader = header("duration");
    const durationUnit = durationHeader === null ? undefined : unitFromHeader(durationHeader);
    const context = {
      headers: table.headers,
      columns,
      dates,
      sessionTimeoutMs: opts.sessionTimeoutMs,
      durationUnit,
    };
    const read =
      table instanceof LinesTable
        ? linesToSessions(table, context)
        : rowsToSessions(table.rows, context);
    notes.push(...read.notes);
    const done = finishSessions(read.candidates, { ...finishOptions, dropDuplicates: true });
    noteUnknownUsers(notes, read.candidates.userKeys, opts.knownUsers);
    return finish({
      ...(done.sessions ? { sessions: done.sessions } : {}),
      sessionColumns: done.columns,
      userSpelling: read.candidates.spellingByKey(),
      rowErrors: [...read.errors, ...done.errors],
      rowWarnings: done.warnings,
      counts: {
        ...zero,
        sessions: done.columns.users.length,
        users: done.users,
        closedAtTimeout: read.closedAtTimeout,
        overlapping: done.overlapping,
        merged: done.merged,
        duplicates: done.duplicates,
        endBeforeStart: read.endBeforeStart,
        unknownUsers: done.unknownUsers,
        unknownUserRows: done.unknownUserRows,
      },
    });
  }

  const read = eventsToSessions(table.rows, {
    headers: table.headers,
    columns,
    dates,
    sessionTimeoutMs: opts.sessionTimeoutMs,
  });
  notes.push(...read.notes);
  const done = finishSessions(read.candidates, { ...finishOptions, dropDuplicates: false });
  noteUnknownUsers(notes, read.candidates.userKeys, opts.knownUsers);
  return finish({
    ...(done.sessions ? { sessions: done.sessions } : {}),
    sessionColumns: done.columns,
    userSpelling: read.candidates.spellingByKey(),
    rowErrors: [...read.errors, ...done.errors],
    rowWarnings: done.warnings,
    counts: {
      ...zero,
      sessions: done.columns.users.length,
      users: done.users,
      closedAtTimeout: read.closedAtTimeout,
      overlapping: done.overlapping,
      merged: done.merged,
      duplicates: read.duplicates,
      unknownUsers: done.unknownUsers,
      unknownUserRows: done.unknownUserRows,
      unpairedLogouts: read.unpairedLogouts,
    },
  });
}

function noteUnknownUsers(
  notes: string[],
  users: readonly string[],
  known: ReadonlySet<string> | undefined,
): void {
  const note = known === undefined ? undefined : unknownUsersNote(users, known);
  if (note !== undefined) notes.push(note);
}

function noUsableRows(
  fileName: string,
  rowErrors: readonly RowIssue[],
  rows: number,
): Result<never> {
  const examples = rowErrors
    .slice(0, 3)
    .map((e) => `row ${e.row}${e.column === null ? "" : ` "${e.column}"`} ${e.reason}`)
    .join("; ");
  const issue: Issue = {
    code: "file.no_usable_rows",
    message: `None of the ${rows} rows of ${fileName} could be used. First problems: ${examples}.`,
    hint: 'Fix those rows, or name the right columns with --map field="Column"',
  };
  return failAll([issue]);
}

export type { Field, FileKind } from "./columns.js";
export type { DayMonthOrder, ReadOptions } from "./options.js";
export type { ColumnUse, ReadSummary, RosterFileRead } from "./read-result.js";
export { asWritten, formatMapping } from "./read-result.js";
export type { RowIssue } from "./row-issue.js";
export { KIND_LABELS };
