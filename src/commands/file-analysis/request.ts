/**
 * The options every file command shares (split, concurrency, rightsize, upload), parsed from what
 * was typed into a FileRequest. Values stay as typed (amounts exact, currency undecided) until the
 * analysis knows the channel's deal and default currency.
 */
import { failAll, type Issue, ok, type Result } from "../../core/result.js";
import type { SplitOptions } from "../../core/split/optimise.js";
import { FIELDS } from "../../roster/columns.js";
import type { Field, ReadOptions } from "../../roster/read-file.js";
import {
  type CurrencySign,
  parseAmount,
  parseCount,
  parsePercent,
  type TypedAmount,
} from "../grammar/amounts.js";
import { looksLikeCurrencyCode } from "../grammar/currency.js";
import { type OptionSpec, parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { groupKey } from "./group-key.js";

/** Extra pool on top of the pooled peak: a share (rounded up to seats) and/or seats. */
export type Headroom = NonNullable<SplitOptions["headroom"]>;

export interface FileRequest {
  /** Named rate as typed (`--named 70`, per user per month unless `/yr`). */
  readonly named?: TypedAmount;
  /** Concurrent rate as typed (`--concurrent 140`, per pool seat per month unless `/yr`). */
  readonly concurrent?: TypedAmount;
  /** Right-sizing: the price of one licence (`--rate 70`); the named rate when absent. */
  readonly rate?: TypedAmount;
  /** Currency codes typed (`--currency GBP` or a bare `GBP`). */
  readonly currencyCodes?: readonly string[];
  readonly headroom?: Headroom;
  /** Lower-cased user keys (e-mail or id), as sessions use them. */
  readonly forceNamed?: ReadonlySet<string>;
  readonly forceConcurrent?: ReadonlySet<string>;
  /** Group (or role) names from the roster, as typed: `--force-named-groups "Service Desk,HR"`. */
  readonly forceNamedGroups?: readonly string[];
  readonly forceConcurrentGroups?: readonly string[];
  /** `--no-vip-policy`: roster VIPs are planned like anyone else (named by default). */
  readonly noVipPolicy?: boolean;
  /** How to read the file: --map, --date-format, --tz, --timeout, --count, --sheet. */
  readonly read?: ReadOptions;
  readonly inactiveDays?: number;
  readonly occasionalBelow?: number;
  readonly timeLimitSeconds?: number;
  /** Right-sizing's "today" (epoch ms, UTC midnight), `--as-of 2026-10-01`. */
  readonly asOf?: number;
  /** `--as-of today`: measure to today's date, not the newest date in the file (the default). */
  readonly asOfToday?: boolean;
}

/** What a file command typed: the paths (file, then `--roster`) and the request. */
export interface TypedFileCommand {
  readonly path: string | undefined;
  readonly rosterPath: string | undefined;
  /** `--roster-key "Employee ID"`: the roster's column holding the ids the log uses. */
  readonly rosterKey?: string;
  readonly request: FileRequest;
}

const SPECS: readonly OptionSpec[] = [
  { name: "named", aliases: ["named-rate", "n"] },
  { name: "concurrent", aliases: ["concurrent-rate", "conc", "c"] },
  { name: "rate" },
  { name: "currency" },
  { name: "headroom" },
  { name: "force-named" },
  { name: "force-concurrent" },
  { name: "force-named-groups", aliases: ["force-named-group"] },
  { name: "force-concurrent-groups", aliases: ["force-concurrent-group"] },
  { name: "no-vip-policy", flag: true },
  { name: "timeout" },
  { name: "count" },
  { name: "date-format", aliases: ["dates"] },
  { name: "tz", aliases: ["timezone", "time-zone"] },
  { name: "sheet" },
  { name: "inactive" },
  { name: "occasional" },
  { name: "time-limit" },
  { name: "as-of" },
  { name: "roster" },
  { name: "roster-key" },
];

const MAP_HINT = '--map start="Login Time" (fields: user, start, end, duration, timestamp, event…)';

/** `--map` may repeat and may hold a comma list, so it is taken out before the shared parser. */
function takeMaps(tokens: readonly string[]): { rest: string[]; maps: string[] } {
  const rest: string[] = [];
  const maps: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const m = /^--?map(?:=(.*))?$/i.exec(token);
    if (!m) {
      rest.push(token);
    } else if (m[1] !== undefined) {
      maps.push(m[1]);
    } else {
      maps.push(tokens[i + 1] ?? "");
      i++;
    }
  }
  return { rest, maps };
}

