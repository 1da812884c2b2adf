import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../src/commands/file-analysis/concurrency.js";
import { readRosterFile } from "../../src/roster/read-file.js";
import { gbp, tempDir } from "../commands/file-analysis/fixtures.js";
import { exportBytes } from "./exports.js";
import { utc } from "./fixtures.js";

const FILE = "portal-audit-failed-logins.csv";
const NOTE =
  '7 rows are failed, refused or unconfirmed attempts ("Login failed", "Failed login", "Sign-in failure", …): left out, not counted as logins or logouts';

describe("failed attempts are not logins", () => {
  it("leaves them out of the sessions and lists each row with its reason", async () => {
    const r = await readRosterFile(exportBytes(FILE), FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Only ann got in, 09:00–10:30. Matched by substring, all seven attempts were logins: bo and
    // cy had sessions closed at the timeout and the peak was 3.
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 4, 9), end: utc(2026, 3, 4, 10, 30) },
    ]);
    const failed = (text: string) =>
      `"${text}" is a failed or refused attempt, not a login or logout`;
    expect(r.value.rowErrors).toEqual([
      { row: 2, column: "Event", reason: failed("Login failed") },
      { row: 3, column: "Event", reason: failed("Failed login") },
      { row: 5, column: "Event", reason: failed("Sign-in failure") },
      { row: 6, column: "Event", reason: failed("Unsuccessful logon") },
      { row: 7, column: "Event", reason: failed("Logon attempt rejected") },
      { row: 8, column: "Event", reason: failed("Connection refused") },
      {
        row: 9,
        column: "Event",
        reason: '"Not logged in" says it did not happen, not a login or logout',
      },
    ]);
    expect(r.value.summary).toMatchObject({
      rows: 9,
      used: 2,
      skipped: 7,
      sessions: 1,
      users: 1,
      closedAtTimeout: 0,
    });
    expect(r.value.notes).toEqual([NOTE]);
  });

  it("says how many rows were left out in the reply, and the peak counts only who got in", async () => {
    const path = join(tempDir(), FILE);
    writeFileSync(path, exportBytes(FILE));
    const out = await concurrencyCommand.run(path, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.data.concurrency).toMatchObject({ peak: 1 });
    // The reader's notes lead the reply, with the assumptions of its read block.
    expect(out.reply.read?.assumed).toContain(`${FILE}: ${NOTE}.`);
    expect(out.reply.notes).toContain(
      "7 rows skipped (all listed in skipped-rows.csv); the other 2 are analysed.",
    );
  });

  it("quotes each attempt text once, and a single attempt in the singular", async () => {
    const log = (...rows: string[]) =>
      new TextEncoder().encode(["Timestamp,Username,Event", ...rows].join("\n"));
    const twice = await readRosterFile(
      log(
        "2026-03-04T08:00:00Z,ann,LOGIN_FAILED",
        "2026-03-04T08:01:00Z,ann,LOGIN_FAILED",
        "2026-03-04T08:02:00Z,ann,LOGIN",
        "2026-03-04T09:00:00Z,ann,LOGOUT",
      ),
      "audit.csv",
    );
    expect(twice.ok && twice.value.notes).toEqual([
      '2 rows are failed, refused or unconfirmed attempts ("LOGIN_FAILED"): left out, not counted as logins or logouts',
    ]);
    const once = await readRosterFile(
      log("2026-03-04T08:00:00Z,ann,LoginFailed", "2026-03-04T08:02:00Z,ann,UserLogin"),
      "audit.csv",
    );
    expect(once.ok && once.value.notes).toEqual([
      '1 row is a failed, refused or unconfirmed attempt ("LoginFailed"): left out, not counted as a login or logout',
    ]);
    expect(once.ok && once.value.sessions?.length).toBe(1);
  });
});
