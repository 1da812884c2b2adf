/**
 * Analysing an uploaded file, for every front end: read it (roster, session log or event log,
 * judged by content), then right-size a roster, or measure concurrency and find the cheapest
 * named/concurrent split of a session or event log. Progress is reported at each stage (Slack
 * updates one message in place, so each report repeats the finished stages with a tick).
 *
 * Rates come from the request, else the channel's deal; without them the reply answers the usage
 * part and asks for the rates in one line — never a guess. Personal data (e-mails, names) goes only
 * into the reply's CSV files and the split's `namedUsers` ids in `data` (the `--json` contract
 * in the README: the user's own data returned to them), never into notes about users, logs, or a model.
 */
import { analyseConcurrency, type ConcurrencyReport } from "../../core/concurrency.js";
import type { Issue } from "../../core/result.js";
import { rightsize } from "../../core/rightsize.js";
import { rosterAsOf } from "../../core/roster-as-of.js";
import { optimiseSplit, type SplitReport } from "../../core/split/optimise.js";
import {
  logBounds,
  type Session,
  sessionColumnsOf,
  sessionsOfColumns,
  usersOf,
} from "../../core/usage.js";
import {
  countDateOnlyColumns,
  dateOnlyIssue,
  dateOnlyNote,
} from "../../roster/date-only-sessions.js";
import { asWritten, type RosterFileRead, readRosterFileWith } from "../../roster/read-file.js";
import { zoneOffsetAt } from "../../roster/time-zone.js";
import type { CommandContext, Progress, UploadedFile } from "../context.js";
import {
  type CommandOutcome,
  type Reply,
  type ReplyFile,
  rejected,
  replied,
  type Table,
} from "../reply.js";
import { type ChartFiles, concurrencyCharts, NO_CHARTS, splitCharts } from "./charts.js";
import {
  atOrAboveTable,
  concurrencyData,
  concurrencyHeadline,
  concurrencyWorking,
  groupsTable,
  levelsTable,
  whatIfTable,
} from "./concurrency-reply.js";
import { dateRange, plural } from "./format.js";
import { resolvePolicies } from "./policies.js";
import { type FileRates, type RateUse, rateArg, resolveRates } from "./rates.js";
import { withReadSummary } from "./read-summary.js";
import type { FileRequest } from "./request.js";
import {
  type AsOfUse,
  flaggedUsersFile,
  reasonsTable,
  rightsizeData,
  rightsizeHeadline,
  rightsizeNotes,
  rightsizeWorking,
} from "./rightsize-reply.js";
import { readNotes, skippedRowsFile, skippedRowsTable } from "./row-errors-reply.js";
import { splitProgress } from "./split-progress.js";
import {
  namedUsersFile,
  plansTable,
  refusalPoolSizes,
  refusalsTable,
  type SplitView,
  splitData,
  splitHeadline,
  splitNotes,
  splitWorking,
} from "./split-reply.js";

export type { FileRequest } from "./request.js";

/** What to do with the file: `auto` follows its kind (an upload); the others insist on one. */
export type FileAnalysis = "auto" | "split" | "concurrency" | "rightsize";

/** The file as a follow-up command should name it, quoted when it has spaces. */
function commandRef(file: UploadedFile): string {
  const ref = file.ref ?? file.name;
  return /\s/.test(ref) ? `"${ref}"` : ref;
}

export interface AnalyseFileOptions {
  /** The command named in replies and errors. */
  readonly command: string;
  readonly usage: string;
  readonly mode: FileAnalysis;
  /** A roster read alongside a session log (`--roster`): known users, groups, a rule of thumb. */
  readonly roster?: { readonly name: string; readonly read: RosterFileRead };
  /**
   * Today, epoch ms (midnight UTC). Right-sizing measures to the newest date in the roster unless
   * --as-of names a day (or `today`).
   */
  readonly now: number;
}

export const UPLOAD_USAGE = "upload PATH [--named 70 --concurrent 140] [--roster roster.csv]";

/** Midnight UTC of the day an instant falls on: right-sizing counts whole days. */
export function startOfDay(ms: number): number {
  return ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);
}

/**
 * The Slack app's entry for a file dropped in a channel with no text (and `upload PATH`): the kind
 * of file decides the analysis.
 */
