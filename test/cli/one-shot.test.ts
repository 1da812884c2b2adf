/**
 * One-shot commands as the executable runs them, short of spawning it: the width replies are
 * drawn at, and `brief --out` writing where it says.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/args.js";
import { runOneShot } from "../../src/cli/one-shot.js";
import { testContext } from "../commands/context.js";
import { widest } from "../commands/text-layout/layout-checks.js";
import { EXAMPLE_PATH } from "../drafting/example-deal.js";

const ctx = testContext({ now: () => new Date("2026-03-01T12:00:00Z") });
const run = (argv: string[], outDir: string, width = 80) =>
  runOneShot(parseCliArgs(argv), ctx, outDir, { reply: width });

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "dealdesk-oneshot-"));
}

/** A DOCX is a ZIP: it starts with "PK". */
function isZip(path: string): boolean {
  return readFileSync(path).subarray(0, 2).toString("latin1") === "PK";
}

describe("one-shot width", () => {
  it("draws help within the width it is given", async () => {
    const dir = scratch();
    for (const width of [120, 80, 60]) {
      const out = await run(["help"], dir, width);
      expect(out.exitCode).toBe(0);
      expect(widest(out.stdout)).toBeLessThanOrEqual(width);
    }
  });
});

describe("brief --out", () => {
  it("writes a path with a folder exactly there, creating the folder and saying so", async () => {
    const dir = scratch();
    const target = join(dir, "deals", "acme", "brief.docx");
    const out = await run(["brief", EXAMPLE_PATH, "--out", target], join(dir, "out"));
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(`Saved ${target} — `);
    expect(out.stdout).toContain(`(created the folder ${join(dir, "deals", "acme")})`);
    expect(isZip(target)).toBe(true);
  });

  it("writes into a folder given with a trailing slash, under the brief's own name", async () => {
    const dir = scratch();
    const out = await run(["brief", EXAMPLE_PATH, "--out", `${dir}/`], join(dir, "out"));
    expect(out.exitCode).toBe(0);
    const saved = /Saved (\S+) — /.exec(out.stdout)?.[1];
    expect(saved?.startsWith(dir)).toBe(true);
    expect(saved?.endsWith("-brief.docx")).toBe(true);
    expect(isZip(saved ?? "")).toBe(true);
  });

  it("writes into an existing folder named without a slash", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "reports"));
    const out = await run(["brief", EXAMPLE_PATH, "--out", join(dir, "reports")], join(dir, "out"));
    expect(out.stdout).toMatch(new RegExp(`Saved ${join(dir, "reports")}/[a-z0-9-]+-brief\\.docx`));
  });

  it("replaces a file that is there, and says so", async () => {
    const dir = scratch();
    const target = join(dir, "brief.docx");
    writeFileSync(target, "old");
    const out = await run(["brief", EXAMPLE_PATH, "--out", target], join(dir, "out"));
    expect(out.stdout).toContain("(replaced the file that was there)");
    expect(isZip(target)).toBe(true);
  });

  it("keeps a bare file name in the output folder, as the help says", async () => {
    const dir = scratch();
    const out = await run(["brief", EXAMPLE_PATH, "--out", "acme.docx"], join(dir, "out"));
    expect(out.stdout).toContain(`Saved ${join(dir, "out", "acme.docx")} — `);
    expect(isZip(join(dir, "out", "acme.docx"))).toBe(true);
  });

  it("writes a Markdown brief where --out says", async () => {
    const dir = scratch();
    const target = join(dir, "notes", "acme.md");
    const out = await run(["brief", EXAMPLE_PATH, "--format", "md", "--out", target], dir);
    expect(out.exitCode).toBe(0);
    expect(readFileSync(target, "utf8")).toMatch(/^# /);
  });

  it("refuses a file name of the wrong kind: the answer is printed, nothing is written, exit 2", async () => {
    const dir = scratch();
    const out = await run(["brief", EXAMPLE_PATH, "--out", join(dir, "brief.pdf")], dir);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toContain("Brief for");
    expect(out.stderr).toBe(
      `brief: Not saved: --out ${join(dir, "brief.pdf")} is not a folder, and not a .docx file name for halo-service-solutions-ltd-brief.docx — name the file brief.docx, or end the path with / to save into that folder\n`,
    );
  });
});
