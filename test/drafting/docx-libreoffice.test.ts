/**
 * The DOCX brief opened by a real word processor: LibreOffice converts it to text, and the
 * headings, table cells and figures must all be there. LibreOffice is a system package (Debian's
 * libreoffice-writer-nogui), which .ci/run installs; CI sets DEALDESK_REQUIRE_SOFFICE=1 so this
 * test fails there, rather than skips, if LibreOffice is missing. On a machine without it, it is
 * skipped and says so.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { briefCommand } from "../../src/commands/deal/brief.js";
import { testContext } from "../commands/context.js";
import { EXAMPLE_PATH } from "./example-deal.js";

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const required = process.env.DEALDESK_REQUIRE_SOFFICE === "1";

describe("the DOCX brief in LibreOffice", () => {
  it("needs LibreOffice when CI requires it", () => {
    expect(hasSoffice || !required).toBe(true);
  });

  it.runIf(hasSoffice)(
    "converts to text with the headings, the tables and the figures",
    async () => {
      const brief = briefCommand;
      const outcome = await brief.run(
        EXAMPLE_PATH,
        testContext({ now: () => new Date("2026-06-01T12:00:00Z") }),
      );
      if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join("; "));
      const docx = outcome.reply.files?.[0];
      expect(docx?.name.endsWith(".docx")).toBe(true);
      const dir = mkdtempSync(join(tmpdir(), "dealdesk-docx-"));
      const path = join(dir, "brief.docx");
      writeFileSync(path, docx?.content ?? new Uint8Array());
      // A profile of its own, so a developer's open LibreOffice doesn't take the conversion over.
      const profile = pathToFileURL(join(dir, "profile")).href;
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "txt:Text",
          "--outdir",
          dir,
          path,
        ],
        { stdio: "pipe", timeout: 60_000 },
      );
      const text = readFileSync(join(dir, "brief.txt"), "utf8");
      expect(text).toContain("Negotiation brief: Halo Service Solutions Ltd, HaloITSM");
      // 260 × £62 × 12 = £193,440 offered; the counter is £156,240: £37,200 less.
      expect(text).toContain(
        "The counter-proposal costs £156,240 a year against the offer's £193,440: £37,200 less",
      );
      // Table cells come out one per line.
      expect(text).toMatch(/active fulfillers\s+212/);
      expect(text).toContain("Savings waterfall");
      expect(text).toContain("31 March 2027");
    },
    90_000,
  );
});