export async function analyseUpload(
  file: UploadedFile,
  ctx: CommandContext,
  progress: Progress,
  request?: FileRequest,
): Promise<CommandOutcome> {
  return analyseFile(file, ctx, progress, request ?? {}, {
    command: "upload",
    usage: UPLOAD_USAGE,
    mode: "auto",
    now: startOfDay(ctx.now().getTime()),
  });
}

/** Stages so far, each finished one ticked, the current one last. */
class Stages {
  private readonly done: string[] = [];
  constructor(private readonly progress: Progress) {}
  async next(finished: string, starting?: string): Promise<void> {
    this.done.push(`${finished}  ✓`);
    await this.progress([...this.done, ...(starting ? [starting] : [])].join("\n"));
  }
  /**
   * The current stage's line, replaced without waiting: for a synchronous step (the split) that
   * reports as it goes. A report that fails to arrive loses only itself; the next stage reports.
   */
  now(current: string): void {
    this.progress([...this.done, current].join("\n")).catch(() => undefined);
  }
}

function kindMismatch(
  read: RosterFileRead,
  file: UploadedFile,
  o: AnalyseFileOptions,
): Issue | undefined {
  const wantsSessions = o.mode === "split" || o.mode === "concurrency";
  if (wantsSessions && read.kind === "roster") {
    return {
      code: "file.wrong_kind",
      message: `${file.name} is a roster (one row per user), not a session log, so it has no logins to measure`,
      hint: `rightsize ${commandRef(file)} --rate 70, or give a session log: ${o.command} sessions.csv`,
    };
  }
  if (o.mode === "rightsize" && read.kind !== "roster") {
    return {
      code: "file.wrong_kind",
      message: `${file.name} is a ${read.kind === "events" ? "login event log" : "session log"}, not a roster (one row per user)`,
      hint: `split ${commandRef(file)} --named 70 --concurrent 140, or give a roster: rightsize roster.csv --rate 70`,
    };
  }
  return undefined;
}

export async function analyseFile(
  file: UploadedFile,
  ctx: CommandContext,
  progress: Progress,
  request: FileRequest,
  o: AnalyseFileOptions,
): Promise<CommandOutcome> {
  const rates = resolveRates(request, ctx);
  if (!rates.ok) return rejected(o.command, rates.issues, o.usage);
  const knownUsers = o.roster?.read.roster
    ? new Set(o.roster.read.roster.map((u) => u.user))
    : undefined;
  // Concurrency alone reads a log's flat columns and nothing else: no object per session.
  const read = await readRosterFileWith(
    file.bytes,
    file.name,
    { ...request.read, ...(knownUsers ? { knownUsers } : {}) },
    { lines: true, sessionObjects: o.mode !== "concurrency" },
  );
  if (!read.ok) return rejected(o.command, read.issues, o.usage);
  const mismatch = kindMismatch(read.value, file, o);
  if (mismatch) return rejected(o.command, [mismatch], o.usage);
  const job: FileJob = {
    file,
    read: read.value,
    rates: rates.value,
    request,
    o,
    stages: new Stages(progress),
    timeZone: request.read?.timeZone ?? "UTC",
    solver: ctx.solver,
    charts: ctx.dataOnly !== true,
  };
  const outcome = await (read.value.kind === "roster" ? rightsizeFile(job) : sessionsFile(job));
  return withReadSummary(outcome, read.value, file.name, request.read?.timeZone, o.roster);
}

/** One analysis under way: what its stages share, handed on as one object. */
interface FileJob {
  readonly file: UploadedFile;
  readonly read: RosterFileRead;
  readonly rates: FileRates;
  readonly request: FileRequest;
  readonly o: AnalyseFileOptions;
  readonly stages: Stages;
  /** Times without a zone are read, and shown, in this zone. */
  readonly timeZone: string;
  readonly solver: CommandContext["solver"];
  /** False when the front end shows only data (`--json`): no charts are drawn. */
  readonly charts: boolean;
}

