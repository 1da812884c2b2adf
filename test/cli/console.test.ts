import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/cli/console.js";
import { testContext } from "../commands/context.js";

async function chat(lines: string[], outDir = "out"): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const done = runConsole({ input, output, interactive: false, outDir }, testContext());
  input.end(`${lines.join("\n")}\n`);
  await done;
  return text;
}

describe("console chat", () => {
  it("greets with examples and answers help", async () => {
    const text = await chat(["help"]);
    expect(text).toContain("Type a command, or help");
    expect(text).toContain("│ cost ");
  });

  it("answers errors in one line and keeps going", async () => {
    const text = await chat(["bogus", "help"]);
    expect(text).toContain('bogus: I don\'t know the command "bogus"');
    expect(text).toContain("│ tiers ");
  });

  it("says there is nothing to show before the first calculation", async () => {
    const text = await chat(["working"]);
    expect(text).toContain("Nothing to show yet: run a calculation first.");
  });

  it("stops at quit and ignores what follows", async () => {
    const text = await chat(["quit", "help"]);
    expect(text).not.toContain("│ cost ");
  });
});

describe("console chat: the reply to the day/month question", () => {
  // Every date reads two ways (03/04 and 05/04). a is online 09:00–11:00 and b 10:00–12:00 on the
  // same day, so two are online at once from 10:00 to 11:00: peak 2 on 3 April if day-first
  // (a Friday), on 4 March if month-first (a Wednesday).
  const dir = mkdtempSync(join(tmpdir(), "dealdesk-dates-"));
  const log = join(dir, "ambiguous.csv");
  writeFileSync(
    log,
    [
      "Agent Email,Login Time,Logout Time",
      "a@example.com,03/04/2026 09:00,03/04/2026 11:00",
      "b@example.com,03/04/2026 10:00,03/04/2026 12:00",
      "c@example.com,05/04/2026 09:00,05/04/2026 10:00",
    ].join("\n"),
  );
  const QUESTION =
    "concurrency: Is 03/04/2026 the 3rd of April or the 4th of March? No date in the file settles it.";
  const PROMPT = 'Reply "dates dd/mm" or "dates mm/dd" and I\'ll read the file that way.';

  it("asks, then reads the file day-first on `dates dd/mm`", async () => {
    const text = await chat([`concurrency ${log}`, "dates dd/mm"], dir);
    expect(text).toContain(QUESTION);
    expect(text).toContain(PROMPT);
    expect(text).toContain("Peak: 2 people online at once, on Fri 3 Apr 10:00");
    expect(text).toContain("ambiguous.csv: dates read as dd/mm/yyyy.");
  });

  it("reads it month-first on `DATES MM/DD`", async () => {
    const text = await chat([`concurrency ${log}`, "DATES MM/DD"], dir);
    expect(text).toContain("Peak: 2 people online at once, on Wed 4 Mar 10:00");
    expect(text).toContain("ambiguous.csv: dates read as mm/dd/yyyy.");
  });

  it("keeps the question open after a reply it can't read", async () => {
    const text = await chat([`concurrency ${log}`, "dates dmy", "dates dd/mm"], dir);
    expect(text).toContain(
      '"dates dmy" is not an order I know. Reply dates dd/mm (25/03/2026 is 25 March) or dates mm/dd (03/25/2026).',
    );
    expect(text).toContain("Peak: 2 people online at once, on Fri 3 Apr 10:00");
  });

  it("says there is no question when nothing asked, or another command came between", async () => {
    const none =
      "There is no date question to answer. To set the order for a file, add --date-format dd/mm or --date-format mm/dd to its command.";
    expect(await chat(["dates dd/mm"])).toContain(none);
    const text = await chat([`concurrency ${log}`, "help", "dates dd/mm"], dir);
    expect(text).toContain(none);
    expect(text).not.toContain("Peak:");
  });
});
