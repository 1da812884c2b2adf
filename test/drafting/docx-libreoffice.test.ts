/**
 * The DOCX brief opened by a real word processor: LibreOffice lays it out and prints it to PDF,
 * and poppler's pdfinfo and pdftotext read the pages back. The page count, the confidential
 * marking and "Page X of Y" on every page, the headings, and every figure of the asks on one line
 * must all be there. LibreOffice and poppler are system packages (Debian's
 * libreoffice-writer-nogui, poppler-utils, and fonts-liberation2 for the brief's fonts), which
 * .ci/run installs; CI sets DEALDESK_REQUIRE_SOFFICE=1 so this test fails there, rather than
 * skips, if they are missing. On a machine without them, it is skipped and says so.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { briefCommand } from "../../src/commands/deal/brief.js";
import { type DraftDocument, table } from "../../src/drafting/document.js";
import { renderDocx } from "../../src/drafting/render-docx.js";
import { testContext } from "../commands/context.js";
import { EXAMPLE_PATH } from "./example-deal.js";

const runs = (cmd: string, arg: string) => spawnSync(cmd, [arg], { encoding: "utf8" }).status === 0;
const hasSoffice = runs("soffice", "--version");
const hasPoppler = runs("pdfinfo", "-v") && runs("pdftotext", "-v");
const required = process.env.DEALDESK_REQUIRE_SOFFICE === "1";

/** Measured on examples/deal.json: 4 pages. One page either way allows for LibreOffice versions. */
const PAGES = { min: 3, max: 5 };

/** A DOCX printed to PDF by LibreOffice; returns the PDF's path. */
function toPdf(content: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "dealdesk-docx-"));
  const path = join(dir, "brief.docx");
  writeFileSync(path, content);
  // A profile of its own, so parallel runs and a developer's open LibreOffice don't collide.
  const profile = pathToFileURL(join(dir, "profile")).href;
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      path,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  return join(dir, "brief.pdf");
}

/** The brief for the example deal, printed to PDF. */
async function briefPdf(): Promise<string> {
  const outcome = await briefCommand.run(
    `${EXAMPLE_PATH} --today 2026-06-01`,
    testContext({ now: () => new Date("2026-01-01T12:00:00Z") }),
  );
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join("; "));
  const docx = outcome.reply.files?.[0];
  if (!docx?.name.endsWith(".docx")) throw new Error(`no .docx file: ${docx?.name}`);
  return toPdf(docx.content);
}

const tool = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", timeout: 60_000 });

