/**
 * What every file reply says first, right after its headline: what was read (rows, people,
 * sessions, the dates covered and the time zone), the columns used (marked where guessed from the
 * data), and every assumption made on the way. A reply is only as good as its reading, so the
 * reader can check it before trusting a figure. The same lines go to the terminal and to Slack.
 */
import { logBounds } from "../../core/usage.js";
import { KIND_LABELS, type RosterFileRead } from "../../roster/read-file.js";
import { formatMapping } from "../../roster/read-result.js";
import type { CommandOutcome, ReadBlock } from "../reply.js";
import { count, dateSpan, duration, iso, plural } from "./format.js";

const DAY = 86_400_000;

/** Below this a log is called short: a month's peak can differ a lot from one week's. */
export const SHORT_LOG_MS = 28 * DAY;

export interface ReadSummaryOptions {
  /** The zone times without one were read in, and are shown in. */
  readonly timeZone: string;
  /** True when the user chose the zone (--tz); otherwise UTC was assumed and the block says so. */
  readonly zoneGiven: boolean;
  /** The reply sizes a pool from the log (a split), so the short-log caution names the pool. */
  readonly sizesPool: boolean;
  /** A roster read alongside the log (--roster): its rows, columns and assumptions are said too. */
  readonly roster?: { readonly name: string; readonly read: RosterFileRead };
}

export interface ReadSummary {
  /** What the reply shows (`reply.read`): the lines, then the assumptions. */
  readonly block: ReadBlock;
  /** The facts of the lines for the `--json` contract (`read` in the README). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** `9 days`, `8.5 h`: how long the log runs, never rounded up to 4 weeks. */
function logLength(ms: number): string {
  if (ms < DAY) return duration(ms);
  return plural(Math.floor(ms / DAY), "day", "days");
}

/** The repairs and leave-outs the reader counted, as sentences (each says the option to change it). */
function countedAssumptions(read: RosterFileRead): string[] {
  const s = read.summary;
  const out: string[] = [];
  if (s.closedAtTimeout > 0) {
    out.push(
      `${plural(s.closedAtTimeout, "login had", "logins had")} no logout: closed at the session timeout (--timeout).`,
    );
  }
  if (s.merged > 0) {
    out.push(
      `${plural(s.merged, "session overlapped", "sessions overlapped")} another of the same person and counted once (--count sessions to count each).`,
    );
  } else if (s.overlapping > 0) {
    out.push(
      `${plural(s.overlapping, "session overlaps", "sessions overlap")} another of the same person; each takes a slot.`,
    );
  }
  if (s.duplicates > 0) {
    out.push(`${plural(s.duplicates, "duplicate row", "duplicate rows")} ignored.`);
  }
  if (s.unknownUsers > 0) {
    out.push(
      `${plural(s.unknownUsers, "person is", "people are")} not in the roster (${plural(s.unknownUserRows, "row", "rows")}); their sessions still count.`,
    );
  }
  if (s.unpairedLogouts > 0) {
    out.push(`${plural(s.unpairedLogouts, "logout had", "logouts had")} no login before it.`);
  }
  return out;
}

/** A reader's note as a sentence naming the file: `sessions.csv: dates read as dd/mm/yyyy.` */
function fileNote(fileName: string, note: string): string {
  return `${fileName}: ${note}.`.replace(/([.!?])\.$/, "$1");
}

/** `"Summary", "Notes"`: sheet names as the workbook writes them. */
function quoted(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(", ");
}

/**
 * `Read sheet "Agents" (2 other sheets: "Summary", "Notes" — not read; --sheet NAME reads
 * another).` for a workbook of several sheets, so a figure is never taken from a sheet the user
 * did not mean; nothing for a one-sheet workbook or a CSV file.
 */
function sheetLine(read: RosterFileRead): string | undefined {
  const sheet = read.sheet;
  if (sheet === undefined || sheet.others.length === 0) return undefined;
  const others = plural(sheet.others.length, "other sheet", "other sheets");
  return `Read sheet "${sheet.name}" (${others}: ${quoted(sheet.others)} — not read; --sheet NAME reads another).`;
}

/** `Roster: 150 rows of roster.csv (2 not used), 148 people; columns used: user ← "Email", ….` */
function rosterLine(read: RosterFileRead, name: string): string {
  const s = read.summary;
  const sheet = read.sheet;
  const fromSheet =
    sheet === undefined || sheet.others.length === 0
      ? ""
      : `, sheet "${sheet.name}" (not read: ${quoted(sheet.others)})`;
  const notUsed = s.skipped > 0 ? ` (${count(s.skipped)} not used)` : "";
  const columns = read.mapping.length > 0 ? `; columns used: ${formatMapping(read.mapping)}` : "";
  return `Roster: ${plural(s.rows, "row", "rows")} of ${name}${fromSheet}${notUsed}, ${plural(s.users, "person", "people")}${columns}.`;
}

/** The sessions' first start and last end, or undefined for a roster or an empty log. */
function sessionRange(read: RosterFileRead): { from: number; to: number } | undefined {
  if (read.sessionColumns) {
    if (read.sessionColumns.starts.length === 0) return undefined;
    const { first, last } = logBounds(read.sessionColumns);
    return { from: first, to: last };
  }
  const sessions = read.sessions ?? [];
  if (sessions.length === 0) return undefined;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const s of sessions) {
    if (s.start < from) from = s.start;
    if (s.end > to) to = s.end;
  }
  return { from, to };
}

