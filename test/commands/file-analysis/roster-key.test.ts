import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { FILE_OPTIONS_HELP } from "../../../src/commands/file-analysis/info.js";
import { parseFileCommand } from "../../../src/commands/file-analysis/request.js";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { readRosterFile } from "../../../src/roster/read-file.js";
import { gbp, tempDir, writeFixture } from "./fixtures.js";

/*
 * A log keyed by employee id and an HR roster whose Email column the reader would pick as its key.
 * By hand: E1001 and E1002 (Service Desk) 09:00–17:00, E1003 (HR) 09:00–10:00 on 7 Sep 2026:
 * peak 3 at 09:00; Service Desk's peak 2, HR's 1.
 */
const SESSIONS = [
  "Employee ID,Login Time,Logout Time",
  "E1001,2026-09-07T09:00:00Z,2026-09-07T17:00:00Z",
  "E1002,2026-09-07T09:00:00Z,2026-09-07T17:00:00Z",
  "E1003,2026-09-07T09:00:00Z,2026-09-07T10:00:00Z",
].join("\n");
const ROSTER = [
  "Email,Employee ID,Name,Group",
  "ann@x.com,E1001,Ann,Service Desk",
  "bob@x.com,E1002,Bob,Service Desk",
  "cat@x.com,E1003,Cat,HR",
].join("\n");

function files() {
  const dir = tempDir();
  return {
    sessions: writeFixture(dir, "sessions.csv", SESSIONS),
    roster: writeFixture(dir, "roster.csv", ROSTER),
  };
}

async function issues(run: CommandOutcome | Promise<CommandOutcome>) {
  const out = await run;
  expect(out.ok).toBe(false);
  return out.ok ? [] : out.issues;
}

async function data(run: CommandOutcome | Promise<CommandOutcome>) {
  const out = await run;
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.reply.data as {
    file: { unknownUsers: number; users: number };
    concurrency: { peak: number; groups: { group: string; users: number; peak: number }[] };
  };
}

describe("--roster-key chooses the roster's key column", () => {
  it("without it, the roster's Email is its key and nobody in the log is in it", async () => {
    const f = files();
    const d = await data(concurrencyCommand.run(`${f.sessions} --roster ${f.roster}`, gbp));
    expect(d.file.unknownUsers).toBe(3);
    expect(d.concurrency.groups.map((g) => g.group)).toEqual(["(no group)"]);
  });

  it("with it, the log's employee ids find their roster rows and groups", async () => {
    const f = files();
    const d = await data(
      concurrencyCommand.run(`${f.sessions} --roster ${f.roster} --roster-key "Employee ID"`, gbp),
    );
    expect(d.file).toMatchObject({ users: 3, unknownUsers: 0 });
    expect(d.concurrency.peak).toBe(3);
    expect(d.concurrency.groups.map(({ group, users, peak }) => ({ group, users, peak }))).toEqual([
      { group: "Service Desk", users: 2, peak: 2 },
      { group: "HR", users: 1, peak: 1 },
    ]);
  });

  it("works for split too, ignoring case and spacing in the column name", async () => {
    const f = files();
    const out = await splitCommand.run(
      `${f.sessions} --named 70 --concurrent 140 --currency GBP --roster ${f.roster} --roster-key employee_id`,
      gbp,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect((out.reply.data as { file: { unknownUsers: number } }).file.unknownUsers).toBe(0);
  });

  it("parses into the typed command", () => {
    const r = parseFileCommand('s.csv --roster r.csv --roster-key "Employee ID"', "split PATH");
    expect(r.ok && r.value).toMatchObject({
      path: "s.csv",
      rosterPath: "r.csv",
      rosterKey: "Employee ID",
    });
  });

  it("is in the file commands' help", () => {
    expect(FILE_OPTIONS_HELP.some((line) => line.startsWith('--roster-key "Employee ID"'))).toBe(
      true,
    );
  });
});

describe("--roster-key: bad input", () => {
  it("a column the roster doesn't have: lists its columns and the nearest one", async () => {
    const f = files();
    expect(
      await issues(
        concurrencyCommand.run(`${f.sessions} --roster ${f.roster} --roster-key "Employe Id"`, gbp),
      ),
    ).toEqual([
      {
        code: "options.roster_key",
        message:
          '--roster-key "Employe Id" names no column in roster.csv. Did you mean "Employee ID"? Columns found: "Email", "Employee ID", "Name", "Group".',
        hint: '--roster-key "Employee ID" (the roster\'s column holding the ids the log uses)',
      },
    ]);
  });

  it("a column nothing like any of them: no guess, the first column as the example", async () => {
    const f = files();
    const found = await issues(
      concurrencyCommand.run(`${f.sessions} --roster ${f.roster} --roster-key Badge`, gbp),
    );
    expect(found).toEqual([
      {
        code: "options.roster_key",
        message:
          '--roster-key "Badge" names no column in roster.csv. Columns found: "Email", "Employee ID", "Name", "Group".',
        hint: '--roster-key "Email" (the roster\'s column holding the ids the log uses)',
      },
    ]);
  });

  it("without --roster", async () => {
    const f = files();
    const expected = [
      {
        code: "options.roster_key_without_roster",
        message:
          '--roster-key "Employee ID" chooses the key column of the roster given with --roster, and no --roster was given',
        hint: '--roster roster.csv --roster-key "Employee ID" (to choose the user column of the file itself: --map user="Employee ID")',
      },
    ];
    expect(
      await issues(concurrencyCommand.run(`${f.sessions} --roster-key "Employee ID"`, gbp)),
    ).toEqual(expected);
    expect(
      await issues(rightsizeCommand.run(`${f.roster} --rate 70 --roster-key "Employee ID"`, gbp)),
    ).toEqual(expected);
  });

  it("with no column name", async () => {
    const f = files();
    const found = await issues(
      concurrencyCommand.run(`${f.sessions} --roster ${f.roster} --roster-key ""`, gbp),
    );
    expect(found).toEqual([
      {
        code: "option.missing_value",
        message: "--roster-key needs a value",
        hint: "concurrency PATH [--roster roster.csv] [--timeout 30m] [--tz Europe/London]",
      },
    ]);
  });
});

describe("the reader's rosterKey option", () => {
  it("reads the named column as the roster's user, and refuses a blank name", async () => {
    const bytes = new TextEncoder().encode(ROSTER);
    const r = await readRosterFile(bytes, "roster.csv", { rosterKey: "Employee ID" });
    expect(r.ok && r.value.mapping[0]).toEqual({ field: "user", header: "Employee ID" });
    expect(r.ok && r.value.roster?.map((u) => u.user)).toEqual(["e1001", "e1002", "e1003"]);
    expect(await readRosterFile(bytes, "roster.csv", { rosterKey: " " })).toEqual({
      ok: false,
      issues: [
        {
          code: "options.roster_key",
          message: "--roster-key needs the name of a column of the roster",
          hint: '--roster-key "Employee ID"',
        },
      ],
    });
  });
});