/** `start="Login Time"`, `end=Logout, user=Email` → field → header. Field names ignore case. */
function parseMaps(maps: readonly string[], issues: Issue[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  const byLower = new Map(FIELDS.map((f): [string, Field] => [f.toLowerCase(), f]));
  for (const entry of maps.flatMap((m) => m.split(","))) {
    const m = /^\s*([a-z]+)\s*=\s*"?(.*?)"?\s*$/i.exec(entry);
    const field = m?.[1] ? byLower.get(m[1].toLowerCase()) : undefined;
    const header = m?.[2] ?? "";
    if (!field || header === "") {
      issues.push({
        code: "options.map",
        message: `--map "${entry.trim()}" is not field="Column name"`,
        hint: MAP_HINT,
      });
      continue;
    }
    out[field] = header;
  }
  return out;
}

/** `10%` (a share of the pooled peak, rounded up) or `+5` / `5` (seats). */
export function parseHeadroom(token: string): Result<Headroom> {
  const seats = /^\+?(\d+)$/.exec(token.trim());
  if (seats?.[1]) return ok({ seats: Number(seats[1]) });
  if (/%$/.test(token.trim())) {
    const p = parsePercent(token, "--headroom");
    if (p.ok && p.value.num >= 0n) return ok({ percent: p.value });
  }
  return failAll([
    {
      code: "options.headroom",
      message: `--headroom "${token}" is not a percentage or a number of seats`,
      hint: "--headroom 10% (extra pool on top of the peak) or --headroom +5 (five extra seats)",
    },
  ]);
}

/** A comma list of user e-mails or ids, lower-cased like the keys sessions use. */
export function parseUserList(token: string, option: string): Result<ReadonlySet<string>> {
  const users = new Set<string>();
  for (const raw of token.split(",")) {
    const user = raw.trim().toLowerCase();
    const emailish = user.includes("@");
    const bad =
      user === "" || /[\s"'<>;]/.test(user) || (emailish && !/^[^@]+@[^@]+\.[^@]+$/.test(user));
    if (bad) {
      return failAll([
        {
          code: "options.user_list",
          message: `${option} entry "${raw.trim()}" is not a user e-mail or id`,
          hint: `${option} a.smith@example.com,b.jones@example.com (commas, no spaces)`,
        },
      ]);
    }
    users.add(user);
  }
  return ok(users);
}

/** A comma list of group (or role) names, kept as typed; duplicates (ignoring case, spaces) dropped. */
export function parseGroupList(token: string, option: string): Result<readonly string[]> {
  const groups = new Map<string, string>();
  for (const raw of token.split(",")) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (name === "") {
      return failAll([
        {
          code: "options.group_list",
          message: `${option} "${token}" has an empty group name`,
          hint: `${option} "Service Desk,Managers" (a comma list; quotes around names with spaces)`,
        },
      ]);
    }
    const key = groupKey(name);
    if (!groups.has(key)) groups.set(key, name);
  }
  return ok([...groups.values()]);
}

/** `30m`, `30`, `1h`, `90min`, `1.5h` → minutes. */
export function parseTimeout(token: string): Result<number> {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hr|hrs|hours?)?$/i.exec(token.trim());
  if (m?.[1]) {
    const n = Number(m[1]);
    const minutes = /^h/i.test(m[2] ?? "") ? n * 60 : n;
    if (minutes > 0) return ok(minutes);
  }
  return failAll([
    {
      code: "options.timeout",
      message: `--timeout "${token}" is not a length of time`,
      hint: "--timeout 30m (a login with no logout ends 30 minutes later) or --timeout 2h",
    },
  ]);
}

/** `2026-10-01` → that day at 00:00 UTC. */
export function parseAsOf(token: string): Result<number> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ok(ms);
    }
  }
  return failAll([
    {
      code: "options.as_of",
      message: `--as-of "${token}" is not a date`,
      hint: "--as-of 2026-10-01 (year-month-day), or --as-of today",
    },
  ]);
}

function positiveSeconds(token: string): Result<number> {
  const m = /^(\d+(?:\.\d+)?)s?$/.exec(token.trim());
  const n = m?.[1] ? Number(m[1]) : Number.NaN;
  if (n > 0) return ok(n);
  return failAll([
    {
      code: "options.time_limit",
      message: `--time-limit "${token}" is not a number of seconds above zero`,
      hint: "--time-limit 10 (the solver's budget in seconds of work; default 10)",
    },
  ]);
}

function amount(value: string | undefined, label: string, issues: Issue[]) {
  if (value === undefined) return undefined;
  const r = parseAmount(value, label);
  if (!r.ok) {
    issues.push(...r.issues);
    return undefined;
  }
  if (r.value.value.num <= 0n) {
    issues.push({
      code: "options.rate_not_positive",
      message: `${label} "${value}" must be more than zero`,
      hint: "e.g. --named 70 --concurrent 140",
    });
    return undefined;
  }
  return r.value;
}

function take<T>(r: Result<T>, issues: Issue[]): T | undefined {
  if (r.ok) return r.value;
  issues.push(...r.issues);
  return undefined;
}

