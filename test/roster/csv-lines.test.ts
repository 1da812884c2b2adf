import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinesTable, readCsvLines } from "../../src/roster/csv-lines.js";
import { readCsv } from "../../src/roster/read-csv.js";
import { readRosterFileWith } from "../../src/roster/read-file.js";

const encode = (text: string) => new TextEncoder().encode(text);

// Cells that exercise every branch of the line reader: plain ISO times (read in place), times it
// leaves to the general path (offsets, fractions, dd/mm, padding, bad dates), users that are or
// aren't their own key, blanks, and values that shift a row (one delimiter too many).
const users = fc.constantFrom(
  "ana@example.com",
  "bo@example.com",
  "Ana@Example.com",
  " bo@example.com ",
  "cy  dee",
  "zoë@example.com",
  "zoe\u0308@example.com",
  "ana\u200b@example.com",
  "",
);
const times = fc.constantFrom(
  "2026-03-02T09:00:00Z",
  "2026-03-02T09:30Z",
  "2026-03-02 10:00:00",
  "2026-03-02T11:15:00Z",
  "2026-03-02T09:00:00.5Z",
  "2026-03-02T12:00:00+01:00",
  " 2026-03-02T12:00:00Z",
  "2026-02-30T09:00:00Z",
  "25/03/2026 09:00",
  "03/04/2026 10:00",
  "not a date",
  "",
);
const durations = fc.constantFrom("", "30", "1:15", "abc");
const row = fc.tuple(users, times, times, durations, fc.nat(20));
const files = fc.record({
  rows: fc.array(row, { maxLength: 25 }),
  delimiter: fc.constantFrom(",", ";", "\t", "|"),
  sepLine: fc.boolean(),
  eol: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
  finalBreak: fc.boolean(),
  blankFirst: fc.boolean(),
  withDuration: fc.boolean(),
  dateFormat: fc.constantFrom(undefined, "dd/mm" as const),
});

type SessionFile = typeof files extends fc.Arbitrary<infer T> ? T : never;

function fileText(f: SessionFile): string {
  const d = f.delimiter;
  const header = ["Agent Email", "Login Time", "Logout Time"];
  if (f.withDuration) header.push("Duration (minutes)");
  const lines = f.rows.map(([user, start, end, duration, shape]) => {
    const cells: string[] = [user, start, end];
    if (f.withDuration) cells.push(duration);
    // Now and then: a blank line, a whitespace-only line, a short row, a shifted row, a trailing
    // empty value.
    if (shape === 0) return "";
    if (shape === 1) return `  ${d} `;
    if (shape === 2) return cells.slice(0, 2).join(d);
    if (shape === 3) return [...cells, "extra"].join(d);
    if (shape === 4) return [...cells, ""].join(d);
    return cells.join(d);
  });
  const body = [...(f.blankFirst ? [""] : []), header.join(d), ...lines].join(f.eol);
  const sep = f.sepLine ? `sep=${d}${f.eol}` : "";
  return `${f.bom ? "\uFEFF" : ""}${sep}${body}${f.finalBreak ? f.eol : ""}`;
}

describe("readCsvLines", () => {
  it("gives readCsv's header, counts and rows for quote-free text (property)", () => {
    fc.assert(
      fc.property(files, (f) => {
        const text = fileText(f);
        const general = readCsv(text, "s.csv");
        const lines = readCsvLines(text, "s.csv");
        if (!general.ok || !lines.ok) {
          expect(lines).toEqual(general);
          return;
        }
        expect(lines.value).toBeInstanceOf(LinesTable);
        const { headers, headerRow, blankRows, rejected, notes, rows, format, date1904 } =
          lines.value;
        expect({ headers, headerRow, blankRows, rejected, notes, rows, format, date1904 }).toEqual(
          general.value,
        );
      }),
      { numRuns: 400 },
    );
  });

  it("leaves quoted text to readCsv", () => {
    const text = 'user,start\n"Smith, Jo",2026-03-02T09:00:00Z\n';
    expect(readCsvLines(text, "s.csv")).toEqual(readCsv(text, "s.csv"));
  });
});

describe("reading a session log line by line", () => {
  it("gives exactly the RosterFileRead (or issues) of the row-by-row path (property)", async () => {
    await fc.assert(
      fc.asyncProperty(files, async (f) => {
        const bytes = encode(fileText(f));
        const options = f.dateFormat === undefined ? {} : { dateFormat: f.dateFormat };
        const fast = await readRosterFileWith(bytes, "s.csv", options, { lines: true });
        const general = await readRosterFileWith(bytes, "s.csv", options, { lines: false });
        expect(fast).toEqual(general);
      }),
      { numRuns: 400 },
    );
  });

  it("reads missing logouts, overlaps, duplicates, a bad date and CRLF the same way", async () => {
    const text = [
      "Agent Email,Login Time,Logout Time",
      "ana@example.com,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z",
      "ana@example.com,2026-03-02T09:30:00Z,2026-03-02T11:00:00Z",
      "ana@example.com,2026-03-02T09:30:00Z,2026-03-02T11:00:00Z",
      "Bo@Example.com,2026-03-02T09:00:00Z,",
      "bo@example.com,2026-03-31T09:00:00Z,2026-03-02T09:00:00Z",
      "cy@example.com,2026-02-30T09:00:00Z,2026-03-02T09:00:00Z",
      "",
    ].join("\r\n");
    const bytes = encode(text);
    const fast = await readRosterFileWith(bytes, "s.csv", {}, { lines: true });
    const general = await readRosterFileWith(bytes, "s.csv", {}, { lines: false });
    expect(fast).toEqual(general);
    // Rows 2-3 merge (overlap), row 4 duplicates row 3, row 5 is open, 6 ends before it starts,
    // 7 has no 30 February: 6 rows, 3 skipped, 2 sessions (ana merged; Bo closed at the timeout).
    if (!fast.ok) throw new Error("expected a read");
    expect(fast.value.summary).toMatchObject({ rows: 6, skipped: 3, sessions: 2, merged: 1 });
  });
});
