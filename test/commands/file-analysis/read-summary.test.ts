import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { readSummary } from "../../../src/commands/file-analysis/read-summary.js";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import type { CommandOutcome, Reply } from "../../../src/commands/reply.js";
import { outcomeJson, renderReplyText } from "../../../src/commands/reply-text.js";
import type { RosterFileRead } from "../../../src/roster/read-file.js";
import { formatMapping } from "../../../src/roster/read-result.js";
import { renderReplyBlocks } from "../../../src/slack/blocks/reply-blocks.js";
import { exportBytes } from "../../roster/exports.js";
import { gbp, ROSTER_CSV, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

function replyOf(out: CommandOutcome): Reply {
  if (!out.ok) throw new Error(`expected a reply, got ${JSON.stringify(out.issues)}`);
  return out.reply;
}

async function run(
  command: typeof splitCommand,
  name: string,
  text: string | Uint8Array,
  args = "",
): Promise<Reply> {
  const path = writeFixture(tempDir(), name, text as string);
  return replyOf(await command.run(`${path} ${args}`, gbp));
}

const UTC_ASSUMED = "Times without a zone read as UTC (--tz Europe/London to change).";

describe("what every file reply says first", () => {
  /*
   * SIX_PEOPLE_CSV: 6 rows, 6 people, one session each, all on Mon 7 Sep 2026; the first login is
   * 09:00 and the last logout 17:00 (UTC), so the log spans 8 h: a short window.
   */
  it("says rows, people, sessions, the day and hours, the zone and the columns of a session log", async () => {
    const r = await run(
      splitCommand,
      "sessions.csv",
      SIX_PEOPLE_CSV,
      "--named 70 --concurrent 140",
    );
    expect(r.read).toEqual({
      lines: [
        "Read 6 rows of sessions.csv, a session log: 6 people, 6 sessions, Mon 7 Sep 2026 09:00–17:00 (UTC).",
        "Only 8 h of log (under 4 weeks): the peak and the pool sized on it come from that short window; other weeks may be busier. Yearly costs are seats × rates, not scaled up from the log.",
        'Columns used: user ← "Agent Email", start ← "Login Time", end ← "Logout Time".',
      ],
      assumed: [UTC_ASSUMED],
    });
    expect(r.data.read).toEqual({
      rows: 6,
      used: 6,
      skipped: 0,
      people: 6,
      sessions: 6,
      from: "2026-09-07T09:00:00.000Z",
      to: "2026-09-07T17:00:00.000Z",
      timeZone: "UTC",
      timeZoneAssumed: true,
      shortLog: true,
      // A CSV file has no sheets.
      sheet: null,
      columns: [
        { field: "user", header: "Agent Email", guessed: false },
        { field: "start", header: "Login Time", guessed: false },
        { field: "end", header: "Logout Time", guessed: false },
      ],
    });
    // The columns and the assumptions lead the reply, so the notes at the end don't repeat them.
    expect(r.notes.some((n) => n.startsWith("Columns used"))).toBe(false);
    expect(r.notes).not.toContain(UTC_ASSUMED);
  });

  it("is shown right after the headline and before the tables, in the terminal and in Slack", async () => {
    const r = await run(
      splitCommand,
      "sessions.csv",
      SIX_PEOPLE_CSV,
      "--named 70 --concurrent 140",
    );
    const text = renderReplyText(r, { working: false });
    const blocks = text.split("\n\n");
    expect(blocks[0]).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    expect(blocks[1]).toBe(
      [
        "Read 6 rows of sessions.csv, a session log: 6 people, 6 sessions, Mon 7 Sep 2026 09:00–17:00 (UTC).",
        "Only 8 h of log (under 4 weeks): the peak and the pool sized on it come from that short window; other weeks may be busier. Yearly costs are seats × rates, not scaled up from the log.",
        'Columns used: user ← "Agent Email", start ← "Login Time", end ← "Logout Time".',
        "Assumed:",
        `  – ${UTC_ASSUMED}`,
      ].join("\n"),
    );
    expect(blocks[2]).toMatch(/^That is £1,680 \(33%\) less than naming everyone\./);

    const slack = renderReplyBlocks(r).blocks;
    expect(slack[0]).toMatchObject({ type: "section" });
    expect(slack[1]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: blocks[1] }],
    });
  });

  it("puts the facts and the assumptions in the --json output", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", SIX_PEOPLE_CSV);
    const json = outcomeJson(await splitCommand.run(`${path} --named 70 --concurrent 140`, gbp));
    expect(json.read).toMatchObject({
      rows: 6,
      people: 6,
      sessions: 6,
      shortLog: true,
      assumed: [UTC_ASSUMED],
    });
  });

  it("leaves other commands' JSON alone (tiers has its own `assumed` field)", () => {
    const tiers: Reply = {
      command: "tiers",
      headline: "h",
      tables: [],
      notes: [],
      working: [],
      next: [],
      data: { assumed: ["mode"] },
    };
    const json = outcomeJson({ ok: true, reply: tiers });
    expect(json.assumed).toEqual(["mode"]);
    expect(json.read).toBeUndefined();
  });

  /*
   * Times without a zone read in Europe/London (BST, UTC+1, in June). Row 4 has month 13 and is
   * skipped. a: Mon 1 Jun 09:00–17:00, b: Fri 19 Jun 10:00–11:00 London time. From 1 Jun 09:00 to
   * 19 Jun 11:00 is 18 days 2 h: "only 18 days", never rounded up.
   */
  it("shows the range in the zone given, counts the rows not used, and says the short peak", async () => {
    const csv = [
      "User,Start,End",
      "a,2026-06-01 09:00,2026-06-01 17:00",
      "b,2026-06-19 10:00,2026-06-19 11:00",
      "c,2026-13-01 09:00,2026-06-03 10:00",
    ].join("\n");
    const r = await run(concurrencyCommand, "sessions.csv", csv, "--tz Europe/London");
    expect(r.read?.lines).toEqual([
      "Read 3 rows of sessions.csv, a session log (1 not used): 2 people, 2 sessions, 1 Jun – 19 Jun 2026 (Europe/London).",
      "Only 18 days of log (under 4 weeks): the peak comes from that short window; other weeks may be busier.",
      'Columns used: user ← "User", start ← "Start", end ← "End".',
    ]);
    expect(r.read?.assumed).toEqual(["sessions.csv: times without a zone read as Europe/London."]);
    expect(r.data.read).toMatchObject({
      from: "2026-06-01T08:00:00.000Z",
      to: "2026-06-19T10:00:00.000Z",
      timeZone: "Europe/London",
      timeZoneAssumed: false,
      shortLog: true,
    });
    // The times are said once, at the top: no "Times shown in" note at the end.
    expect(r.notes.some((n) => n.startsWith("Times shown in"))).toBe(false);
  });

  /* 28 Dec 2025 09:00 to 30 Jan 2026 17:00 (UTC): 33 days, across a new year, not short. */
  it("writes both years for a log that crosses one, and no caution for four weeks or more", async () => {
    const csv = [
      "User,Start,End",
      "a,2025-12-28T09:00:00Z,2025-12-28T10:00:00Z",
      "b,2026-01-30T09:00:00Z,2026-01-30T17:00:00Z",
    ].join("\n");
    const r = await run(concurrencyCommand, "sessions.csv", csv);
    expect(r.read?.lines).toEqual([
      "Read 2 rows of sessions.csv, a session log: 2 people, 2 sessions, 28 Dec 2025 – 30 Jan 2026 (UTC).",
      'Columns used: user ← "User", start ← "Start", end ← "End".',
    ]);
    expect(r.data.read).toMatchObject({ shortLog: false });
  });

  /* Exactly 28 days (1 Sep 00:00 – 29 Sep 00:00) is four weeks: no caution. An hour less is 27 days. */
  it("calls a log short only below 28 days, and never rounds 27 days 23 h up to four weeks", async () => {
    const header = "User,Start,End";
    const four = await run(
      concurrencyCommand,
      "sessions.csv",
      [
        header,
        "a,2026-09-01T00:00:00Z,2026-09-01T01:00:00Z",
        "b,2026-09-28T23:00:00Z,2026-09-29T00:00:00Z",
      ].join("\n"),
    );
    expect(four.data.read).toMatchObject({ shortLog: false });
    const whatIf = (r: Reply) => r.tables.find((t) => t.title?.startsWith("If the pool"))?.title;
    expect(whatIf(four)).toBe("If the pool had been smaller (logins refused in these 4 weeks)");
    const less = await run(
      concurrencyCommand,
      "sessions.csv",
      [
        header,
        "a,2026-09-01T00:00:00Z,2026-09-01T01:00:00Z",
        "b,2026-09-28T22:00:00Z,2026-09-28T23:00:00Z",
      ].join("\n"),
    );
    expect(less.read?.lines[1]).toBe(
      "Only 27 days of log (under 4 weeks): the peak comes from that short window; other weeks may be busier.",
    );
    // The refusals are counted over the same 27 days, not called "4 weeks".
    expect(whatIf(less)).toBe("If the pool had been smaller (logins refused in these 27 days)");
  });

  /*
   * rlm-events.csv: 9 rows; DENY, QUE and DEQUE rows are not logins or logouts (3 not used); the
   * other 6 pair into 3 sessions of 3 people on Tue 3 Mar 2026 between 08:00 and 12:15.
   */
  it("names an event log as one and lists the reader's assumptions, file by file", async () => {
    const r = await run(
      splitCommand,
      "rlm-events.csv",
      exportBytes("rlm-events.csv"),
      "--named 70 --concurrent 140",
    );
    expect(r.read?.lines[0]).toBe(
      "Read 9 rows of rlm-events.csv, an event log (3 not used): 3 people, 3 sessions, Tue 3 Mar 2026 08:00–12:15 (UTC).",
    );
    expect(r.read?.assumed).toEqual([
      UTC_ASSUMED,
      'rlm-events.csv: 3 rows are failed, refused or unconfirmed attempts ("DENY", "QUE", "DEQUE"): left out, not counted as logins or logouts.',
      'rlm-events.csv: read "OUT" as a licence checkout (a login) and "IN" as a licence checkin (a logout), as licence servers such as FlexLM and RLM write them.',
    ]);
  });

  /* The roster beside the log has no status column: its reader says so, and the reply passes it on. */
  it("says what it read from a --roster file too, with that file's assumptions", async () => {
    const dir = tempDir();
    const sessions = writeFixture(dir, "sessions.csv", SIX_PEOPLE_CSV);
    const roster = writeFixture(
      dir,
      "team.csv",
      ["Email,Group", "a@x.com,Desk", "b@x.com,Desk", "c@x.com,HR"].join("\n"),
    );
    const r = replyOf(await concurrencyCommand.run(`${sessions} --roster ${roster}`, gbp));
    expect(r.read?.lines).toEqual([
      "Read 6 rows of sessions.csv, a session log: 6 people, 6 sessions, Mon 7 Sep 2026 09:00–17:00 (UTC).",
      "Only 8 h of log (under 4 weeks): the peak comes from that short window; other weeks may be busier.",
      'Columns used: user ← "Agent Email", start ← "Login Time", end ← "Logout Time".',
      'Roster: 3 rows of team.csv, 3 people; columns used: user ← "Email", group ← "Group".',
    ]);
    expect(r.read?.assumed).toEqual([
      UTC_ASSUMED,
      "3 people are not in the roster (3 rows); their sessions still count.",
      "team.csv: no status column: every user counted as active.",
    ]);
  });

  it("gives a roster's rows and people, and no time zone (it has no sessions)", async () => {
    const r = await run(rightsizeCommand, "roster.csv", ROSTER_CSV, "--rate 70 --as-of 2026-10-01");
    expect(r.read).toEqual({
      lines: [
        "Read 9 rows of roster.csv, a roster: 9 people.",
        'Columns used: user ← "Email", name ← "Name", status ← "Status", lastLogin ← "Last Login", created ← "Created", activity ← "Tickets Worked".',
      ],
      assumed: ['roster.csv: "Status" read as departed for "Left" (2 users).'],
    });
    expect(r.data.read).toMatchObject({ people: 9, sessions: 0, from: null, to: null });
  });

  it("says a roster with no status column counts everyone as active", async () => {
    const csv = ["Email,Last Login", "a@x.com,2026-09-30", "b@x.com,2026-09-01"].join("\n");
    const r = await run(rightsizeCommand, "users.csv", csv, "--as-of 2026-10-01");
    expect(r.read?.assumed).toEqual([
      "users.csv: no status column: every user counted as active.",
      "users.csv: no created-date column: a new account that has not logged in yet cannot be told from one never used, so both count as never logged in.",
    ]);
  });
});

