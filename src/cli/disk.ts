/**
 * The CLI's and the console's FileSource: paths typed with a command are read from this machine's
 * disk. Only these two front ends hand one to the command layer; Slack never does.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { FileRead, FileReadFailure, FileSource } from "../commands/context.js";

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function failure(error: unknown): FileReadFailure {
  const code = errorCode(error);
  if (code === "ENOENT" || code === "ENOTDIR") return { reason: "not_found" };
  if (code === "EISDIR") return { reason: "is_directory" };
  if (code === "EACCES" || code === "EPERM") return { reason: "not_allowed" };
  return code ? { reason: "unreadable", code } : { reason: "unreadable" };
}

export const diskFiles: FileSource = {
  async read(path: string, maxBytes: number): Promise<FileRead> {
    try {
      const info = await stat(path);
      if (info.isDirectory()) return { ok: false, failure: { reason: "is_directory" } };
      if (info.size > maxBytes) {
        return { ok: false, failure: { reason: "too_large", bytes: info.size } };
      }
      const bytes = new Uint8Array(await readFile(path));
      return { ok: true, file: { name: basename(path), bytes, ref: path } };
    } catch (error) {
      return { ok: false, failure: failure(error) };
    }
  },
};
