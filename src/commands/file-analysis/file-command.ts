/**
 * The commands that analyse a file named by path (split, concurrency, rightsize, upload): read the
 * path through the front end's FileSource (with clear errors for a missing file, a folder, an
 * unreadable or oversized file; in Slack, "share the file instead"), read an optional `--roster`,
 * then run the same analysis a Slack upload gets, with the front end's progress.
 */
import { failAll, ok, type Result } from "../../core/result.js";
import { type RosterFileRead, readRosterFile } from "../../roster/read-file.js";
import type { Command, CommandInfo } from "../command.js";
import type { CommandContext, Progress } from "../context.js";
import { type CommandOutcome, rejected } from "../reply.js";
import { readTypedFile } from "../typed-file.js";
import { analyseFile, type FileAnalysis, startOfDay } from "./analyse.js";
import { parseFileCommand } from "./request.js";

const noProgress: Progress = async () => undefined;

/** A file command's metadata (from info.ts) and the analysis it insists on. */
export interface FileCommandSpec extends CommandInfo {
  readonly mode: FileAnalysis;
}

async function readRoster(
  ctx: CommandContext,
  path: string,
  command: string,
  options: { dateFormat?: "dd/mm" | "mm/dd"; timeZone?: string; rosterKey?: string },
): Promise<Result<{ name: string; read: RosterFileRead }>> {
  const file = await readTypedFile(ctx, path);
  if (!file.ok) return file;
  const read = await readRosterFile(file.value.bytes, file.value.name, options);
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
      const { path, rosterPath, rosterKey, request } = typed.value;
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
        const options = {
          ...(request.read?.dateFormat ? { dateFormat: request.read.dateFormat } : {}),
          ...(request.read?.timeZone ? { timeZone: request.read.timeZone } : {}),
          ...(rosterKey ? { rosterKey } : {}),
        };
        const r = await readRoster(ctx, rosterPath, spec.name, options);
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
