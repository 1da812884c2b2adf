import { describe, expect, it } from "vitest";
import { analyseUpload } from "../../../src/commands/file-analysis/analyse.js";
import { rightsizeCommand } from "../../../src/commands/file-analysis/rightsize.js";
import { testContext } from "../context.js";
import { ROSTER_CSV, tempDir, writeFixture } from "./fixtures.js";

/** A terminal whose clock says `iso` (midnight UTC). */
const on = (iso: string) => testContext({ now: () => new Date(`${iso}T10:30:00Z`) });
const bytes = (text: string) => new TextEncoder().encode(text);

async function rightsized(csv: string, options: string, iso: string) {
  const path = writeFixture(tempDir(), "roster.csv", csv);
  const out = await rightsizeCommand.run(`${path} ${options}`, on(iso));
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.reply;
}

/*
 * ROSTER_CSV's newest date is a's last login, 30 Sep 2026 (created dates are older). Measured to
 * 30 Sep: c, i departed; d disabled; e never logged in; f last seen 1 May (152 days > 60);
 * h created 10 Sep (20 days: new, not flagged); g occasional. 5 to remove × £840 = £4,200.
 * Measured to 1 Jan 2027 instead: a (93 days), b (108), f, g (103) inactive and h (113 days old)
 * never logged in: all 9 to remove, 9 × £840 = £7,560.
 */
describe("rightsize measures inactivity to the newest date in the file by default", () => {
  it("gives the same answer whatever day it is run", async () => {
    for (const today of ["2026-12-02", "2027-01-01", "2028-06-15"]) {
      const r = await rightsized(ROSTER_CSV, "--rate 70", today);
      expect(r.headline).toBe(
        "Licence 4 active fulfillers, not 9 provisioned: £4,200 a year. Inactivity measured to 30 Sep 2026, the newest date in the file; --as-of to change.",
      );
      expect(r.data.rightsize).toMatchObject({
        removable: 5,
        annualSaving: { minor: 420_000 },
        asOf: "2026-09-30T00:00:00.000Z",
        asOfSource: "file",
      });
    }
  });

  it("--as-of today measures to today's date, and says so", async () => {
    const r = await rightsized(ROSTER_CSV, "--rate 70 --as-of today", "2027-01-01");
    expect(r.headline).toBe(
      "Licence 0 active fulfillers, not 9 provisioned: £7,560 a year. Inactivity measured to today, 1 Jan 2027 (--as-of today).",
    );
    expect(r.data.rightsize).toMatchObject({
      flagged: { departed: 2, disabled: 1, never_logged_in: 2, inactive: 4, occasional: 0 },
      asOf: "2027-01-01T00:00:00.000Z",
      asOfSource: "today",
    });
  });

  it("a typed --as-of wins over the file's date", async () => {
    const r = await rightsized(ROSTER_CSV, "--rate 70 --as-of 2027-01-01", "2026-12-02");
    expect(r.headline).toBe(
      "Licence 0 active fulfillers, not 9 provisioned: £7,560 a year. Inactivity measured to 1 Jan 2027 (--as-of).",
    );
    expect(r.data.rightsize).toMatchObject({ asOfSource: "typed" });
  });

  it("a placeholder 9999-12-31 or 0001-01-01 is never the file's newest date", async () => {
    const csv = [
      ROSTER_CSV,
      // Refused (a placeholder is not a real login), so not counted and not the newest date.
      "k@x.com,Kay,Active,9999-12-31,2024-01-01,30",
      // Read as never logged in: j joins e among the never logged in.
      "j@x.com,Jo,Active,0001-01-01,2024-01-01,0",
    ].join("\n");
    const r = await rightsized(csv, "--rate 70", "2026-12-02");
    // 6 to remove (5 + j) of 10 read: 4 needed; 6 × £840 = £5,040.
    expect(r.headline).toBe(
      "Licence 4 active fulfillers, not 10 provisioned (1 more row could not be read: see skipped-rows.csv): £5,040 a year. Inactivity measured to 30 Sep 2026, the newest date in the file; --as-of to change.",
    );
  });

  it("a date after today is not the file's date, and the reply says so", async () => {
    // j's last login is a slip for 2026: measuring to it would flag a and b as inactive.
    const csv = `${ROSTER_CSV}\nj@x.com,Jo,Active,2027-03-01,2024-01-01,30`;
    const r = await rightsized(csv, "--rate 70", "2026-12-02");
    expect(r.headline).toBe(
      "Licence 5 active fulfillers, not 10 provisioned: £4,200 a year. Inactivity measured to 30 Sep 2026, the newest date in the file; --as-of to change.",
    );
    expect(r.notes).toContain(
      "1 date in the file is after today, so not taken as the file's date: check it (a typing slip?).",
    );
  });

  it("a roster with no dates is measured to today, and says why", async () => {
    const csv = "Email,Status,Tickets Worked\na@x.com,Active,40\nb@x.com,Left,0";
    const r = await rightsized(csv, "--rate 70", "2026-12-02");
    expect(r.headline).toBe(
      "Licence 1 active fulfillers, not 2 provisioned: £840 a year. Inactivity measured to today, 2 Dec 2026: the file has no dates; --as-of to change.",
    );
    expect(r.data.rightsize).toMatchObject({ asOfSource: "no-dates" });
  });

  it("takes the day as written in the file's time zone (--tz)", async () => {
    // In London 2026-10-02 (a date, no time) is 1 Oct 23:00 UTC: still the 2nd as written.
    const csv = "Email,Status,Last Login\na@x.com,Active,2026-10-02\nb@x.com,Active,2026-07-01";
    const r = await rightsized(csv, "--rate 70 --tz Europe/London", "2026-12-02");
    expect(r.data.rightsize).toMatchObject({ asOf: "2026-10-02T00:00:00.000Z", removable: 1 });
  });

  it("a roster dropped in Slack (upload) gets the same default", async () => {
    const out = await analyseUpload(
      { name: "roster.csv", bytes: bytes(ROSTER_CSV) },
      on("2027-01-01"),
      async () => {},
      { rate: { value: { num: 70n, den: 1n }, text: "70" } },
    );
    expect(out.ok && out.reply.headline).toBe(
      "Licence 4 active fulfillers, not 9 provisioned: £4,200 a year. Inactivity measured to 30 Sep 2026, the newest date in the file; --as-of to change.",
    );
  });

  it("examples/roster.csv gives its file-date answer (2 Oct 2026), not today's", async () => {
    const out = await rightsizeCommand.run("examples/roster.csv --rate 70", on("2026-12-02"));
    const typed = await rightsizeCommand.run(
      "examples/roster.csv --rate 70 --as-of 2026-10-02",
      on("2026-12-02"),
    );
    expect(out.ok && out.reply.headline).toBe(
      "Licence 120 active fulfillers, not 150 provisioned: £25,200 a year. Inactivity measured to 2 Oct 2026, the newest date in the file; --as-of to change.",
    );
    if (!out.ok || !typed.ok) throw new Error("both runs should succeed");
    expect(out.reply.tables).toEqual(typed.reply.tables);
    expect(out.reply.tables[0]?.rows.at(-1)).toEqual(["total to remove", "30", "", "£25,200"]);
  });
});
