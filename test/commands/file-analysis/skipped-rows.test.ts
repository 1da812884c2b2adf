import { describe, expect, it } from "vitest";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import { fileText, gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

/** SIX_PEOPLE_CSV (rows 2–7) plus three rows that can't be used (rows 8–10) and a timeout. */
const WITH_BAD_ROWS = [
  SIX_PEOPLE_CSV,
  "g@x.com,2026-09-07T09:00:00Z,2026-13-01 09:00",
  "h@x.com,2026-09-07T12:00:00Z,2026-09-07T11:00:00Z",
  ",2026-09-07T09:00:00Z,2026-09-07T10:00:00Z",
].join("\n");

describe("a file with rows that can't be used", () => {
  it("lists them (row, column, reason), counts them and saves them all in skipped-rows.csv", async () => {
    const path = writeFixture(tempDir(), "sessions.csv", WITH_BAD_ROWS);
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const r = out.reply;
    // The six good rows give the same optimum as without the bad ones.
    expect(r.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    const skipped = r.tables.find((t) => t.title?.startsWith("I couldn't use"));
    expect(skipped?.title).toBe("I couldn't use 3 of 9 rows in sessions.csv:");
    expect(skipped?.rows).toEqual([
      ["8", '"Logout Time"', '"2026-13-01 09:00" is not a date'],
      ["9", '"Logout Time"', "logout is before login"],
      ["10", '"Agent Email"', "no user"],
    ]);
    expect(r.notes).toContain(
      "3 rows skipped (all listed in skipped-rows.csv); the other 6 are analysed.",
    );
    expect(r.data.file).toMatchObject({ rows: 9, used: 6, skipped: 3 });
    const file = r.files?.find((f) => f.name === "skipped-rows.csv");
    expect(file?.mediaType).toBe("text/csv");
    expect(file?.description).toBe("The 3 rows of sessions.csv not analysed, with the reason");
    expect(fileText(file?.content ?? new Uint8Array())).toBe(
      '"row","column","reason"\r\n' +
        '"8","Logout Time","""2026-13-01 09:00"" is not a date"\r\n' +
        '"9","Logout Time","logout is before login"\r\n' +
        '"10","Agent Email","no user"\r\n',
    );
  });

  it("says when the table lists only the first of the rows it counts", async () => {
    // Seven rows with no user (rows 8–14): the table shows 5, the file all 7.
    const noUser = Array.from({ length: 7 }, () => ",2026-09-07T09:00:00Z,2026-09-07T10:00:00Z");
    const path = writeFixture(tempDir(), "sessions.csv", [SIX_PEOPLE_CSV, ...noUser].join("\n"));
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const skipped = out.reply.tables.find((t) => t.title?.startsWith("I couldn't use"));
    expect(skipped?.title).toBe(
      "I couldn't use 7 of 13 rows in sessions.csv (the first 5 below; all are in skipped-rows.csv):",
    );
    expect(skipped?.rows.map((row) => row[0])).toEqual(["8", "9", "10", "11", "12"]);
    const file = out.reply.files?.find((f) => f.name === "skipped-rows.csv");
    expect(
      fileText(file?.content ?? new Uint8Array())
        .trim()
        .split("\r\n"),
    ).toHaveLength(8);
  });

  it("says how many logins had no logout and were closed at the timeout", async () => {
    // g logs in at 09:00 with no logout: closed at 09:45 with --timeout 45m.
    const csv = `${SIX_PEOPLE_CSV}\ng@x.com,2026-09-07T09:00:00Z,`;
    const path = writeFixture(tempDir(), "sessions.csv", csv);
    const out = await splitCommand.run(`${path} --timeout 45m`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.reply.read?.assumed).toContain(
      "1 login had no logout: closed at the session timeout (--timeout).",
    );
    // Peak now 4 (a, b, c, g at 09:00–09:45).
    expect(out.reply.data.concurrency).toMatchObject({ peak: 4, peakMinutes: 45 });
  });
});
