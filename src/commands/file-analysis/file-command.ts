/**
 * The commands that analyse a file named by path (split, concurrency, rightsize, upload): read the
 * path through the front end's FileSource (with clear errors for a missing file, a folder, an
 * unreadable or oversized file; in Slack, "share the file instead"), read an optional `--roster`,
 * then run the same analysis a Slack upload gets, with the front end's progress.
 */
import { failAll, ok, type Result } from "../../core/result.js";
import { type RosterFileRead, readRosterFile } from "../../roster/read-file.js";
import type { Command } from "../command.js";
import type { CommandContext, Progress } from "../context.js";
import { type CommandOutcome, rejected } from "../reply.js";
import { readTypedFile } from "../typed-file.js";
import { analyseFile, type FileAnalysis, startOfDay } from "./analyse.js";
import { parseFileCommand } from "./request.js";

const noProgress: Progress = async () => undefined;

export interface FileCommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly usage: string;
  readonly examples: readonly string[];
  readonly help: readonly string[];
  readonly mode: FileAnalysis;
}

/** The options every file command accepts, for `help COMMAND`. */
export const FILE_OPTIONS_HELP: readonly string[] = [
  "--named 70 --concurrent 140: rates per user / pool seat per month (write 840/yr for a yearly rate); else the channel's deal; without them you get the usage part and a one-line ask.",
  "--currency GBP (or a bare GBP, or a £/$/€ sign on a rate).",
  "--headroom 10% (pool on top of the peak, rounded up) or --headroom +5 (seats).",
  "--force-named a@x.com,b@y.com and --force-concurrent …: people whose licence type is decided by policy (someone typed in --force-named with no sessions still takes a seat).",
  '--force-named-groups "Service Desk,Managers" and --force-concurrent-groups HR,Finance (need --roster): everyone in those groups who is in the log; a name matches the roster\'s group column, else its role column, ignoring case and spaces.',
  "Roster VIPs are named by default (--no-vip-policy to plan them like anyone else). Someone forced both named and concurrent is an error; the reply counts each policy: Forced named: 12 (VIP 3, group Service Desk 9).",
  "--roster roster.csv: a roster alongside a session log (users not in it are flagged; groups give a per-group peak and an agents-and-leads rule of thumb).",
  "--timeout 30m: a login with no logout ends this long after it (default 30m). --count sessions: overlapping sessions of one person each take a slot (default: counted once).",
  '--date-format dd/mm | mm/dd when the file can\'t tell; --tz Europe/London for times without a zone (default UTC); --map start="Login Time" (repeat, or a comma list) to name columns; --sheet "Agents" for an XLSX sheet.',
  "--time-limit 10: seconds the solver may take (the reply states how close to optimal it got).",
  "Right-sizing: --rate 70 (the licence price), --inactive 60 (days), --occasional 5 (activity below which a user is occasional), --as-of 2026-10-01 (today otherwise).",
  "Skipped rows are listed (first few) and saved in skipped-rows.csv; named-users.csv and flagged-users.csv hold the people — personal data stays in the files.",
];

async function readRoster(
  ctx: CommandContext,
  path: string,
  command: string,
  dates: { dateFormat?: "dd/mm" | "mm/dd"; timeZone?: string },
): Promise<Result<{ name: string; read: RosterFileRead }>> {
  const file = await readTypedFile(ctx, path);
  if (!file.ok) return file;
  const read = await readRosterFile(file.value.bytes, file.value.name, dates);
  if (!read.ok) return read;
  if (read.value.kind !== "roster") {
    return failAll([
      {
        code: "file.roster_not_roster",
        message: `--roster ${file.value.name} is a ${read.value.kind === "events" ? "login event log" : "session log"}, not a roster (one row per user)`,
        hint: `${command} sessions.csv --roster roster.csv`,
      },
    ]);
  }
  return ok({ name: file.value.name, read: read.value });
}

export function fileCommand(spec: FileCommandSpec): Command {
  return {
    name: spec.name,
    aliases: spec.aliases,
    summary: spec.summary,
    usage: spec.usage,
    examples: spec.examples,
    help: spec.help,
    async run(text: string, ctx: CommandContext): Promise<CommandOutcome> {
      const typed = parseFileCommand(text, spec.usage);
      if (!typed.ok) return rejected(spec.name, typed.issues, spec.usage);
      const { path, rosterPath, request } = typed.value;
      if (path === undefined) {
        return rejected(
          spec.name,
          [
            {
              code: "file.missing_path",
              message: "which file? Give the path of a CSV or XLSX export",
              hint: spec.examples[0] ?? spec.usage,
            },
          ],
          spec.usage,
        );
      }
      if (rosterPath !== undefined && spec.mode === "rightsize") {
        return rejected(
          spec.name,
          [
            {
              code: "options.roster",
              message: "--roster goes with a session log; rightsize reads the roster itself",
              hint: "rightsize roster.csv --rate 70",
            },
          ],
          spec.usage,
        );
      }
      const file = await readTypedFile(ctx, path);
      if (!file.ok) return rejected(spec.name, file.issues, spec.usage);
      let roster: { name: string; read: RosterFileRead } | undefined;
      if (rosterPath !== undefined) {
        const dates = {
          ...(request.read?.dateFormat ? { dateFormat: request.read.dateFormat } : {}),
          ...(request.read?.timeZone ? { timeZone: request.read.timeZone } : {}),
        };
        const r = await readRoster(ctx, rosterPath, spec.name, dates);
        if (!r.ok) return rejected(spec.name, r.issues, spec.usage);
        roster = r.value;
      }
      return analyseFile(file.value, ctx, ctx.progress ?? noProgress, request, {
        command: spec.name,
        usage: spec.usage,
        mode: spec.mode,
        now: startOfDay(ctx.now().getTime()),
        ...(roster ? { roster } : {}),
      });
    },
  };
}
