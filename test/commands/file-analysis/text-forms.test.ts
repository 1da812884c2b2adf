/**
 * Issue 10, class 13 through the concurrency command: an Excel "CSV (semicolon)" export with its
 * `sep=;` first line, one person written with a decomposed accent and again composed, another once
 * with a zero-width space. Hand-computed (UTC, Mon 2 Mar 2026): ann 09–11 and 13–14, José 10–12
 * (his 10:30–11:30 overlaps and counts once), bo 13:30–15. Online: 09–10 one, 10–11 two, 11–12
 * one, 12–13 none, 13–13:30 one, 13:30–14 two, 14–15 one. Peak 2 at 10:00; of the 6 h from first
 * login to last logout, 1.5 h (25%) with 2 online and 5 h (83.3%) with at least 1. Read as five
 * different people (before), the peak was 3 at 10:30.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { gbp, tempDir } from "./fixtures.js";

const FIXTURE = readFileSync(
  new URL("../../fixtures/exports/excel-semicolon-sep-line.csv", import.meta.url),
);

async function run(bytes: Uint8Array) {
  const path = join(tempDir(), "agents.csv");
  writeFileSync(path, bytes);
  const out = await concurrencyCommand.run(path, gbp);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.reply;
}

describe("an Excel semicolon export with a sep= line and one person spelled two ways", () => {
  it("counts 3 people and a peak of 2, and says how the file was split", async () => {
    const r = await run(FIXTURE);
    expect(r.headline).toBe(
      "Peak: 2 people online at once, on Mon 2 Mar 10:00; 90% of the time 2 or fewer.",
    );
    expect(r.data.file).toMatchObject({ rows: 5, used: 5, sessions: 4, merged: 1, users: 3 });
    expect(r.tables.find((t) => t.title === "Time with at least this many online")?.rows).toEqual([
      ["2", "1.5 h", "25%"],
      ["1", "5 h", "83.3%"],
    ]);
    expect(JSON.stringify(r)).toContain(
      'agents.csv: semicolon-separated, as its first line \\"sep=;\\" says (that line is not counted as a row)',
    );
  });

  it("gives the same figures from the same text in UTF-16 without a byte-order mark", async () => {
    const utf8 = await run(FIXTURE);
    const bytes = new Uint8Array(Buffer.from(FIXTURE.toString("utf8"), "utf16le"));
    const r = await run(bytes);
    expect(r.headline).toBe(utf8.headline);
    expect(r.data).toEqual(utf8.data);
    expect(JSON.stringify(r)).toContain(
      "agents.csv: read as UTF-16 text (little-endian, without a byte-order mark)",
    );
  });
});
