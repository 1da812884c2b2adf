/**
 * Which kind of file this is — roster, session log or event log — from its headers (and from the
 * fields the user mapped by hand), and whether the columns that kind needs are all there.
 */
import { failAll, type Issue, ok, type Result } from "../core/result.js";
import {
  type ColumnMap,
  FIELD_LABELS,
  type Field,
  type FileKind,
  isKnownHeader,
  mapColumns,
  normaliseHeader,
  quoteList,
} from "./columns.js";

export const KIND_LABELS: Record<FileKind, string> = {
  roster: "a roster",
  sessions: "a session log",
  events: "an event log",
};

const ONLY_IN: Partial<Record<Field, FileKind>> = {
  name: "roster",
  group: "roster",
  role: "roster",
  status: "roster",
  licence: "roster",
  lastLogin: "roster",
  created: "roster",
  activity: "roster",
  vip: "roster",
  start: "sessions",
  end: "sessions",
  duration: "sessions",
  timestamp: "events",
  event: "events",
  device: "events",
  outcome: "events",
  feature: "events",
};

export interface DetectedKind {
  readonly kind: FileKind;
  readonly columns: ColumnMap;
  /** Fields whose column was guessed from the data, not named by a header or --map. */
  readonly guessed?: readonly Field[];
}

/** A header that is really a value: an e-mail address, a date or a number. */
function looksLikeData(header: string): boolean {
  const h = header.trim();
  return (
    /\S@\S/.test(h) ||
    /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(h) ||
    /^[+-]?\d+(?:[.,]\d+)?$/.test(h)
  );
}

export function kindFromOverrides(overrides: ColumnMap): Result<FileKind | undefined> {
  const kinds = new Set<FileKind>();
  for (const field of Object.keys(overrides) as Field[]) {
    const kind = ONLY_IN[field];
    if (kind) kinds.add(kind);
  }
  if (kinds.size > 1) {
    return failAll([
      {
        code: "map.mixed_kinds",
        message: `The --map fields belong to different kinds of file (${[...kinds].map((k) => KIND_LABELS[k]).join(" and ")}).`,
        hint: '--map start="Login Time" --map end="Logout Time" for a session log',
      },
    ]);
  }
  return ok([...kinds][0]);
}

function guessKind(headers: readonly string[], overrides: ColumnMap): FileKind | undefined {
  const sessions = mapColumns(headers, "sessions", overrides);
  const events = mapColumns(headers, "events", overrides);
  if (sessions.start !== undefined) return "sessions";
  if (events.timestamp !== undefined && events.event !== undefined) return "events";
  if (sessions.end !== undefined || sessions.duration !== undefined) return "sessions";
  if (mapColumns(headers, "roster", overrides).user !== undefined) return "roster";
  return undefined;
}

function missing(
  fileName: string,
  kind: FileKind,
  fields: readonly Field[],
  headers: readonly string[],
): Issue {
  const labels = fields.map((f) => FIELD_LABELS[f]).join(" or ");
  return {
    code: "file.missing_column",
    message: `${fileName} looks like ${KIND_LABELS[kind]} but has no column for the ${labels}. Columns found: ${quoteList(headers)}.`,
    hint: fields.map((f) => `--map ${f}="Column name"`).join(" or "),
  };
}

/**
 * `User,Date,Time,Duration`: a session log that writes only when each session began, in a column
 * named like an event's time ("Time", "Date", "Timestamp"), and how long it lasted. With a
 * duration, no logout and no event column, that column is the login time (a "Time" column first:
 * the date-time join then puts it on its Date).
 */
function withStartFromTime(
  headers: readonly string[],
  columns: ColumnMap,
  overrides: ColumnMap,
): ColumnMap {
  if (columns.start !== undefined || columns.end !== undefined || columns.duration === undefined) {
    return columns;
  }
  const events = mapColumns(headers, "events", overrides);
  if (events.event !== undefined) return columns;
  const taken = new Set(Object.values(columns));
  const time = headers.findIndex((h, i) => !taken.has(i) && normaliseHeader(h) === "time");
  const start = time >= 0 ? time : events.timestamp;
  if (start === undefined || taken.has(start)) return columns;
  return { ...columns, start };
}

export function detectKind(
  fileName: string,
  headers: readonly string[],
  overrides: ColumnMap,
): Result<DetectedKind> {
  const forced = kindFromOverrides(overrides);
  if (!forced.ok) return forced;
  const kind = forced.value ?? guessKind(headers, overrides);
  if (kind === undefined) {
    if (!headers.some(isKnownHeader) && headers.some(looksLikeData)) {
      return failAll([
        {
          code: "file.no_header",
          message: `The first row of ${fileName} looks like data, not column names.`,
          hint: 'Add a header row first, e.g. "Agent Email,Login Time,Logout Time" for a session log',
        },
      ]);
    }
    return failAll([
      {
        code: "file.unrecognised",
        message: `I couldn't tell what ${fileName} holds: no column for the user (e-mail or id), login time or event. Columns found: ${quoteList(headers)}.`,
        hint: '--map user="Agent Email" --map start="Login Time" --map end="Logout Time"',
      },
    ]);
  }
  const mapped = mapColumns(headers, kind, overrides);
  const columns = kind === "sessions" ? withStartFromTime(headers, mapped, overrides) : mapped;
  const issues: Issue[] = [];
  if (columns.user === undefined) issues.push(missing(fileName, kind, ["user"], headers));
  if (kind === "sessions") {
    if (columns.start === undefined) issues.push(missing(fileName, kind, ["start"], headers));
    if (columns.end === undefined && columns.duration === undefined) {
      issues.push(missing(fileName, kind, ["end", "duration"], headers));
    }
  }
  if (kind === "events") {
    if (columns.timestamp === undefined)
      issues.push(missing(fileName, kind, ["timestamp"], headers));
    if (columns.event === undefined) issues.push(missing(fileName, kind, ["event"], headers));
  }
  return issues.length > 0 ? failAll(issues) : ok({ kind, columns });
}
