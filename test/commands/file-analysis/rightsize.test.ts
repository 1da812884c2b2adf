import { describe, expect, it } from "vitest";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { fileText, gbp, ROSTER_CSV, tempDir, writeFixture } from "./fixtures.js";

/*
 * ROSTER_CSV on 2026-10-01: remove c and i (departed), d (disabled), e (never logged in), f (no
 * login since 1 May: 153 days > 60) = 5; g is occasional (2 tickets < 5) and keeps access; h is new.
 * Licences needed: 9 − 5 = 4. Saving at £70/mo: 5 × £70 × 12 = £4,200. Active (no flag): a, b, h = 3.
 */
describe("rightsize PATH", () => {
  it("gives the hand-computed count and saving, with flagged-users.csv", async () => {
    const path = writeFixture(tempDir(), "roster.csv", ROSTER_CSV);
    const out = await rightsizeCommand.run(`${path} --rate 70 --as-of 2026-10-01`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    expect(r.headline).toBe(
      "Licence 4 active fulfillers, not 9 provisioned: £4,200 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["departed", "2", "remove", "£1,680"],
      ["disabled", "1", "remove", "£840"],
      ["never logged in", "1", "remove", "£840"],
      ["no login in 60 days", "1", "remove", "£840"],
      ["occasional (activity below 5)", "1", "keep; pool candidate", ""],
      ["total to remove", "5", "", "£4,200"],
    ]);
    expect(r.working).toEqual([
      "to remove: 2 departed + 1 disabled + 1 never logged in + 1 no login in 60 days = 5",
      "licences needed: 9 provisioned − 5 = 4",
      "saving: 5 × £70 × 12 = £4,200",
    ]);
    expect(r.notes).toContain(
      "1 new user has not logged in yet (created within 60 days): not flagged.",
    );
    expect(r.data.rightsize).toMatchObject({
      provisioned: 9,
      active: 3,
      recommended: 4,
      removable: 5,
      flagged: { departed: 2, disabled: 1, never_logged_in: 1, inactive: 1, occasional: 1 },
      annualSaving: { minor: 420_000 },
      asOf: "2026-10-01T00:00:00.000Z",
    });
    expect(JSON.stringify(r.data)).not.toContain("@x.com");
    const csv = fileText(
      r.files?.find((f) => f.name === "flagged-users.csv")?.content ?? new Uint8Array(),
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe('"user","name","reason","action","days since last login","activity"');
    // f: 1 May → 1 Oct is 153 days. The formula-like name gets an apostrophe.
    expect(lines).toContain('"f@x.com","Fay","no login in 60 days","remove","153",""');
    expect(lines).toContain(
      '"i@x.com","\'=HYPERLINK(""http://evil.example"")","departed","remove","242",""',
    );
  });

  it("counts without a rate and asks for one in a line", async () => {
    const path = writeFixture(tempDir(), "roster.csv", ROSTER_CSV);
    const out = await rightsizeCommand.run(`${path} --as-of 2026-10-01 --inactive 200`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // With 200 days, f (153 days) is no longer inactive: 4 to remove, 5 needed.
    expect(out.reply.headline).toBe(
      "Licence 5 active fulfillers, not 9 provisioned: 4 licences unused. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(out.reply.notes[0]).toBe(
      `No licence rate yet, so no saving: rightsize ${path} --rate 70, or /deal set named 70 in Slack.`,
    );
    expect(out.reply.data).toMatchObject({ ratesNeeded: true, rightsize: { annualSaving: null } });
  });
});
