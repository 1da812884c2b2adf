/**
 * A file named by path with a command (`split exports/sessions.csv`), read through the front end's
 * FileSource and worded for the user. Without a FileSource (Slack) nothing is read from disk: the
 * user is asked to share the file instead.
 */
import { failAll, ok, type Result } from "../core/result.js";
import type { CommandContext, FileReadFailure, UploadedFile } from "./context.js";

/** Large enough for a million-row session log (~60 MB), small enough to hold in memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

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
        message: `${name} is ${Math.ceil(failure.bytes / 1024 / 1024)} MB; the limit is ${Math.floor(maxBytes / 1024 / 1024)} MB`,
        hint: "export a shorter period (a month is plenty) or only the user, login and logout columns",
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
  ctx: Pick<CommandContext, "files">,
  path: string,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<Result<UploadedFile>> {
  if (!ctx.files) return failAll([{ ...NO_PATHS }]);
  const read = await ctx.files.read(path, maxBytes);
  if (!read.ok) return failAll([failureIssue(path, read.failure, maxBytes)]);
  return ok(read.file);
}
