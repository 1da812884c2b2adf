import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import { gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

const exportText = (name: string) =>
  readFileSync(new URL(`../../fixtures/exports/${name}`, import.meta.url), "utf8");

const SHARE_TIMES =
  'Share an export with login and logout times (e.g. 2026-03-02 09:15 and 2026-03-02 17:40) or a duration column; if the times are in a column of their own, name it: --map start="Login Time" --map end="Logout Time"';

/*
 * A VPN "user sessions" report saved from Excel with the date format only (dd/mm/yyyy): six rows
 * from four people, every login and logout at 00:00. Read as written, five sessions have no length
 * and cat's runs a whole day, so the split said "£0 a year — proven optimal" for a file with users.
 */
describe("a session log with dates but no times", () => {
  it("is refused with what to share instead, never a £0 plan", async () => {
    const path = writeFixture(
      tempDir(),
      "vpn-sessions.csv",
      exportText("vpn-report-dates-only.csv"),
    );
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140 --currency GBP`, gbp);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues).toEqual([
      {
        code: "file.no_times",
        message:
          "vpn-sessions.csv has dates but no times: every login and logout in its 6 sessions is at midnight (00:00), so it can't show when people are online or who is on at the same time, and any peak or split from it would be wrong",
        hint: SHARE_TIMES,
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/£0|proven optimal/);
  });

  it("is refused for concurrency too (no peak from dates alone)", async () => {
    const path = writeFixture(
      tempDir(),
      "vpn-sessions.csv",
      exportText("vpn-report-dates-only.csv"),
    );
    const out = await concurrencyCommand.run(path, gbp);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.map((i) => i.code)).toEqual(["file.no_times"]);
  });

  it("is refused when every session has its logout at the moment of login", async () => {
    const text = [
      "Agent Email,Login Time,Logout Time",
      "a@x.com,2026-09-07T09:12:00Z,2026-09-07T09:12:00Z",
      "b@x.com,2026-09-07T10:30:00Z,2026-09-07T10:30:00Z",
      "c@x.com,2026-09-07,2026-09-07",
    ].join("\n");
    const path = writeFixture(tempDir(), "sessions.csv", text);
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140 --currency GBP`, gbp);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues).toEqual([
      {
        code: "file.no_times",
        message:
          "None of the 3 sessions in sessions.csv has a time of day: 2 end at the moment they start (zero length) and 1 is dates at midnight with no time, so it can't show when people are online, and any peak or split from it would be wrong",
        hint: SHARE_TIMES,
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/£0|proven optimal/);
  });
});

/*
 * SIX_PEOPLE_CSV (a–f on 7 Sep 2026 with times) plus g with a date-only row and h with a
 * zero-length one: g and h are never online as written, so the optimum is the six-person one
 * (2 named + a pool of 1 = £3,360, see split.test.ts), and the reply says why two sessions may be
 * wrong.
 */
describe("a session log where only some sessions have no time", () => {
  it("is analysed with a caution naming how many", async () => {
    const text = [
      SIX_PEOPLE_CSV,
      "g@x.com,2026-09-07,2026-09-07",
      "h@x.com,2026-09-07T12:30:00Z,2026-09-07T12:30:00Z",
    ].join("\n");
    const path = writeFixture(tempDir(), "sessions.csv", text);
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140 --currency GBP`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.notes).toContain(
      "Caution: of the 8 sessions, 1 has dates but no times (login and logout at 00:00) and 1 is zero length (logout at the moment of login). They are counted as written (midnight to midnight, or no time online), so the figures may be wrong for those people: share their times to be sure.",
    );
    expect(out.reply.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
  });
});