/** Notes, files and data every file reply shares: how the file was read. */
function fileParts(file: UploadedFile, read: RosterFileRead, rates: FileRates) {
  const skipped = skippedRowsTable(read, file.name);
  const skippedFile = skippedRowsFile(read, file.name);
  const notes = readNotes(read, file.name);
  const priced = rates.named ?? rates.concurrent ?? rates.licence;
  if (rates.currencyAssumed && priced) {
    notes.push(`Amounts in ${rates.currency} (assumed; add --currency to change).`);
  }
  /**
   * `file`: the name, `format` ("csv" | "xlsx") and the reader's summary counts (rows, used,
   * skipped, blankRows, sessions, users, closedAtTimeout, overlapping, merged, duplicates,
   * endBeforeStart, unknownUsers, unknownUserRows, unpairedLogouts).
   * `mapping`: `[{ field, header }]`, the column each field was read from.
   */
  const data = {
    kind: read.kind,
    file: { name: file.name, format: read.format, ...read.summary },
    mapping: read.mapping.map((m) => ({ field: m.field, header: m.header })),
    currency: rates.currency,
    currencyAssumed: rates.currencyAssumed,
  };
  return {
    tables: skipped ? [skipped] : [],
    notes,
    files: skippedFile ? [skippedFile] : [],
    data,
  };
}

async function rightsizeFile(job: FileJob): Promise<CommandOutcome> {
  const { file, read, rates, request, o, stages } = job;
  const users = read.roster ?? [];
  await stages.next(
    `Reading ${file.name} … ${plural(users.length, "user", "users")}.`,
    "Checking who uses their licence …",
  );
  const rate = rates.licence;
  const asOf = asOfFor(request, o.now, users, job.timeZone);
  const report = rightsize(users, {
    now: asOf.ms,
    // Without a rate the counts still hold; money is left out of the reply.
    rate: rate?.given ?? { minor: 0, currency: rates.currency },
    ratePeriod: rate?.period ?? "month",
    ...(request.inactiveDays !== undefined ? { inactiveDays: request.inactiveDays } : {}),
    ...(request.occasionalBelow !== undefined ? { occasionalBelow: request.occasionalBelow } : {}),
    unreadRows: read.summary.skipped - read.summary.duplicates,
  });
  if (!report.ok) return rejected(o.command, report.issues, o.usage);
  const r = report.value;
  const parts = fileParts(file, read, rates);
  const ask = rate
    ? []
    : [
        `No licence rate yet, so no saving: rightsize ${commandRef(file)} --rate 70, or /deal set named 70 in Slack.`,
      ];
  const flagged = flaggedUsersFile(r, (key) => asWritten(key, read.userSpelling));
  return replied({
    command: o.command,
    headline: rightsizeHeadline(r, rate, asOf),
    tables: [reasonsTable(r, rate), ...parts.tables],
    notes: [...ask, ...rightsizeNotes(r, rate, asOf), ...parts.notes],
    working: rightsizeWorking(r, rate),
    next: rate
      ? [
          `split sessions.csv --roster ${commandRef(file)} --named ${rateArg(rate)} --concurrent 140`,
        ]
      : [`rightsize ${commandRef(file)} --rate 70`],
    data: {
      ...parts.data,
      ratesNeeded: rate === undefined,
      concurrency: null,
      split: null,
      rightsize: rightsizeData(r, rate, asOf),
    },
    files: [...(flagged ? [flagged] : []), ...parts.files],
  });
}

/**
 * The day right-sizing measures to: --as-of's day, today for `--as-of today`, else the newest
 * date in the roster (its calendar day in the file's time zone), so the answer does not drift.
 */
function asOfFor(
  request: FileRequest,
  today: number,
  users: NonNullable<RosterFileRead["roster"]>,
  timeZone: string,
): AsOfUse {
  if (request.asOf !== undefined) return { ms: request.asOf, source: "typed", afterToday: 0 };
  if (request.asOfToday) return { ms: today, source: "today", afterToday: 0 };
  const found = rosterAsOf(users, today, (ms) => startOfDay(ms + zoneOffsetAt(timeZone, ms)));
  return {
    ms: found.ms,
    source: found.source === "file" ? "file" : "no-dates",
    afterToday: found.afterToday,
  };
}

/** The roster's "agents and leads named" rule, as the negotiator would apply it by hand. */
function agentsAndLeads(roster: RosterFileRead | undefined): { label: string; named: string[] }[] {
  const pattern = /agent|lead|analyst|engineer|technician|support|service ?desk|fulfil/i;
  const named = (roster?.roster ?? [])
    .filter((u) => pattern.test(`${u.role ?? ""} ${u.group ?? ""}`))
    .map((u) => u.user);
  return named.length > 0 ? [{ label: "rule of thumb (agents and leads named)", named }] : [];
}

