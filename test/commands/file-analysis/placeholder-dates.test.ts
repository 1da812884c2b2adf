import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { gbp, tempDir, writeFixture } from "./fixtures.js";

const exportText = (name: string) =>
  readFileSync(new URL(`../../fixtures/exports/${name}`, import.meta.url), "utf8");

/*
 * The SQL login export of test/roster/sentinel-dates.test.ts: 4 sessions used — ann 09:00–12:00,
 * bob 10:00–10:30 and cat 11:00–11:30 (logouts 9999-12-31 and 0000-00-00: no logout, closed at
 * the 30-minute timeout), gus 14:00–15:30 — and rows 5–7 skipped. The window is 09:00–15:30
 * (6.5 h); two are online 10:00–10:30 and 11:00–11:30: 1 h ÷ 6.5 h = 15.4%, peak 2 at 10:00.
 * Read as a date, the 9999-12-31 logout made a session nearly 8,000 years long.
 */
describe("placeholder dates through the commands", () => {
  it("concurrency reads open logouts as no logout and says which rows", async () => {
    const path = writeFixture(
      tempDir(),
      "logins.csv",
      exportText("sql-sessions-placeholder-dates.csv"),
    );
    const out = await concurrencyCommand.run(path, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    expect(r.headline).toBe(
      "Peak: 2 people online at once, on Mon 2 Mar 10:00; 90% of the time 2 or fewer.",
    );
    expect(r.working).toContain("at least 2 online: 1 h ÷ 6.5 h = 15.4%");
    expect(r.notes).toContain(
      "3 rows skipped (all listed in skipped-rows.csv); the other 4 are analysed.",
    );
    expect(r.read?.assumed).toEqual(
      expect.arrayContaining([
        "2 logins had no logout: closed at the session timeout (--timeout).",
        'logins.csv: 1 row\'s logout "9999-12-31 23:59:59" (a placeholder date) read as no logout: row 3.',
        'logins.csv: 1 row\'s logout "0000-00-00 00:00:00" (a placeholder date) read as no logout: row 4.',
      ]),
    );
    expect(JSON.stringify(r)).not.toMatch(/\d{3},\d{3} weeks/);
  });

  /*
   * The .NET-style roster on 2026-10-01: ann logged in 20 Sep (active); bob, fay (0001-01-01), cat
   * (epoch zero) and dan (0000-00-00) never logged in: 4 to remove, 4 × £70 × 12 = £3,360; eve's
   * 9999-12-31 last login is reported, not read as a login in the year 9999.
   */
  it("rightsize reads placeholder last logins as never and reports 9999-12-31", async () => {
    const path = writeFixture(tempDir(), "users.csv", exportText("roster-placeholder-dates.csv"));
    const out = await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    expect(r.tables[0]?.rows).toEqual([
      ["never logged in", "4", "remove", "£3,360"],
      ["total to remove", "4", "", "£3,360"],
    ]);
    expect(r.tables[1]?.rows).toEqual([
      [
        "6",
        '"Last Login"',
        '"9999-12-31T23:59:59" is a placeholder date (year 9999), not a real last login',
      ],
    ]);
    expect(r.read?.assumed).toEqual(
      expect.arrayContaining([
        'users.csv: 2 rows\' last login "0001-01-01T00:00:00" (a placeholder date) read as never logged in: rows 3, 7.',
        'users.csv: 1 row\'s last login "1970-01-01T00:00:00Z" (a placeholder date) read as never logged in: row 4.',
        'users.csv: 1 row\'s last login "0000-00-00 00:00:00" (a placeholder date) read as never logged in: row 5.',
        'users.csv: 1 row\'s created "0000-00-00 00:00:00" (a placeholder date) read as no created date: row 5.',
      ]),
    );
  });
});