describe("the DOCX brief in LibreOffice", () => {
  it("needs LibreOffice and poppler when CI requires them", () => {
    expect(hasSoffice || !required).toBe(true);
    expect(hasPoppler || !required).toBe(true);
  });

  it.runIf(hasSoffice && hasPoppler)(
    "prints to PDF with the marking and page numbers on every page, the headings and whole figures",
    async () => {
      const pdf = await briefPdf();
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(tool("pdfinfo", [pdf]))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(PAGES.min);
      expect(pages).toBeLessThanOrEqual(PAGES.max);

      // The brief's own fonts, not a substitute: the column widths are measured in them.
      const fonts = tool("pdffonts", [pdf]);
      expect(fonts, "install fonts-liberation2").toContain("LiberationSans");
      expect(fonts, "install fonts-liberation2").toContain("LiberationSerif-Bold");

      // -layout keeps each printed line one line of text, so a wrapped cell shows as two lines.
      const text = tool("pdftotext", ["-layout", pdf, "-"]);
      const pageTexts = text.split("\f").filter((p) => p.trim().length > 0);
      expect(pageTexts).toHaveLength(pages);
      pageTexts.forEach((page, i) => {
        expect(page).toContain("Confidential — contains our positions");
        // The date is --today's (1 June 2026), not the context clock's (1 January 2026).
        expect(page).toContain("1 June 2026");
        expect(page).toContain(`Page ${i + 1} of ${pages}`);
      });

      const lines = text.split("\n").map((l) => l.trim());
      const flowing = text.replace(/\s+/g, " ");
      expect(flowing).toContain("Negotiation brief: Halo Service Solutions Ltd, HaloITSM");
      expect(flowing).toContain("Prepared on 1 June 2026");
      for (const h of ["The deal", "Savings waterfall", "The asks", "Clauses", "Working"]) {
        expect(lines).toContain(h);
      }
      expect(lines).toContain("Leverage and timing");
      // 260 × £62 × 12 = £193,440 offered; the counter is £156,240: £37,200 less.
      expect(flowing).toContain(
        "The counter-proposal costs £156,240 a year against the offer's £193,440: £37,200 less",
      );
      expect(lines.some((l) => /^active fulfillers\s+212$/.test(l))).toBe(true);
      // Each asks row's worth, whole on the row's first line (the ask's text beside it may wrap):
      // right-sizing 260 × £62 × 12 − 212 × £70 × 12 = £193,440 − £178,080 = £15,360;
      // licensing model £178,080 − (170 × £70 + 20 × £124) × 12 = £178,080 − £172,560 = £5,520;
      // volume break £172,560 − (170 × £62 + 20 × £124) × 12 = £172,560 − £156,240 = £16,320;
      // implementation 60 × £1,200 × 1.4 − 60 × £1,200 = £100,800 − £72,000 = £28,800;
      // renewal cap £502,295.98 − £482,922.22 = £19,373.76 (the brief's working shows both sums).
      const asksRows: [string, string][] = [
        ["Right-size agents", "£15,360 a year"],
        ["Licensing model", "£5,520 a year"],
        ["Volume break", "£16,320 a year"],
        ["Implementation", "£28,800 one-off"],
        ["Renewal", "£19,373.76 over 3 years"],
      ];
      for (const [step, worth] of asksRows) {
        const row = lines.find((l) => l.startsWith(`${step} `) && l.endsWith(worth));
        expect(row, `${step} … ${worth} on one line`).toBeDefined();
      }
      // Columns sized from content: the header and five rows print in at most two lines a row
      // (measured: 10 lines; with equal columns the ask was squeezed into 5–6 lines a row).
      const asksHeader = lines.findIndex((l) => /^step\s+the ask\s+offer\s+worth$/.test(l));
      const afterAsks = lines.findIndex((l) => l.startsWith("Right-size agents:"));
      expect(asksHeader).toBeGreaterThan(0);
      const asksLines = lines.slice(asksHeader, afterAsks).filter((l) => l.length > 0);
      expect(asksLines.length).toBeLessThanOrEqual(1 + 2 * asksRows.length);
      expect(lines.some((l) => /^Volume break\s+£16,320\s+£156,240$/.test(l))).toBe(true);
      expect(lines.some((l) => /^Counter-proposal\s+£37,200\s+£156,240$/.test(l))).toBe(true);
      expect(flowing).toContain("31 March 2027");
    },
    300_000,
  );
  it.runIf(hasSoffice && hasPoppler)(
    "repeats a long table's header row on the next page and never splits a row across pages",
    async () => {
      // Forty rows of one to eleven lines each: a page ends inside some row, which without
      // cantSplit LibreOffice breaks across the pages (tried: row 17 of this table does).
      const rows = Array.from({ length: 40 }, (_, i) => [
        `item ${i + 1}`,
        `Row ${i + 1} begins here. ${"This detail runs on for a line or so more. ".repeat(1 + (i % 6) * 2)}It ends at stop${i + 1}.`,
        `£${(i + 1) * 1000}`,
      ]);
      const doc: DraftDocument = {
        title: "A long table",
        blocks: [
          table({
            columns: [
              { header: "name", align: "left" },
              { header: "detail", align: "left" },
              { header: "amount", align: "right" },
            ],
            rows,
          }),
        ],
      };
      const pdf = toPdf(await renderDocx(doc, { date: "2026-06-01" }));
      const pages = tool("pdftotext", ["-layout", pdf, "-"])
        .split("\f")
        .filter((p) => p.trim().length > 0);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      pages.forEach((page) => {
        expect(page).toMatch(/^\s*name\s+detail\s+amount\s*$/m);
        for (const m of page.matchAll(/Row (\d+) begins here\./g)) {
          expect(page, `row ${m[1]} whole on one page`).toContain(`stop${m[1]}.`);
        }
      });
      // Every row printed somewhere, each exactly once.
      const starts = pages.flatMap((p) =>
        [...p.matchAll(/Row (\d+) begins here\./g)].map((m) => m[1]),
      );
      expect(starts).toEqual(rows.map((_, i) => String(i + 1)));
    },
    300_000,
  );
});
