/**
 * The CSV files a reply carries, written from an uploaded file's own text: every field quoted, and
 * a formula hidden after a `;` (which Excel in semicolon locales splits into a cell of its own)
 * neutralised, in skipped-rows.csv exactly as written.
 */
import { describe, expect, it } from "vitest";
import { splitCommand } from "../../src/commands/file-analysis/split.js";
import { gbp, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./file-analysis/fixtures.js";

describe("skipped-rows.csv from a file with formula-like values", () => {
  it("quotes every field and neutralises formulas at the start and after a semicolon", async () => {
    const csv = [
      SIX_PEOPLE_CSV,
      "g@x.com,2026-09-07T09:00:00Z,x;=1+1;", //      row 8: bad logout hiding a formula
      'h@x.com,=HYPERLINK("http://e.vil"),2026-09-07T10:00:00Z', // row 9: bad login
    ].join("\n");
    const path = writeFixture(tempDir(), "sessions.csv", csv);
    const out = await splitCommand.run(`${path} --named 70 --concurrent 140`, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const file = out.reply.files?.find((f) => f.name === "skipped-rows.csv");
    // The exact bytes: a byte-order mark, then every field in quotes, CRLF after each record. In
    // a semicolon locale Excel splits row 8's reason at the semicolons; the piece after the first
    // starts with an apostrophe, so it is text, not the formula =1+1.
    expect(file?.content).toEqual(
      new TextEncoder().encode(
        "\uFEFF" +
          '"row","column","reason"\r\n' +
          '"8","Logout Time","""x;\'=1+1;"" is not a date"\r\n' +
          '"9","Login Time","""=HYPERLINK(""http://e.vil"")"" is not a date"\r\n',
      ),
    );
  });
});
