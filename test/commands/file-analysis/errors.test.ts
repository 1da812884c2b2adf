import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { readTypedFile, tooLargeHint } from "../../../src/commands/typed-file.js";
import { gbp, ROSTER_CSV, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

async function issues(run: CommandOutcome | Promise<CommandOutcome>) {
  const out = await run;
  expect(out.ok).toBe(false);
  return out.ok ? [] : out.issues;
}

describe("file commands: bad input", () => {
  it("reads no path where the front end gives no disk (Slack): it asks for a share instead", async () => {
    const { files: _disk, ...chat } = gbp;
    for (const text of ["/etc/hostname", "sessions.csv --roster /etc/passwd"]) {
      expect(await issues(splitCommand.run(`${text} --named 70 --concurrent 140`, chat))).toEqual([
        {
          code: "file.paths_not_read_here",
          message: "I don't open files by path here",
          hint: "share the file in this channel (drag it into Slack) and I'll analyse it",
        },
      ]);
    }
  });

  it("asks which file when none is given", async () => {
    expect(await issues(splitCommand.run("--named 70 --concurrent 140", gbp))).toEqual([
      {
        code: "file.missing_path",
        message: "which file? Give the path of a CSV or XLSX export",
        hint: "split examples/sessions.csv --named 70 --concurrent 140 --currency GBP",
      },
    ]);
  });

  it("says a missing file can't be found", async () => {
    const path = join(tempDir(), "nope.csv");
    expect(await issues(splitCommand.run(`${path} --named 70 --concurrent 140`, gbp))).toEqual([
      {
        code: "file.not_found",
        message: `I can't find ${path}`,
        hint: "check the spelling and the folder; a path with spaces needs quotes",
      },
    ]);
  });

  it("says a folder is not a file", async () => {
    const dir = join(tempDir(), "exports");
    mkdirSync(dir);
    expect(await issues(concurrencyCommand.run(dir, gbp))).toEqual([
      {
        code: "file.is_directory",
        message: `${dir} is a folder, not a file`,
        hint: "give the path of a CSV or XLSX file, e.g. exports/sessions.csv",
      },
    ]);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const path = writeFixture(tempDir(), "big.csv", "x".repeat(3 * 1024 * 1024));
    const read = await readTypedFile(gbp, path, 2 * 1024 * 1024);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues[0]?.code).toBe("file.too_large");
    expect(read.issues[0]?.message).toBe("big.csv is 3 MB; the limit is 2 MB");
    // 3 MiB exactly: the setting that reads it is 3.
    expect(read.issues[0]?.hint).toBe(
      "start dealdesk with DEALDESK_MAX_FILE_MB=3 (up to 500) to read it, or export a shorter period or only the user, login and logout columns",
    );
  });

  it("takes the limit from the context's maxFileBytes (DEALDESK_MAX_FILE_MB)", async () => {
    const path = writeFixture(tempDir(), "big.csv", "x".repeat(2 * 1024 * 1024 + 1));
    const read = await readTypedFile({ ...gbp, maxFileBytes: 2 * 1024 * 1024 }, path);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    // 2 MiB + 1 byte rounds up to 3 MB, and needs a setting of 3.
    expect(read.issues[0]?.message).toBe("big.csv is 3 MB; the limit is 2 MB");
    expect(read.issues[0]?.hint).toContain("DEALDESK_MAX_FILE_MB=3 ");
    const fits = await readTypedFile({ ...gbp, maxFileBytes: 3 * 1024 * 1024 }, path);
    expect(fits.ok).toBe(true);
  });

  it("says a file past what any setting reads must be cut, not the setting raised", () => {
    // 600 MiB > the 500 MiB ceiling.
    expect(tooLargeHint(600 * 1024 * 1024)).toBe(
      "500 MB is the most one file can be read as: export a shorter period or only the user, login and logout columns",
    );
  });

  it("says an unsupported file is neither CSV nor XLSX", async () => {
    const path = writeFixture(tempDir(), "sessions.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    const found = await issues(splitCommand.run(`${path} --named 70 --concurrent 140`, gbp));
    expect(found).toEqual([
      {
        code: "file.not_csv_or_xlsx",
        message: "sessions.pdf is neither a CSV nor an XLSX file (it looks like a PDF).",
        hint: "Export the roster or session log from your service desk as CSV or XLSX",
      },
    ]);
  });

  it("says a roster is not a session log, and the other way round", async () => {
    const dir = tempDir();
    const roster = writeFixture(dir, "roster.csv", ROSTER_CSV);
    const sessions = writeFixture(dir, "sessions.csv", SIX_PEOPLE_CSV);
    expect(await issues(splitCommand.run(`${roster} --named 70 --concurrent 140`, gbp))).toEqual([
      {
        code: "file.wrong_kind",
        message:
          "roster.csv is a roster (one row per user), not a session log, so it has no logins to measure",
        hint: `rightsize ${roster} --rate 70, or give a session log: split sessions.csv`,
      },
    ]);
    expect(await issues(rightsizeCommand.run(sessions, gbp))).toEqual([
      {
        code: "file.wrong_kind",
        message: "sessions.csv is a session log, not a roster (one row per user)",
        hint: `split ${sessions} --named 70 --concurrent 140, or give a roster: rightsize roster.csv --rate 70`,
      },
    ]);
    expect(await issues(concurrencyCommand.run(`${sessions} --roster ${sessions}`, gbp))).toEqual([
      {
        code: "file.roster_not_roster",
        message: "--roster sessions.csv is a session log, not a roster (one row per user)",
        hint: "concurrency sessions.csv --roster roster.csv",
      },
    ]);
  });

  it("names a bad --headroom and shows the right form", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    expect(
      await issues(splitCommand.run(`${path} --named 70 --concurrent 140 --headroom lots`, gbp)),
    ).toEqual([
      {
        code: "options.headroom",
        message: '--headroom "lots" is not a percentage or a number of seats',
        hint: "--headroom 10% (extra pool on top of the peak) or --headroom +5 (five extra seats)",
      },
    ]);
  });

  it("names a bad --force-named entry", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    expect(
      await issues(
        splitCommand.run(`${path} --named 70 --concurrent 140 --force-named a@x.com,bob@`, gbp),
      ),
    ).toEqual([
      {
        code: "options.user_list",
        message: '--force-named entry "bob@" is not a user e-mail or id',
        hint: "--force-named a.smith@example.com,b.jones@example.com (commas, no spaces)",
      },
    ]);
  });

  it("says when one person is typed under both policies", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const found = await issues(
      splitCommand.run(
        `${path} --named 70 --concurrent 140 --force-named a@x.com --force-concurrent A@x.com`,
        gbp,
      ),
    );
    expect(found).toEqual([
      {
        code: "options.policy_conflict",
        message: "a@x.com is forced both named (--force-named) and concurrent (--force-concurrent)",
        hint: "put each person under one policy only",
      },
    ]);
  });

  it("rejects a rate that is not an amount, or zero", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const found = await issues(splitCommand.run(`${path} --named seventy --concurrent 0`, gbp));
    expect(found).toEqual([
      {
        code: "amount.not_a_number",
        message: 'the named rate "seventy" is not an amount',
        hint: "write it like 70, £70, 70.50, 294k or £70/mo",
      },
      {
        code: "options.rate_not_positive",
        message: 'the concurrent rate "0" must be more than zero',
        hint: "e.g. --named 70 --concurrent 140",
      },
    ]);
  });

  it("rejects a rate sign that contradicts the currency", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const found = await issues(splitCommand.run(`${path} --named €70 --concurrent 140 GBP`, gbp));
    expect(found).toEqual([
      {
        code: "currency.conflict",
        message: "the amounts are written in € but the currency is GBP",
        hint: "drop the € sign or the GBP code",
      },
    ]);
  });

  it("rejects two paths, unknown options and --roster on rightsize", async () => {
    expect(await issues(splitCommand.run("a.csv b.csv", gbp))).toEqual([
      {
        code: "file.too_many_paths",
        message: 'I expected one file, got "a.csv" and "b.csv"',
        hint: 'quote a path with spaces: split "Agent sessions.csv" --named 70 --concurrent 140',
      },
    ]);
    const unknown = await issues(splitCommand.run("a.csv --nmaed 70", gbp));
    expect(unknown[0]?.code).toBe("option.unknown");
    expect(await issues(rightsizeCommand.run("a.csv --roster b.csv", gbp))).toEqual([
      {
        code: "options.roster",
        message: "--roster goes with a session log; rightsize reads the roster itself",
        hint: "rightsize roster.csv --rate 70",
      },
    ]);
  });
});
