/**
 * Options for reading a roster, session log or event log. Validated with zod at the entry so a bad
 * option becomes a coded issue that names the command-line option the user typed.
 */
import { z } from "zod";
import { failAll, type Issue, ok, type Result } from "../core/result.js";
import type { Field } from "./columns.js";
import { isTimeZone } from "./time-zone.js";

export type DayMonthOrder = "dd/mm" | "mm/dd";

export interface ReadOptions {
  /** Field → header as written in the file, e.g. `{ start: "Login Time" }` (`--map`). */
  readonly mapOverrides?: Readonly<Partial<Record<Field, string>>>;
  /** Order of `nn/nn/yyyy` dates; required only when the file itself doesn't prove it. */
  readonly dateFormat?: DayMonthOrder;
  /** IANA zone of times written without an offset (`--tz`); default UTC. */
  readonly timeZone?: string;
  /** A login with no logout ends this many minutes after it started (`--timeout`); default 30. */
  readonly sessionTimeoutMinutes?: number;
  /** Count overlapping sessions of one user separately instead of merging them (`--count sessions`). */
  readonly countSessions?: boolean;
  /** XLSX sheet to read; default the first. */
  readonly sheet?: string;
  /**
   * For a roster read beside a log (`--roster-key`): the header of its user column, checked against
   * the file (an issue naming the option and the nearest column when it has none such).
   */
  readonly rosterKey?: string;
  /**
   * User keys from a roster (its RosterUser.user values, already lower-cased): session rows of
   * anyone else are flagged and still counted.
   */
  readonly knownUsers?: ReadonlySet<string>;
}

export interface ResolvedOptions {
  readonly mapOverrides: Readonly<Partial<Record<Field, string>>>;
  readonly dateFormat: DayMonthOrder | undefined;
  readonly timeZone: string;
  readonly sessionTimeoutMs: number;
  readonly countSessions: boolean;
  readonly sheet: string | undefined;
  readonly rosterKey: string | undefined;
  readonly knownUsers: ReadonlySet<string> | undefined;
}

export const DEFAULT_SESSION_TIMEOUT_MINUTES = 30;

const optionsSchema = z.object({
  mapOverrides: z.record(z.string(), z.string()).optional(),
  dateFormat: z.enum(["dd/mm", "mm/dd"]).optional(),
  timeZone: z.string().refine(isTimeZone).optional(),
  sessionTimeoutMinutes: z
    .number()
    .positive()
    .max(7 * 24 * 60)
    .optional(),
  countSessions: z.boolean().optional(),
  sheet: z.string().min(1).optional(),
  rosterKey: z.string().trim().min(1).optional(),
  knownUsers: z.custom<ReadonlySet<string>>((v) => v instanceof Set).optional(),
});

/** The issue each option gets when invalid: the user typed a command-line option, so name that. */
function optionIssue(key: string, options: ReadOptions): Issue {
  switch (key) {
    case "dateFormat":
      return {
        code: "options.date_format",
        message: `--date-format "${String(options.dateFormat)}" is not dd/mm or mm/dd`,
        hint: "--date-format dd/mm (25/03/2026 is 25 March) or --date-format mm/dd (03/25/2026)",
      };
    case "timeZone":
      return {
        code: "options.time_zone",
        message: `--tz "${String(options.timeZone)}" is not a time zone`,
        hint: "--tz Europe/London (an IANA zone name; the default is UTC)",
      };
    case "sessionTimeoutMinutes":
      return {
        code: "options.timeout",
        message: `--timeout must be more than 0 and at most 7 days (got ${String(options.sessionTimeoutMinutes)} minutes)`,
        hint: "--timeout 30m",
      };
    case "rosterKey":
      return {
        code: "options.roster_key",
        message: "--roster-key needs the name of a column of the roster",
        hint: '--roster-key "Employee ID"',
      };
    case "sheet":
      return {
        code: "options.sheet",
        message: "--sheet needs a sheet name",
        hint: '--sheet "Agents"',
      };
    default:
      return { code: "options.invalid", message: `option ${key} is not valid` };
  }
}

export function resolveOptions(options: ReadOptions): Result<ResolvedOptions> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "")))];
    return failAll(keys.map((k) => optionIssue(k, options)));
  }
  return ok({
    mapOverrides: options.mapOverrides ?? {},
    dateFormat: options.dateFormat,
    timeZone: options.timeZone ?? "UTC",
    sessionTimeoutMs: (options.sessionTimeoutMinutes ?? DEFAULT_SESSION_TIMEOUT_MINUTES) * 60_000,
    countSessions: options.countSessions ?? false,
    sheet: options.sheet,
    rosterKey: options.rosterKey,
    knownUsers: options.knownUsers,
  });
}
