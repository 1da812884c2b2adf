/**
 * A file named by path with a command (`split exports/sessions.csv`), read through the front end's
 * FileSource and worded for the user. Without a FileSource (Slack) nothing is read from disk: the
 * user is asked to share the file instead.
 */
import { DEFAULT_MAX_FILE_MB, MAX_FILE_MB_CEILING, MIB } from "../core/file-size-limit.js";
import { failAll, ok, type Result } from "../core/result.js";
import type { CommandContext, FileReadFailure, UploadedFile } from "./context.js";

/** Without DEALDESK_MAX_FILE_MB: a plain 5-million-row session log (~320 MiB) fits. */
export const MAX_FILE_BYTES = DEFAULT_MAX_FILE_MB * MIB;

/** How to read a file over the limit: raise the setting when it can go that high, else cut the file. */
export function tooLargeHint(bytes: number): string {
  const cut = "export a shorter period or only the user, login and logout columns";
  const needed = Math.ceil(bytes / MIB);
  return needed <= MAX_FILE_MB_CEILING
    ? `start dealdesk with DEALDESK_MAX_FILE_MB=${needed} (up to ${MAX_FILE_MB_CEILING}) to read it, or ${cut}`
    : `${MAX_FILE_MB_CEILING} MB is the most one file can be read as: ${cut}`;
}

/** The last part of a typed path: what replies call the file. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

export const NO_PATHS = {
  code: "file.paths_not_read_here",
  message: "I don't open files by path here",
  hint: "share the file in this channel (drag it into Slack) and I'll analyse it",
} as const;

function failureIssue(path: string, failure: FileReadFailure, maxBytes: number) {
  const name = baseName(path);
  switch (failure.reason) {
    case "not_found":
      return {
        code: "file.not_found",
        message: `I can't find ${path}`,
        hint: "check the spelling and the folder; a path with spaces needs quotes",
      };
    case "is_directory":
      return {
        code: "file.is_directory",
        message: `${path} is a folder, not a file`,
        hint: "give the path of a CSV or XLSX file, e.g. exports/sessions.csv",
      };
    case "too_large":
      return {
        code: "file.too_large",
        message: `${name} is ${Math.ceil(failure.bytes / MIB)} MB; the limit is ${Math.floor(maxBytes / MIB)} MB`,
        hint: tooLargeHint(failure.bytes),
      };
    case "not_allowed":
      return {
        code: "file.unreadable",
        message: `I'm not allowed to read ${path}`,
        hint: "check the file's permissions, or copy it somewhere you can read",
      };
    case "unreadable":
      return {
        code: "file.unreadable",
        message: `I couldn't read ${path}`,
        hint: "check that the file is a CSV or XLSX export",
      };
  }
}

/** Reads a file the user named, or says in their terms why it can't be read. */
export async function readTypedFile(
  ctx: Pick<CommandContext, "files" | "maxFileBytes">,
  path: string,
  maxBytes: number = ctx.maxFileBytes ?? MAX_FILE_BYTES,
): Promise<Result<UploadedFile>> {
  if (!ctx.files) return failAll([{ ...NO_PATHS }]);
  const read = await ctx.files.read(path, maxBytes);
  if (!read.ok) return failAll([failureIssue(path, read.failure, maxBytes)]);
  return ok(read.file);
}
