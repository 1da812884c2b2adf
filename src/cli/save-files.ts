/**
 * Files that come with a reply (a DOCX brief, a CSV of named users, a chart) are written to disk,
 * and their paths printed, so a terminal user can open them: in the output folder, or where the
 * user's `--out` says (save-plan.ts decides where, before anything is written).
 */
import { statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import type { ReplyFile } from "../commands/reply.js";
import { type Issue, ok, type Result } from "../core/result.js";
import { type PathKind, planSaves, savedLine } from "./save-plan.js";

export { safeFileName } from "./save-plan.js";

export const DEFAULT_OUT_DIR = "out";

function kindOf(path: string): PathKind {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return "missing";
  }
}

/** Writes the files; the lines to print, or why nothing was written. */
export async function saveFiles(
  files: readonly ReplyFile[],
  outDir: string,
): Promise<Result<string[]>> {
  if (files.length === 0) return ok([]);
  const planned = planSaves(files, outDir, kindOf);
  if (!planned.ok) return planned;
  for (const plan of planned.value) {
    if (plan.createsFolder !== undefined) await mkdir(plan.createsFolder, { recursive: true });
    await writeFile(plan.path, plan.file.content);
  }
  return ok(planned.value.map(savedLine));
}

/** The lines to print after a reply: where each file went, or why none was saved. */
export async function saveReplyFiles(
  files: readonly ReplyFile[],
  outDir: string,
): Promise<string[]> {
  const saved = await saveFiles(files, outDir);
  return saved.ok ? saved.value : saved.issues.map(notSavedLine);
}

export function notSavedLine(issue: Issue): string {
  return `Not saved: ${issue.message}${issue.hint ? ` — ${issue.hint}` : ""}`;
}
