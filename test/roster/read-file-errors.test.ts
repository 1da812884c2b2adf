import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/result.js";
import { type ReadOptions, readRosterFile } from "../../src/roster/read-file.js";
import { csvBytes } from "./fixtures.js";

async function issues(
  bytes: Uint8Array,
  name = "sessions.csv",
  options: ReadOptions = {},
): Promise<readonly Issue[]> {
  const r = await readRosterFile(bytes, name, options);
  if (r.ok) throw new Error("expected the file to be refused");
  return r.issues;
}

const GOOD = csvBytes("user,start,end\nann,2026-03-02 09:00,2026-03-02 10:00\n");

describe("files that can't be used at all", () => {
  it("an empty file", async () => {
    expect(await issues(new Uint8Array(), "sessions.csv")).toEqual([
      {
        code: "file.empty",
        message: "sessions.csv is empty.",
        hint: "Export the file again, with a header row",
      },
    ]);
    expect((await issues(csvBytes("\uFEFF\r\n \r\n")))[0]?.message).toBe("sessions.csv is empty.");
  });

  it("a header with no rows", async () => {
    expect(await issues(csvBytes("Agent Email,Login Time,Logout Time\r\n\r\n"))).toEqual([
      {
        code: "file.no_rows",
        message: "sessions.csv has column names but no rows.",
        hint: "Export the file again with its data",
      },
    ]);
  });

  it("no header row", async () => {
    const r = await issues(csvBytes("ann@x.com,2026-03-02 09:00,2026-03-02 10:00\n"));
    expect(r.map((i) => i.code)).toEqual(["file.no_header"]);
    expect(r[0]?.message).toBe("The first row of sessions.csv looks like data, not column names.");
  });

  it("a required column missing, naming the columns found", async () => {
    expect(await issues(csvBytes("Agent,Login Time,PC\nann,2026-03-02 09:00,1\n"))).toEqual([
      {
        code: "file.missing_column",
        message:
          'sessions.csv looks like a session log but has no column for the logout time or duration. Columns found: "Agent", "Login Time", "PC".',
        hint: '--map end="Column name" or --map duration="Column name"',
      },
    ]);
  });

  it("binary content, judged by content not name", async () => {
    const pdf = csvBytes("%PDF-1.7\n...");
    expect(await issues(pdf, "sessions.csv")).toEqual([
      {
        code: "file.not_csv_or_xlsx",
        message: "sessions.csv is neither a CSV nor an XLSX file (it looks like a PDF).",
        hint: "Export the roster or session log from your service desk as CSV or XLSX",
      },
    ]);
    const noise = new Uint8Array([0x01, 0x02, 0x00, 0x9f, 0x10, 0x11, 0x12]);
    expect((await issues(noise, "roster.xlsx"))[0]?.message).toBe(
      "roster.xlsx is neither a CSV nor an XLSX file (it looks like binary data).",
    );
  });

  it("an old .xls workbook", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await issues(ole, "roster.xls")).toEqual([
      {
        code: "file.old_excel",
        message: "roster.xls is an old-style Excel .xls workbook, which I can't read.",
        hint: "Save it as .xlsx or CSV (File → Save As) and upload that",
      },
    ]);
  });

  it("a ZIP that is not a workbook", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await issues(zip, "sessions.csv")).toEqual([
      {
        code: "file.not_xlsx",
        message: "sessions.csv is a ZIP archive but not an Excel workbook I can read.",
        hint: "Open it in Excel and save it as .xlsx or CSV",
      },
    ]);
  });

  it("a quote that never closes", async () => {
    expect((await issues(csvBytes('user,start,end\n"ann,2026-03-02 09:00,x\n')))[0]?.code).toBe(
      "file.csv_quote_not_closed",
    );
  });

  it("no usable row at all, with the first problems", async () => {
    expect(await issues(csvBytes("user,start,end\nann,tuesday,\n,2026-03-02 09:00,\n"))).toEqual([
      {
        code: "file.no_usable_rows",
        message:
          'None of the 2 rows of sessions.csv could be used. First problems: row 2 "start" "tuesday" is not a date; row 3 "user" no user.',
        hint: 'Fix those rows, or name the right columns with --map field="Column"',
      },
    ]);
  });

  it("ambiguous dates", async () => {
    const r = await issues(csvBytes("user,start,end\nann,03/04/2026 09:00,03/04/2026 10:00\n"));
    expect(r).toEqual([
      {
        code: "dates.ambiguous",
        message:
          "Is 03/04/2026 the 3rd of April or the 4th of March? No date in the file settles it. Add --date-format dd/mm or --date-format mm/dd.",
        hint: "--date-format dd/mm (25/03/2026 is 25 March) or --date-format mm/dd (03/25/2026)",
      },
    ]);
  });
});

describe("bad options", () => {
  it("names the option the user typed", async () => {
    const bad = {
      dateFormat: "yy/mm",
      timeZone: "Europe/Londn",
      sessionTimeoutMinutes: 0,
    } as unknown as ReadOptions;
    expect(await issues(GOOD, "sessions.csv", bad)).toEqual([
      {
        code: "options.date_format",
        message: '--date-format "yy/mm" is not dd/mm or mm/dd',
        hint: "--date-format dd/mm (25/03/2026 is 25 March) or --date-format mm/dd (03/25/2026)",
      },
      {
        code: "options.time_zone",
        message: '--tz "Europe/Londn" is not a time zone',
        hint: "--tz Europe/London (an IANA zone name; the default is UTC)",
      },
      {
        code: "options.timeout",
        message: "--timeout must be more than 0 and at most 7 days (got 0 minutes)",
        hint: "--timeout 30m",
      },
    ]);
  });

  it("reports --map naming a column the file lacks", async () => {
    expect(
      (await issues(GOOD, "sessions.csv", { mapOverrides: { start: "Login Time" } }))[0]?.message,
    ).toBe(
      '--map start="Login Time" names no column in the file. Columns found: "user", "start", "end".',
    );
  });
});