/** Parses a file command's text: one path, optional `--roster PATH`, and the shared options. */
export function parseFileCommand(text: string, usage: string): Result<TypedFileCommand> {
  const { rest, maps } = takeMaps(tokenize(text));
  const parsed = parseOptions(rest, SPECS, usage);
  if (!parsed.ok) return parsed;
  const v = parsed.value.values;
  const issues: Issue[] = [];
  const codes: string[] = [];
  const paths: string[] = [];
  for (const word of parsed.value.positional) {
    if (looksLikeCurrencyCode(word)) codes.push(word);
    else paths.push(word);
  }
  const currencyOption = v.get("currency");
  if (currencyOption !== undefined) codes.push(currencyOption);
  if (paths.length > 1) {
    issues.push({
      code: "file.too_many_paths",
      message: `I expected one file, got ${paths.map((p) => `"${p}"`).join(" and ")}`,
      hint: 'quote a path with spaces: split "Agent sessions.csv" --named 70 --concurrent 140',
    });
  }
  const mapOverrides = parseMaps(maps, issues);
  const read: {
    -readonly [K in keyof ReadOptions]: ReadOptions[K];
  } = {};
  if (Object.keys(mapOverrides).length > 0) read.mapOverrides = mapOverrides;
  const dateFormat = v.get("date-format");
  if (dateFormat !== undefined) read.dateFormat = dateFormat.toLowerCase() as "dd/mm";
  const tz = v.get("tz");
  if (tz !== undefined) read.timeZone = tz;
  const timeout = v.get("timeout");
  if (timeout !== undefined) {
    const t = take(parseTimeout(timeout), issues);
    if (t !== undefined) read.sessionTimeoutMinutes = t;
  }
  const count = v.get("count")?.toLowerCase();
  if (count !== undefined) {
    if (count === "sessions") read.countSessions = true;
    else if (count === "users" || count === "people") read.countSessions = false;
    else {
      issues.push({
        code: "options.count",
        message: `--count "${count}" is not sessions or users`,
        hint: "--count sessions (each overlapping session takes a slot) or --count users (the default)",
      });
    }
  }
  const sheet = v.get("sheet");
  if (sheet !== undefined) read.sheet = sheet;

  const request: { -readonly [K in keyof FileRequest]: FileRequest[K] } = { read };
  const named = amount(v.get("named"), "the named rate", issues);
  const concurrent = amount(v.get("concurrent"), "the concurrent rate", issues);
  const rate = amount(v.get("rate"), "the licence rate", issues);
  if (named) request.named = named;
  if (concurrent) request.concurrent = concurrent;
  if (rate) request.rate = rate;
  if (codes.length > 0) request.currencyCodes = codes;
  const headroom = v.get("headroom");
  if (headroom !== undefined) {
    const h = take(parseHeadroom(headroom), issues);
    if (h) request.headroom = h;
  }
  for (const [option, key] of [
    ["force-named", "forceNamed"],
    ["force-concurrent", "forceConcurrent"],
  ] as const) {
    const list = v.get(option);
    if (list === undefined) continue;
    const users = take(parseUserList(list, `--${option}`), issues);
    if (users) request[key] = users;
  }
  for (const [option, key] of [
    ["force-named-groups", "forceNamedGroups"],
    ["force-concurrent-groups", "forceConcurrentGroups"],
  ] as const) {
    const list = v.get(option);
    if (list === undefined) continue;
    const groups = take(parseGroupList(list, `--${option}`), issues);
    if (groups) request[key] = groups;
  }
  if (parsed.value.flags.has("no-vip-policy")) request.noVipPolicy = true;
  const inactive = v.get("inactive");
  if (inactive !== undefined) {
    const n = take(parseCount(inactive.replace(/d(ays?)?$/i, ""), "--inactive"), issues);
    if (n !== undefined) request.inactiveDays = n;
  }
  const occasional = v.get("occasional");
  if (occasional !== undefined) {
    const n = take(parseCount(occasional, "--occasional"), issues);
    if (n !== undefined) request.occasionalBelow = n;
  }
  const limit = v.get("time-limit");
  if (limit !== undefined) {
    const n = take(positiveSeconds(limit), issues);
    if (n !== undefined) request.timeLimitSeconds = n;
  }
  const asOf = v.get("as-of");
  if (asOf?.trim().toLowerCase() === "today") request.asOfToday = true;
  else if (asOf !== undefined) {
    const n = take(parseAsOf(asOf), issues);
    if (n !== undefined) request.asOf = n;
  }
  const rosterPath = v.get("roster");
  const rosterKey = v.get("roster-key");
  if (rosterKey !== undefined && rosterPath === undefined) {
    issues.push({
      code: "options.roster_key_without_roster",
      message: `--roster-key "${rosterKey}" chooses the key column of the roster given with --roster, and no --roster was given`,
      hint: `--roster roster.csv --roster-key "${rosterKey}" (to choose the user column of the file itself: --map user="${rosterKey}")`,
    });
  }
  if (issues.length > 0) return failAll(issues);
  return ok({ path: paths[0], rosterPath, ...(rosterKey ? { rosterKey } : {}), request });
}

/** The currency signs on the typed rates, for chooseCurrency. */
export function typedSigns(request: FileRequest): CurrencySign[] {
  return [request.named, request.concurrent, request.rate].flatMap((a) =>
    a?.sign ? [a.sign] : [],
  );
}
