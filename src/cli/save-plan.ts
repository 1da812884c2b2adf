/**
 * Where each file of a reply is written in the terminal, decided before anything is written so a
 * bad `--out` writes nothing. A file with no `saveTo` goes in the output folder (./out). A
 * `saveTo` that ends with a slash or names an existing folder is a folder: the file goes in it
 * under its own name. Otherwise it is the file's path: it must end in the file's extension; a
 * bare name (`brief.docx`) is put in the output folder, as before; a path with a folder
 * (`./brief.docx`, `/tmp/acme.docx`) is written exactly there. A missing folder is created and
 * the reply says so; an existing file is replaced and the reply says so. Two files bound for one
 * path (a file name given to a reply with several files) refuse, naming the files.
 */
import { basename, dirname, join } from "node:path";
import { extensionOf, lastPart } from "../commands/out-name.js";
import type { ReplyFile } from "../commands/reply.js";
import { failAll, type Issue, ok, type Result } from "../core/result.js";

/** What is at a path on disk now; the planner is given this, so it stays a pure function. */
export type PathKind = "file" | "folder" | "missing";

export interface PlannedSave {
  readonly file: ReplyFile;
  readonly path: string;
  /** The folder that will be created for it, if it does not exist yet. */
  readonly createsFolder?: string;
  /** True when a file at the path is replaced. */
  readonly replaces: boolean;
}

/** A reply's own file name, reduced to a safe base name: a reply can never write outside its folder. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, "/")).replace(/[^\w.\- ]+/g, "_");
  return base === "" || base === "." || base === ".." ? "file" : base;
}

function destination(
  file: ReplyFile,
  outDir: string,
  kindOf: (path: string) => PathKind,
): Result<string> {
  const own = safeFileName(file.name);
  const to = file.saveTo;
  if (to === undefined || to.trim() === "") return ok(join(outDir, own));
  if (/[\\/]$/.test(to) || kindOf(to) === "folder") return ok(join(to, own));
  const wanted = extensionOf(own);
  if (extensionOf(lastPart(to)) !== wanted) {
    const stem = lastPart(to).replace(/\.[^.]*$/, "") || "brief";
    return failAll([
      {
        code: "save.wrong_extension",
        message: `--out ${to} is not a folder, and not a .${wanted} file name for ${own}`,
        hint: `name the file ${stem}.${wanted}, or end the path with / to save into that folder`,
      },
    ]);
  }
  return ok(lastPart(to) === to ? join(outDir, to) : to);
}

export function planSaves(
  files: readonly ReplyFile[],
  outDir: string,
  kindOf: (path: string) => PathKind,
): Result<PlannedSave[]> {
  const issues: Issue[] = [];
  const byPath = new Map<string, ReplyFile[]>();
  for (const file of files) {
    const path = destination(file, outDir, kindOf);
    if (!path.ok) {
      issues.push(...path.issues);
      continue;
    }
    byPath.set(path.value, [...(byPath.get(path.value) ?? []), file]);
  }
  const plans: PlannedSave[] = [];
  for (const [path, bound] of byPath) {
    const [file, ...others] = bound;
    if (file === undefined) continue;
    if (others.length > 0) {
      issues.push({
        code: "save.one_path_many_files",
        message: `${bound.length} files would all be saved as ${path}: ${bound.map((f) => f.name).join(", ")}`,
        hint: "give --out a folder (ending with /) to save them side by side",
      });
      continue;
    }
    const folder = dirname(path);
    const folderKind = kindOf(folder);
    if (folderKind === "file") {
      issues.push({
        code: "save.folder_is_file",
        message: `can't save ${path}: ${folder} is a file, not a folder`,
        hint: "choose another folder for --out",
      });
      continue;
    }
    if (kindOf(path) === "folder") {
      issues.push({
        code: "save.path_is_folder",
        message: `can't save ${path}: a folder of that name is there`,
        hint: "choose another file name for --out",
      });
      continue;
    }
    plans.push({
      file,
      path,
      replaces: kindOf(path) === "file",
      ...(folderKind === "missing" ? { createsFolder: folder } : {}),
    });
  }
  return issues.length > 0 ? failAll(issues) : ok(plans);
}

/**
 * The line printed for a saved file: its path, what it is, and, for a place the user chose, what
 * was done on the way (the output folder is made and its files refreshed without comment).
 */
export function savedLine(plan: PlannedSave): string {
  if (plan.file.saveTo === undefined) return `Saved ${plan.path} — ${plan.file.description}`;
  const done = [
    ...(plan.createsFolder !== undefined ? [`created the folder ${plan.createsFolder}`] : []),
    ...(plan.replaces ? ["replaced the file that was there"] : []),
  ];
  return `Saved ${plan.path} — ${plan.file.description}${done.length > 0 ? ` (${done.join("; ")})` : ""}`;
}
