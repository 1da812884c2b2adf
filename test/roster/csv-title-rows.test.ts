/**
 * Title rows above a CSV's header (issue 10, class 12, CSV side): report generators write a title,
 * a "Generated" line and a blank line before the column names. Both CSV paths (the line reader and
 * the row reader) must find the same header, keep the file's line numbers and say what they skipped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRosterFileWith } from "../../src/roster/read-file.js";
import { hasDelimitedFirstLine } from "../../src/roster/sniff.js";
import { csvBytes, utc } from "./fixtures.js";

const PATHS = [
  { name: "line reader", lines: true },
  { name: "row reader", lines: false },
] as const;

async function readBoth(text: string, fileName = "report.csv") {
  const results = [];
  for (const how of PATHS) {
    results.push(await readRosterFileWith(csvBytes(text), fileName, {}, { lines: how.lines }));
  }
  const [a, b] = results;
  expect(a).toEqual(b);
  return a as NonNullable<typeof a>;
}

async function readOk(text: string, fileName = "report.csv") {
  const r = await readBoth(text, fileName);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const REPORT = [
  "Agent login report",
  "Generated: 2026-03-01 08:00",
  "",
  "Agent Email,Login Time,Logout Time",
  "ann@x.com,2026-03-02 09:00,2026-03-02 10:00",
  "",
  "bo@x.com,2026-03-02 09:30,2026-03-02 11:15",
  "",
].join("\n");

describe("title rows above a CSV header", () => {
  it("finds the header on line 4, reads both sessions and says the title was skipped", async () => {
    const v = await readOk(REPORT);
    expect(v.kind).toBe("sessions");
    expect(v.notes).toContain(
      "rows 1–3 of report.csv above the header (row 4) read as a title, not data",
    );
    // ann 09:00–10:00, bo 09:30–11:15 on 2 March: two sessions, two people.
    expect(v.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10) },
      { user: "bo@x.com", start: utc(2026, 3, 2, 9, 30), end: utc(2026, 3, 2, 11, 15) },
    ]);
    // Rows counted from the header: lines 5 and 7 are data, line 6 is blank.
    expect(v.summary).toMatchObject({ rows: 2, blankRows: 1, used: 2, skipped: 0, users: 2 });
  });

  it("keeps the file's line numbers in row errors below a title", async () => {
    const v = await readOk(`${REPORT}cy@x.com,yesterday,2026-03-02 12:00\n`);
    expect(v.rowErrors.map((e) => e.row)).toEqual([8]);
  });

  it("judges the delimiter from the header, not the title: a semicolon export with a title", async () => {
    const text = [
      "Agent login report;;",
      "Generated: 2026-03-01 08:00;;",
      ";;",
      "Agent Email;Login Time;Logout Time",
      "ann@x.com;2026-03-02 09:00;2026-03-02 10:00",
      "",
    ].join("\r\n");
    const v = await readOk(text);
    expect(v.notes).toEqual(
      expect.arrayContaining([
        "rows 1–3 of report.csv above the header (row 4) read as a title, not data",
        "semicolon-separated",
      ]),
    );
    expect(v.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10) },
    ]);
  });

  it("judges it so even when the title has a comma in it (one title row, a tab header)", async () => {
    const text =
      "Logins for March 3, 2026\nAgent Email\tLogin Time\tLogout Time\nann@x.com\t2026-03-03 08:00\t2026-03-03 08:45\n";
    const v = await readOk(text);
    expect(v.notes).toEqual(
      expect.arrayContaining([
        "row 1 of report.csv above the header (row 2) read as a title, not data",
        "tab-separated",
      ]),
    );
    expect(v.sessions).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 3, 8), end: utc(2026, 3, 3, 8, 45) },
    ]);
  });

  it("reads a quoted title the same on the row reader (csv-parse)", async () => {
    const text =
      '"Agent login report"\n\n"Agent Email","Login Time","Logout Time"\n"ann@x.com","2026-03-02 09:00","2026-03-02 10:00"\n';
    const v = await readOk(text);
    expect(v.notes).toContain(
      "rows 1–2 of report.csv above the header (row 3) read as a title, not data",
    );
    expect(v.sessions).toHaveLength(1);
  });

  it("a roster below a title counts its users, not the title", async () => {
    const v = await readOk(
      "Licence holders\nGenerated 2026-03-01\nEmail,Status\nann@x.com,active\nbo@x.com,suspended\n",
    );
    expect(v.kind).toBe("roster");
    expect(v.roster?.map((u) => u.user)).toEqual(["ann@x.com", "bo@x.com"]);
    expect(v.notes).toContain(
      "rows 1–2 of report.csv above the header (row 3) read as a title, not data",
    );
  });

  it("the title note comes before Excel's sep= note, and the sep= line is not a row", async () => {
    const text =
      "sep=;\nAgent login report\nAgent Email;Login Time;Logout Time\nann@x.com;2026-03-02 09:00;2026-03-02 10:00\n";
    const v = await readOk(text);
    const title = v.notes.indexOf(
      "row 1 of report.csv above the header (row 2) read as a title, not data",
    );
    const sep = v.notes.indexOf(
      'semicolon-separated, as its first line "sep=;" says (that line is not counted as a row)',
    );
    expect(title).toBeGreaterThanOrEqual(0);
    expect(sep).toBeGreaterThan(title);
  });
});

describe("files without a title read as before", () => {
  it("a first line of data still gets the no-header message", async () => {
    const r = await readBoth(
      "ann@x.com,2026-03-02 09:00,2026-03-02 10:00\nbo@x.com,2026-03-02 09:30,2026-03-02 11:00\n",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        code: "file.no_header",
        message: "The first row of report.csv looks like data, not column names.",
        hint: 'Add a header row first, e.g. "Agent Email,Login Time,Logout Time" for a session log',
      },
    ]);
  });

  it("a one-column roster whose header has a space still reads every user", async () => {
    const v = await readOk("Agent Email\nann@x.com\nbo@x.com\n");
    expect(v.kind).toBe("roster");
    expect(v.roster?.map((u) => u.user)).toEqual(["ann@x.com", "bo@x.com"]);
    expect(v.notes.some((n) => n.includes("title"))).toBe(false);
  });

  it("a one-column roster of full names is not mistaken for titles", async () => {
    const v = await readOk("Full Name\nAnn Lee\nBo Ray\nCy Dee\n");
    expect(v.roster).toHaveLength(3);
    expect(v.notes.some((n) => n.includes("title"))).toBe(false);
  });

  it("a two-column header on line 1 stays the header", async () => {
    const v = await readOk("Email,Status\nann@x.com,active\n");
    expect(v.roster).toHaveLength(1);
    expect(v.notes.some((n) => n.includes("title"))).toBe(false);
  });

  it("a two-column header is not read as a title when the rows hold the other delimiter", async () => {
    // Split at ";" the header would be one cell and "Ann Lee,Sales;Support" two names.
    const v = await readOk("Agent Name,Teams\nAnn Lee,Sales;Support\nBo Ray,Sales;Billing\n");
    expect(v.roster?.map((u) => u.user)).toEqual(["ann lee", "bo ray"]);
    expect(v.notes.some((n) => n.includes("title") || n.includes("semicolon"))).toBe(false);
  });

  it("a million-column header below a title is refused as fast as one on line 1", async () => {
    const text = `Agent login report\n${"c,".repeat(1_000_000)}c\nann,1\n`;
    const r = await readBoth(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(["file.too_many_columns"]);
  });
});

describe("the upload check before reading (Slack)", () => {
  it("accepts a report whose header is below a title, as the reader reads it", () => {
    expect(hasDelimitedFirstLine(REPORT)).toBe(true);
    expect(hasDelimitedFirstLine(`\uFEFF${REPORT}`)).toBe(true);
  });

  it("still turns away text with no header of two columns", () => {
    expect(hasDelimitedFirstLine("just one column\nann,1\n")).toBe(false);
    expect(
      hasDelimitedFirstLine("Agent login report\nGenerated 2026-03-01\n\nAgent Email\nann@x.com\n"),
    ).toBe(false);
  });
});

describe("a title never changes a figure (property)", () => {
  it("the same sessions with or without a title, whatever the delimiter, line ending or reader", async () => {
    const body = [
      ["Agent Email", "Login Time", "Logout Time"],
      ["ann@x.com", "2026-03-02 09:00", "2026-03-02 10:00"],
      ["bo@x.com", "2026-03-02 09:30", "2026-03-02 11:15"],
      ["cy@x.com", "2026-03-02 09:45", "2026-03-02 09:50"],
    ];
    const titles = [
      [],
      ["Agent login report"],
      ["Agent login report", "Generated: 2026-03-01 08:00", ""],
    ];
    const plain = await readOk(body.map((r) => r.join(",")).join("\n"));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(",", ";", "\t", "|"),
        fc.constantFrom("\n", "\r\n"),
        fc.constantFrom(...titles),
        fc.boolean(),
        async (d, eol, title, lines) => {
          const text = [...title, ...body.map((r) => r.join(d))].join(eol) + eol;
          const r = await readRosterFileWith(csvBytes(text), "report.csv", {}, { lines });
          if (!r.ok) throw new Error(JSON.stringify(r.issues));
          expect(r.value.sessions).toEqual(plain.sessions);
          expect(r.value.summary.rows).toBe(3);
        },
      ),
      { numRuns: 60 },
    );
  });
});
