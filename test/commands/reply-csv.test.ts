import { describe, expect, it } from "vitest";
import { csvField, csvFile, neutraliseCell, toCsv } from "../../src/commands/reply-csv.js";

describe("CSV export", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tcalc", "'\tcalc"],
    ["\rcalc", "'\rcalc"],
    ["  =1+1", "  '=1+1"],
    ["a@x.com", "a@x.com"],
    ["100%", "100%"],
    ["", ""],
  ])("neutralises %j as %j", (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it("quotes every field, doubling inner quotes, after neutralising", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["=1,2", 'say "hi"'],
          ["x\ny", "plain"],
        ],
      ),
    ).toBe('"a","b"\r\n"\'=1,2","say ""hi"""\r\n"x\ny","plain"\r\n');
  });

  it("quotes empty fields too, so a row of blanks keeps its columns", () => {
    expect(toCsv(["user", "note"], [["", ""]])).toBe('"user","note"\r\n"",""\r\n');
  });

  it("writes UTF-8 with a byte-order mark for Excel", () => {
    const f = csvFile("x.csv", "test", ["name"], [["Zoë"]]);
    expect([...f.content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(f.content.slice(3))).toBe('"name"\r\n"Zoë"\r\n');
  });

  it("writes the exact bytes of a file: BOM, quoted fields, CRLF", () => {
    const f = csvFile("named-users.csv", "test", ["user", "hours"], [["a@x.com", "8"]]);
    expect([...f.content]).toEqual([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('"user","hours"\r\n"a@x.com","8"\r\n'),
    ]);
  });
});

describe("CSV formula neutralisation", () => {
  it.each([
    ['=HYPERLINK("http://e.vil")', '"\'=HYPERLINK(""http://e.vil"")"'],
    ["+1+1", '"\'+1+1"'],
    ["-2+3", '"\'-2+3"'],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
    ["\tTAB", '"\'\tTAB"'],
    ["plain text", '"plain text"'],
    ["a, b", '"a, b"'],
    ["", '""'],
  ])("%j becomes %j", (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  /**
   * Excel with `;` as its list separator splits `x;=1+1;` at the semicolons whatever the quotes,
   * so each piece after a `;` is a cell start of its own.
   */
  it.each([
    ["x;=1+1;", "x;'=1+1;"],
    ["a;+1;-2;@A1", "a;'+1;'-2;'@A1"],
    ["a; =1", "a; '=1"],
    ["a;\t=1", "a;'\t=1"],
    ["x;=1;=2", "x;'=1;'=2"],
    ["a;b", "a;b"],
    ["a@x.com;b@x.com", "a@x.com;b@x.com"],
  ])("after a semicolon: %j becomes %j", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it("after a line break inside a field, and at a carriage return then a formula", () => {
    expect(neutraliseCell("note\n=1+1")).toBe("note\n'=1+1");
    expect(neutraliseCell("\r=1")).toBe("'\r'=1");
  });

  it("writes a whole table with CRLF line ends, semicolon pieces neutralised", () => {
    expect(toCsv(["note"], [["=1+1"], ["ok"], ["x;=1+1;"]])).toBe(
      '"note"\r\n"\'=1+1"\r\n"ok"\r\n"x;\'=1+1;"\r\n',
    );
  });
});