function groupsOf(roster: RosterFileRead | undefined): Map<string, string> | undefined {
  const withGroup = (roster?.roster ?? []).filter((u) => u.group !== undefined);
  return withGroup.length > 0
    ? new Map(withGroup.map((u) => [u.user, u.group as string]))
    : undefined;
}

function missingRatesLine(file: UploadedFile, rates: FileRates): string {
  const missing = [rates.named ? "" : "named", rates.concurrent ? "" : "concurrent"].filter(
    Boolean,
  );
  const what = missing.length === 2 ? "the rates" : `the ${missing[0]} rate`;
  return `Give me ${what} to find the cheapest split: split ${commandRef(file)} --named 70 --concurrent 140, or /deal set named 70 concurrent 140 in Slack.`;
}

async function sessionsFile(job: FileJob): Promise<CommandOutcome> {
  const { file, read, rates, request, o, stages, timeZone } = job;
  // The reader's flat columns (concurrency alone gets only those): the same figures without a
  // pass over a million objects.
  const columns = read.sessionColumns ?? sessionColumnsOf(read.sessions ?? []);
  // Dates with no times read as sessions of no length (a "£0, proven optimal" split): refuse.
  const dateOnly = countDateOnlyColumns(columns, timeZone);
  const noTimes = dateOnlyIssue(dateOnly, file.name);
  if (noTimes) return rejected(o.command, [noTimes], o.usage);
  const { first, last } = logBounds(columns);
  const range = columns.starts.length > 0 ? `, ${dateRange(first, last, timeZone)}` : "";
  await stages.next(
    `Reading ${file.name} … ${plural(read.summary.sessions, "session", "sessions")} from ${plural(read.summary.users, "person", "people")}${range}.`,
    "Measuring concurrency …",
  );
  const policies = resolvePolicies(
    request,
    o.roster ? { name: o.roster.name, users: o.roster.read.roster ?? [] } : undefined,
    usersOf(columns),
  );
  if (!policies.ok) return rejected(o.command, policies.issues, o.usage);
  const { forceNamed, forceConcurrent } = policies.value;
  const groups = groupsOf(o.roster?.read);
  const offset = columns.starts.length > 0 ? Math.round(zoneOffsetAt(timeZone, first) / 60_000) : 0;
  const measured = analyseConcurrency(columns, {
    utcOffsetMinutes: offset,
    ...(groups ? { groups } : {}),
  });
  if (!measured.ok) return rejected(o.command, measured.issues, o.usage);
  const c = measured.value;
  const logSpan = c.window ? c.window.end - c.window.start : 0;
  const parts = fileParts(file, read, rates);
  const caution = dateOnlyNote(dateOnly);
  if (caution) parts.notes.unshift(caution);
  const wantsSplit = o.mode !== "concurrency";
  const priced = wantsSplit && rates.named && rates.concurrent;
  const chartTime = { utcOffsetMinutes: offset, timeZone };
  if (!priced) {
    const charts = job.charts ? await concurrencyCharts(c.steps, chartTime) : NO_CHARTS;
    await stages.next(`Measuring concurrency … peak ${c.peak}.`);
    return replied(concurrencyReply(job, { c, parts, logSpan, askForRates: wantsSplit, charts }));
  }
  await stages.next(`Measuring concurrency … peak ${c.peak}.`, "Finding the cheapest split …");
  // The split works on Session objects: the reader gave them, or they are made from the columns.
  const sessions: readonly Session[] = read.sessions ?? sessionsOfColumns(columns);
  const named = rates.named as RateUse;
  const concurrent = rates.concurrent as RateUse;
  const solve = await job.solver();
  const split = optimiseSplit(
    sessions,
    {
      namedRate: named.annual,
      concurrentRate: concurrent.annual,
      ...(request.headroom ? { headroom: request.headroom } : {}),
      forceNamed,
      forceConcurrent,
      ...(request.timeLimitSeconds !== undefined
        ? { timeLimitSeconds: request.timeLimitSeconds }
        : {}),
      extraBaselines: agentsAndLeads(o.roster?.read),
      onProgress: splitProgress((text) => stages.now(text), named.annual.currency),
    },
    solve,
  );
  if (!split.ok) return rejected(o.command, split.issues, o.usage);
  // Ids are shown as the session file wrote them; a forced user with no session, as the roster did.
  const showUser = (key: string) => asWritten(key, read.userSpelling, o.roster?.read.userSpelling);
  const view: SplitView = {
    report: split.value,
    named,
    concurrent,
    refusals: pooledRefusals(sessions, split.value),
    logSpanMs: logSpan,
    policies: policies.value,
    showUser,
    ...(request.headroom ? { headroom: request.headroom } : {}),
  };
  const refusals = refusalsTable(view);
  const unknownForced = forcedWithoutSessions(request, sessions);
  const charts = job.charts
    ? await splitCharts(sessions, {
        ...chartTime,
        report: split.value,
        named,
        concurrent,
        ...(request.headroom ? { headroom: request.headroom } : {}),
        forceNamed,
        forceConcurrent,
      })
    : NO_CHARTS;
  return replied({
    command: o.command,
    headline: splitHeadline(view),
    tables: [plansTable(view), ...(refusals ? [refusals] : []), ...parts.tables],
    notes: [...splitNotes(view), ...unknownForced, ...parts.notes, ...charts.notes],
    working: splitWorking(view),
    next: [
      `concurrency ${commandRef(file)}`,
      `split ${commandRef(file)} --named ${rateArg(named)} --concurrent ${rateArg(concurrent)} --headroom 10%`,
    ],
    data: {
      ...parts.data,
      ratesNeeded: false,
      concurrency: concurrencyData(c),
      split: splitData(view),
      rightsize: null,
    },
    files: [namedUsersFile(split.value, showUser), ...charts.files, ...parts.files],
  });
}

