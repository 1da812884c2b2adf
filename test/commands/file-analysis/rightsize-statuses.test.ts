/**
 * The right-sizing reply when some roster rows cannot be read, and for status words with a
 * meaning to state (issue 10, class 9).
 */
import { describe, expect, it } from "vitest";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { gbp, tempDir, writeFixture } from "./fixtures.js";

/*
 * On 2026-10-01, inactive after 60 days. Rows: a active (30 Sep); b Suspended (disabled); c Frozen
 * (unknown: skipped); d Invited 2026-05-01 (153 days ago, never accepted: never logged in); e on a
 * bad date (skipped); f Invited 2026-09-20 (11 days: new, not flagged); a again (duplicate:
 * skipped, not a user). Read: a, b, d, f = 4 provisioned. Unread: c, e = 2 (the duplicate is not
 * counted). Remove b and d = 2; needed 4 − 2 = 2; saving 2 × £70 × 12 = £1,680.
 */
const ROSTER = [
  "Email,Status,Last Login,Created",
  "a@x.com,Active,2026-09-30,2024-01-01",
  "b@x.com,Suspended,2026-09-01,2024-01-01",
  "c@x.com,Frozen,2026-09-01,2024-01-01",
  "d@x.com,Invited,,2026-05-01",
  "e@x.com,Active,yesterday,2024-01-01",
  "f@x.com,Invited,,2026-09-20",
  "a@x.com,Active,2026-09-30,2024-01-01",
].join("\n");

describe("rightsize: unread rows and status words", () => {
  it("says how many rows were not counted, in the headline", async () => {
    const path = writeFixture(tempDir(), "roster.csv", ROSTER);
    const out = await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    expect(r.headline).toBe(
      "Licence 2 active fulfillers, not 4 provisioned (2 more rows could not be read: see skipped-rows.csv): £1,680 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["disabled", "1", "remove", "£840"],
      ["never logged in", "1", "remove", "£840"],
      ["total to remove", "2", "", "£1,680"],
    ]);
    expect(r.notes).toContain(
      "1 invited user has never accepted: counted as never logged in (invited more than 60 days ago, or no created date).",
    );
    expect(r.notes).toContain(
      "Disabled accounts (suspended, locked, deactivated) are counted as licences to remove: check the vendor still bills them. Atlassian, for one, stops billing suspended and deactivated users, so that part of the saving may be made already.",
    );
    expect(r.notes).toContain(
      "1 new user has not logged in yet (created within 60 days): not flagged.",
    );
    expect(r.data.rightsize).toMatchObject({
      provisioned: 4,
      unreadRows: 2,
      removable: 2,
      recommended: 2,
      invitedNeverLoggedIn: 1,
      flagged: { disabled: 1, never_logged_in: 1 },
    });
    expect(r.files?.map((f) => f.name)).toContain("skipped-rows.csv");
  });

  it("says it too when every row read is in use", async () => {
    const text = [
      "Email,Status,Last Login",
      "a@x.com,Active,2026-09-30",
      "b@x.com,Frozen,2026-09-30",
    ].join("\n");
    const path = writeFixture(tempDir(), "roster.csv", text);
    const out = await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.headline).toBe(
      "All 1 provisioned licence is in use (1 more row could not be read: see skipped-rows.csv): none to remove. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
  });
});
