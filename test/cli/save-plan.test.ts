import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type PathKind, planSaves, savedLine } from "../../src/cli/save-plan.js";
import type { ReplyFile } from "../../src/commands/reply.js";

const docx = (saveTo?: string, name = "acme-brief.docx"): ReplyFile => ({
  name,
  mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  content: new Uint8Array([1]),
  description: "negotiation brief for Acme (Word)",
  ...(saveTo === undefined ? {} : { saveTo }),
});

/** A disk with /deals (a folder) holding old.docx (a file), and /notes.txt (a file). */
const disk: Record<string, PathKind> = {
  "/deals": "folder",
  "/deals/old.docx": "file",
  "/notes.txt": "file",
  out: "folder",
};
const kindOf = (p: string): PathKind => disk[p] ?? "missing";

function paths(files: readonly ReplyFile[]) {
  const r = planSaves(files, "out", kindOf);
  return r.ok ? r.value.map((p) => p.path) : r.issues.map((i) => i.code);
}

describe("planSaves", () => {
  it("puts a file with no --out in the output folder", () => {
    expect(paths([docx()])).toEqual([join("out", "acme-brief.docx")]);
  });

  it("writes a path with a folder exactly there, and a bare file name in the output folder", () => {
    expect(paths([docx("/deals/acme.docx", "acme.docx")])).toEqual(["/deals/acme.docx"]);
    expect(paths([docx("./acme.docx", "acme.docx")])).toEqual(["./acme.docx"]);
    expect(paths([docx("acme.docx", "acme.docx")])).toEqual([join("out", "acme.docx")]);
  });

  it("puts the file in a folder given with a trailing slash or that exists", () => {
    expect(paths([docx("/deals/")])).toEqual([join("/deals", "acme-brief.docx")]);
    expect(paths([docx("/deals")])).toEqual([join("/deals", "acme-brief.docx")]);
    expect(paths([docx("/new/place/")])).toEqual([join("/new/place", "acme-brief.docx")]);
  });

  it("creates a missing folder and says so; replaces an existing file and says so", () => {
    const made = planSaves([docx("/new/acme.docx", "acme.docx")], "out", kindOf);
    expect(made.ok && made.value.map(savedLine)).toEqual([
      "Saved /new/acme.docx — negotiation brief for Acme (Word) (created the folder /new)",
    ]);
    const replaced = planSaves([docx("/deals/old.docx", "old.docx")], "out", kindOf);
    expect(replaced.ok && replaced.value.map(savedLine)).toEqual([
      "Saved /deals/old.docx — negotiation brief for Acme (Word) (replaced the file that was there)",
    ]);
  });

  it("refuses a file name of another kind, saying what to type", () => {
    expect(planSaves([docx("/deals/acme.pdf")], "out", kindOf)).toEqual({
      ok: false,
      issues: [
        {
          code: "save.wrong_extension",
          message:
            "--out /deals/acme.pdf is not a folder, and not a .docx file name for acme-brief.docx",
          hint: "name the file acme.docx, or end the path with / to save into that folder",
        },
      ],
    });
  });

  it("refuses a folder that is a file", () => {
    expect(paths([docx("/notes.txt/acme.docx", "acme.docx")])).toEqual(["save.folder_is_file"]);
  });

  it("refuses one file name for a reply with several files, naming them", () => {
    const csv = (name: string): ReplyFile => ({
      name,
      mediaType: "text/csv",
      content: new Uint8Array([1]),
      description: name,
      saveTo: "/deals/people.csv",
    });
    const r = planSaves([csv("named-users.csv"), csv("skipped-rows.csv")], "out", kindOf);
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual([
      "2 files would all be saved as /deals/people.csv: named-users.csv, skipped-rows.csv",
    ]);
    // Into a folder they go side by side.
    const folder = planSaves(
      [
        { ...csv("named-users.csv"), saveTo: "/deals/" },
        { ...csv("skipped-rows.csv"), saveTo: "/deals/" },
      ],
      "out",
      kindOf,
    );
    expect(folder.ok && folder.value.map((p) => p.path)).toEqual([
      join("/deals", "named-users.csv"),
      join("/deals", "skipped-rows.csv"),
    ]);
  });
});