describe("columns guessed from the data", () => {
  const read: RosterFileRead = {
    kind: "sessions",
    format: "csv",
    sessions: [
      { user: "a", start: Date.UTC(2026, 2, 3, 9), end: Date.UTC(2026, 2, 3, 10) },
      { user: "b", start: Date.UTC(2026, 2, 4, 9), end: Date.UTC(2026, 2, 28, 17, 30) },
    ],
    userSpelling: new Map(),
    mapping: [
      { field: "user", header: "Col1" },
      { field: "start", header: "When", guessed: true },
      { field: "end", header: "Until", guessed: true },
    ],
    summary: {
      rows: 2,
      blankRows: 0,
      used: 2,
      skipped: 0,
      sessions: 2,
      users: 2,
      closedAtTimeout: 1,
      overlapping: 0,
      merged: 0,
      duplicates: 0,
      endBeforeStart: 0,
      unknownUsers: 0,
      unknownUserRows: 0,
      unpairedLogouts: 0,
    },
    rowErrors: [],
    rowWarnings: [],
    notes: ["guessed a session log from the data: repeated users and a later second date-time"],
  };

  it("marks each guessed column, in the reply and in the JSON", () => {
    expect(formatMapping(read.mapping)).toBe(
      'user ← "Col1", start ← "When" (guessed from the data), end ← "Until" (guessed from the data)',
    );
    const s = readSummary(read, "export.csv", {
      timeZone: "UTC",
      zoneGiven: false,
      sizesPool: false,
    });
    expect(s.block.lines).toEqual([
      "Read 2 rows of export.csv, a session log: 2 people, 2 sessions, 3 Mar – 28 Mar 2026 (UTC).",
      "Only 25 days of log (under 4 weeks): the peak comes from that short window; other weeks may be busier.",
      'Columns used: user ← "Col1", start ← "When" (guessed from the data), end ← "Until" (guessed from the data).',
    ]);
    expect(s.block.assumed).toEqual([
      UTC_ASSUMED,
      "export.csv: guessed a session log from the data: repeated users and a later second date-time.",
      "1 login had no logout: closed at the session timeout (--timeout).",
    ]);
    expect(s.data.columns).toEqual([
      { field: "user", header: "Col1", guessed: false },
      { field: "start", header: "When", guessed: true },
      { field: "end", header: "Until", guessed: true },
    ]);
  });
});