/** The optimum's pooled people replayed at pool sizes around its pool (what a smaller pool refuses). */
function pooledRefusals(sessions: readonly Session[], r: SplitReport) {
  if (r.optimum.pool === 0) return [];
  const named = new Set(r.optimum.named);
  const pooled = sessions.filter((s) => !named.has(s.user));
  const replay = analyseConcurrency(pooled, { poolSizes: refusalPoolSizes(r.optimum.pool) });
  return replay.ok ? replay.value.whatIf : [];
}

/** A forced user with no session costs a named seat anyway: say so (the user typed the names). */
function forcedWithoutSessions(request: FileRequest, sessions: readonly Session[]): string[] {
  if (!request.forceNamed || request.forceNamed.size === 0) return [];
  const seen = new Set(sessions.map((s) => s.user));
  const absent = [...request.forceNamed].filter((u) => !seen.has(u)).sort();
  if (absent.length === 0) return [];
  return [
    `${plural(absent.length, "person", "people")} in --force-named ${absent.length === 1 ? "has" : "have"} no sessions in the file and still ${absent.length === 1 ? "takes a named seat" : "take named seats"}: ${absent.join(", ")}.`,
  ];
}

/** What a concurrency reply is made of, once measured. */
interface ConcurrencyParts {
  readonly c: ConcurrencyReport;
  readonly parts: ReturnType<typeof fileParts>;
  /** Length of the log, ms: what-if refusals are counted per week of it. */
  readonly logSpan: number;
  /** The split was wanted but a rate is missing: say which, in one line. */
  readonly askForRates: boolean;
  readonly charts: ChartFiles;
}

function concurrencyReply(job: FileJob, m: ConcurrencyParts): Reply {
  const { file, o, timeZone, rates } = job;
  const { c, parts, logSpan, askForRates, charts } = m;
  const tables: Table[] = [levelsTable(c)];
  const atOrAbove = atOrAboveTable(c);
  if (atOrAbove) tables.push(atOrAbove);
  const whatIf = whatIfTable(c, logSpan);
  if (whatIf) tables.push(whatIf);
  const groups = groupsTable(c, timeZone);
  if (groups) tables.push(groups);
  tables.push(...parts.tables);
  const files: ReplyFile[] = [...charts.files, ...parts.files];
  return {
    command: o.command,
    headline: concurrencyHeadline(c, timeZone),
    tables,
    notes: [
      ...(askForRates ? [missingRatesLine(file, rates)] : []),
      ...parts.notes,
      ...charts.notes,
    ],
    working: concurrencyWorking(c),
    next: [`split ${commandRef(file)} --named 70 --concurrent 140`],
    data: {
      ...parts.data,
      ratesNeeded: askForRates,
      concurrency: concurrencyData(c),
      split: null,
      rightsize: null,
    },
    files,
  };
}
