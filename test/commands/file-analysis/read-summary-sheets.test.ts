/**
 * A workbook of several sheets: the read summary names the sheet the figures come from and lists
 * the others, not read, so a negotiator sees at once if the wrong tab was analysed. A one-sheet
 * workbook reads as before.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import type { CommandOutcome, Reply } from "../../../src/commands/reply.js";
import { workbookBytes } from "../../roster/xlsx/workbooks.js";
import { gbp, tempDir } from "./fixtures.js";

function replyOf(out: CommandOutcome): Reply {
  if (!out.ok) throw new Error(`expected a reply, got ${JSON.stringify(out.issues)}`);
  return out.reply;
}

/** Shaped like an ITSM agent export: the agents, a summary tab with a title, and notes. */
const agents = [
  ["Email", "Name", "Status", "Last Login"],
  ["a@x.com", "Ann", "Active", new Date(Date.UTC(2026, 8, 30))],
  ["b@x.com", "Bob", "Active", new Date(Date.UTC(2026, 8, 15))],
  ["c@x.com", "Cat", "Disabled", new Date(Date.UTC(2026, 5, 1))],
];
const summary = [["Agent licence summary"], ["Agents", 3], ["Active", 2]];
const notes = [["Exported from the service desk admin console"]];

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

describe("the read summary of a workbook", () => {
  it("names the sheet read and the two others, not read", async () => {
    const path = await write(
      "agents.xlsx",
      await workbookBytes([
        { name: "Agents", rows: agents },
        { name: "Summary", rows: summary },
        { name: "Notes", rows: notes },
      ]),
    );
    const r = replyOf(await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01`, gbp));
    expect(r.read?.lines).toContain(
      'Read sheet "Agents" (2 other sheets: "Summary", "Notes" — not read; --sheet NAME reads another).',
    );
    expect(r.data.read).toMatchObject({ sheet: { name: "Agents", others: ["Summary", "Notes"] } });
    // Said once, in the block: no separate "sheet … of 3" note as well.
    expect(r.read?.assumed.some((a) => a.includes("of 3"))).toBe(false);
  });

  it("names a sheet chosen with --sheet, and one other in the singular", async () => {
    const path = await write(
      "agents.xlsx",
      await workbookBytes([
        { name: "Summary", rows: summary },
        { name: "Agents", rows: agents },
      ]),
    );
    const r = replyOf(
      await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01 --sheet Agents`, gbp),
    );
    expect(r.read?.lines).toContain(
      'Read sheet "Agents" (1 other sheet: "Summary" — not read; --sheet NAME reads another).',
    );
  });

  it("still says why a hidden or empty sheet before it was passed over", async () => {
    const path = await write(
      "agents.xlsx",
      await workbookBytes([
        { name: "Cover", rows: [] },
        { name: "Agents", rows: agents },
      ]),
    );
    const r = replyOf(await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01`, gbp));
    expect(r.read?.lines).toContain(
      'Read sheet "Agents" (1 other sheet: "Cover" — not read; --sheet NAME reads another).',
    );
    expect(r.read?.assumed).toContain(
      'agents.xlsx: sheet "Agents" of 2 read, the first visible sheet with data: "Cover" is empty (choose another with --sheet).',
    );
  });

  it("names the roster's sheet when a roster workbook comes with a log", async () => {
    const roster = await write(
      "agents.xlsx",
      await workbookBytes([
        { name: "Agents", rows: agents },
        { name: "Notes", rows: notes },
      ]),
    );
    const log = join(tempDir(), "sessions.csv");
    writeFileSync(
      log,
      "Agent Email,Login Time,Logout Time\na@x.com,2026-09-07T09:00:00Z,2026-09-07T17:00:00Z\n",
    );
    const r = replyOf(await concurrencyCommand.run(`${log} --roster ${roster}`, gbp));
    const line = r.read?.lines.find((l) => l.startsWith("Roster:"));
    expect(line).toMatch(/^Roster: 3 rows of agents\.xlsx, sheet "Agents" \(not read: "Notes"\), /);
  });

  it("says nothing of sheets for a one-sheet workbook", async () => {
    const path = await write(
      "logins.xlsx",
      await workbookBytes([
        {
          name: "Logins",
          rows: [
            ["Agent Email", "Login Time", "Logout Time"],
            ["a@x.com", new Date(Date.UTC(2026, 8, 7, 9)), new Date(Date.UTC(2026, 8, 7, 17))],
          ],
        },
      ]),
    );
    const r = replyOf(await concurrencyCommand.run(path, gbp));
    expect(r.read?.lines.some((l) => l.includes("sheet"))).toBe(false);
    expect(r.read?.assumed.some((a) => a.includes("sheet"))).toBe(false);
    expect(r.data.read).toMatchObject({ sheet: { name: "Logins", others: [] } });
  });
});
