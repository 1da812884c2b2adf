/**
 * The commands that analyse a file on disk (split, concurrency, rightsize, upload): read the path
 * typed (with clear errors for a missing file, a folder, an unreadable or oversized file), read an
 * optional `--roster`, then run the same analysis a Slack upload gets. Progress goes to stderr when
 * it is a terminal, so pipes and `--json` stay clean.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { failAll, ok, type Result } from "../../core/result.js";
import { type RosterFileRead, readRosterFile } from "../../roster/read-file.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { type CommandOutcome, rejected } from "../reply.js";
import { analyseFile, type FileAnalysis, type Progress, startOfDay } from "./analyse.js";
import { parseFileCommand } from "./request.js";

/** Large enough for a million-row session log (~60 MB), small enough to hold in memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface FileOnDisk {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The path as typed, for follow-up commands. */
  readonly ref: string;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** Reads a file the user named, or says in their terms why it can't be read. */
export async function readFileFromDisk(
  path: string,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<Result<FileOnDisk>> {
  const name = basename(path);
  const failWith = (code: string, message: string, hint: string) =>
    failAll([{ code, message, hint }]);
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return failWith(
        "file.is_directory",
        `${path} is a folder, not a file`,
        "give the path of a CSV or XLSX file, e.g. exports/sessions.csv",
      );
    }
    if (info.size > maxBytes) {
      return failWith(
        "file.too_large",
        `${name} is ${Math.ceil(info.size / 1024 / 1024)} MB; the limit is ${Math.floor(maxBytes / 1024 / 1024)} MB`,
        "export a shorter period (a month is plenty) or only the user, login and logout columns",
      );
    }
    return ok({ name, bytes: new Uint8Array(await readFile(path)), ref: path });
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") {
      return failWith(
        "file.not_found",
        `I can't find ${path}`,
        "check the spelling and the folder; a path with spaces needs quotes",
      );
    }
    if (code === "EISDIR") {
      return failWith(
        "file.is_directory",
        `${path} is a folder, not a file`,
        "give the path of a CSV or XLSX file",
      );
    }
    if (code === "EACCES" || code === "EPERM") {
      return failWith(
        "file.unreadable",
        `I'm not allowed to read ${path}`,
        "check the file's permissions, or copy it somewhere you can read",
      );
    }
    return failWith(
      "file.unreadable",
      `I couldn't read ${path}`,
      "check that the file is a CSV or XLSX export",
    );
  }
}

/** Stages on one line each on a terminal's stderr; nothing elsewhere. */
export const stderrProgress: Progress = async (text) => {
  if (!process.stderr.isTTY) return;
  const lines = text.split("\n");
  process.stderr.write(`${lines[lines.length - 1] ?? ""}\n`);
};

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
  path: string,
  command: string,
  dates: { dateFormat?: "dd/mm" | "mm/dd"; timeZone?: string },
): Promise<Result<{ name: string; read: RosterFileRead }>> {
  const file = await readFileFromDisk(path);
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
      const file = await readFileFromDisk(path);
      if (!file.ok) return rejected(spec.name, file.issues, spec.usage);
      let roster: { name: string; read: RosterFileRead } | undefined;
      if (rosterPath !== undefined) {
        const dates = {
          ...(request.read?.dateFormat ? { dateFormat: request.read.dateFormat } : {}),
          ...(request.read?.timeZone ? { timeZone: request.read.timeZone } : {}),
        };
        const r = await readRoster(rosterPath, spec.name, dates);
        if (!r.ok) return rejected(spec.name, r.issues, spec.usage);
        roster = r.value;
      }
      return analyseFile(file.value, ctx, stderrProgress, request, {
        command: spec.name,
        usage: spec.usage,
        mode: spec.mode,
        now: startOfDay(Date.now()),
        ...(roster ? { roster } : {}),
      });
    },
  };
}
