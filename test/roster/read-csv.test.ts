import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Delimiter,
  detectDelimiter,
  parseRecords,
  readCsv,
} from "../../src/roster/read-csv.js";

function table(text: string) {
  const r = readCsv(text, "f.csv");
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3", ","],
    ["a;b;c\n1;2;3", ";"],
    ["a\tb\tc\n1\t2\t3", "\t"],
    // Commas inside a quoted header don't count.
    ['"Name, full";Email;Start\nx;y;z', ";"],
    // Leading blank lines are skipped.
    ["\n\r\n a;b\n1;2", ";"],
    // A single column: comma.
    ["email\nx@y", ","],
    ["user|start|end\nx|1|2", "|"],
    // A tie between a pipe and a comma: comma, the common case.
    ["Name|full,Email\nx", ","],
  ])("%j → %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("readCsv", () => {
  it("reads CRLF rows, trims headers and numbers rows as a spreadsheet shows them", () => {
    const t = table("User , Start\r\nann,1\r\n\r\nbob,2\r\n");
    expect(t.headers).toEqual(["User", "Start"]);
    expect(t.headerRow).toBe(1);
    // Row 3 is blank: counted, not reported; bob is on row 4.
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(t.blankRows).toBe(1);
    expect(t.rows[1]?.cells).toEqual(["bob", "2"]);
  });

  it("keeps delimiters and line breaks inside quoted fields; a quoted record is one row", () => {
    const t = table('name,note\n"Smith, Jo","two\nlines"\nann,x\n');
    expect(t.rows[0]?.cells).toEqual(["Smith, Jo", "two\nlines"]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it("reads semicolon and tab files and notes the delimiter", () => {
    expect(table("a;b\n1;2").rows[0]?.cells).toEqual(["1", "2"]);
    expect(table("a;b\n1;2").notes).toEqual(["semicolon-separated"]);
    expect(table("a\tb\n1\t2").rows[0]?.cells).toEqual(["1", "2"]);
    expect(table("a\tb\n1\t2").notes).toEqual(["tab-separated"]);
  });

  it("starts at the first non-blank row", () => {
    const t = table("\n\nuser,start\nann,1\n");
    expect(t.headerRow).toBe(3);
    expect(t.rows[0]?.row).toBe(4);
  });

  it("rejects a row with more values than columns, but allows trailing empty ones", () => {
    const t = table("name,email\nSmith, Jo,jo@x.com\nann,a@x.com,,\n");
    expect(t.rejected).toEqual([
      {
        row: 2,
        column: null,
        reason: "has 3 values but the header has 2 columns (a value with an unquoted comma?)",
      },
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([3]);
  });

  it("tolerates a stray quote inside a value", () => {
    expect(table('name,x\nJo "JJ" Smith,1\n').rows[0]?.cells).toEqual(['Jo "JJ" Smith', "1"]);
  });

  it("reports a quote that never closes, with its row", () => {
    const r = readCsv('user,start\nann,1\nbob,"2\ncat,3\n', "s.csv");
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          code: "file.csv_quote_not_closed",
          message: 's.csv has a quote (") that is never closed, starting in row 3.',
          hint: 'Quote a value that contains the delimiter or a line break, and close the quote: "Smith, Jo"',
        },
      ],
    });
  });

  it("reports a blank file as empty", () => {
    const r = readCsv("\n  \n", "s.csv");
    expect(!r.ok && r.issues[0]?.message).toBe("s.csv is empty.");
  });
});

describe("parseRecords", () => {
  // Both take the first line ending met as the file's, so files that mix endings agree too.
  it("property: the quote-free fast path splits exactly as csv-parse does", () => {
    const piece = fc.constantFrom("a", "b", " ", ",", ";", "\t", "|", "\n", "\r\n", "\r", "é", "1");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom(",", ";", "\t", "|"),
        fc.boolean(),
        (parts, d, bom) => {
          const text = (bom ? "\uFEFF" : "") + parts.join("");
          const delimiter = d as Delimiter;
          const fast = parseRecords(text, delimiter, "f.csv");
          const full = parse(text, {
            bom: true,
            delimiter,
            relax_column_count: true,
            relax_quotes: true,
            skip_empty_lines: false,
          });
          expect(fast).toEqual({ ok: true, value: full });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