/**
 * The "what I read" block of a file reply, e.g.
 * `Read 1,204 rows of sessions.csv, a session log: 212 people, 3,910 sessions, 3 Mar – 28 Mar 2026 (UTC).`
 * then the columns used and every assumption.
 */
export function readSummary(
  read: RosterFileRead,
  fileName: string,
  o: ReadSummaryOptions,
): ReadSummary {
  const s = read.summary;
  const isLog = read.kind !== "roster";
  const range = isLog ? sessionRange(read) : undefined;
  const notUsed = s.skipped > 0 ? ` (${count(s.skipped)} not used)` : "";
  const what = isLog
    ? `${plural(s.users, "person", "people")}, ${plural(s.sessions, "session", "sessions")}${range ? `, ${dateSpan(range.from, range.to, o.timeZone)} (${o.timeZone})` : ""}`
    : plural(s.users, "person", "people");
  const lines = [
    `Read ${plural(s.rows, "row", "rows")} of ${fileName}, ${KIND_LABELS[read.kind]}${notUsed}: ${what}.`,
  ];
  const sheet = sheetLine(read);
  if (sheet !== undefined) lines.push(sheet);
  const spanMs = range ? range.to - range.from : undefined;
  const short = spanMs !== undefined && spanMs < SHORT_LOG_MS;
  if (short) {
    const measured = o.sizesPool ? "the peak and the pool sized on it come" : "the peak comes";
    const yearly = o.sizesPool
      ? " Yearly costs are seats × rates, not scaled up from the log."
      : "";
    lines.push(
      `Only ${logLength(spanMs)} of log (under 4 weeks): ${measured} from that short window; other weeks may be busier.${yearly}`,
    );
  }
  if (read.mapping.length > 0) lines.push(`Columns used: ${formatMapping(read.mapping)}.`);
  const roster = o.roster && o.roster.read !== read ? o.roster : undefined;
  if (roster) lines.push(rosterLine(roster.read, roster.name));
  const assumptions = [
    ...(isLog && !o.zoneGiven
      ? ["Times without a zone read as UTC (--tz Europe/London to change)."]
      : []),
    ...read.notes.map((n) => fileNote(fileName, n)),
    ...countedAssumptions(read),
    ...(roster ? roster.read.notes.map((n) => fileNote(roster.name, n)) : []),
  ];
  return {
    block: { lines, assumed: assumptions },
    data: {
      rows: s.rows,
      used: s.used,
      skipped: s.skipped,
      people: s.users,
      sessions: s.sessions,
      from: iso(range?.from),
      to: iso(range?.to),
      timeZone: o.timeZone,
      timeZoneAssumed: isLog && !o.zoneGiven,
      shortLog: short,
      sheet: read.sheet ? { name: read.sheet.name, others: read.sheet.others } : null,
      columns: read.mapping.map((m) => ({
        field: m.field,
        header: m.header,
        guessed: m.guessed === true,
      })),
    },
  };
}

/**
 * A finished file reply with its "what I read" block added (`reply.read`, `data.read`); a refusal
 * is returned as it is. `zoneGiven` is the --tz the user typed, if any; `roster` the --roster file.
 */
export function withReadSummary(
  outcome: CommandOutcome,
  read: RosterFileRead,
  fileName: string,
  zoneGiven: string | undefined,
  roster?: ReadSummaryOptions["roster"],
): CommandOutcome {
  if (!outcome.ok) return outcome;
  const { reply } = outcome;
  const summary = readSummary(read, fileName, {
    timeZone: zoneGiven ?? "UTC",
    zoneGiven: zoneGiven !== undefined,
    sizesPool: reply.data.split !== null && reply.data.split !== undefined,
    ...(roster ? { roster } : {}),
  });
  return {
    ok: true,
    reply: { ...reply, read: summary.block, data: { ...reply.data, read: summary.data } },
  };
}
