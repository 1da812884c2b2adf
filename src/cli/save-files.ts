/**
 * Files that come with a reply (a DOCX brief, a CSV of named users, a chart) are written to the
 * output folder, and their paths printed, so a terminal user can open them. Names are reduced to a
 * safe base name: a reply can never write outside the folder.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ReplyFile } from "../commands/reply.js";

export const DEFAULT_OUT_DIR = "out";

export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, "/")).replace(/[^\w.\- ]+/g, "_");
  return base === "" || base === "." || base === ".." ? "file" : base;
}

export async function saveReplyFiles(
  files: readonly ReplyFile[],
  outDir: string,
): Promise<string[]> {
  if (files.length === 0) return [];
  await mkdir(outDir, { recursive: true });
  const lines: string[] = [];
  for (const f of files) {
    const path = join(outDir, safeFileName(f.name));
    await writeFile(path, f.content);
    lines.push(`Saved ${path} — ${f.description}`);
  }
  return lines;
}
