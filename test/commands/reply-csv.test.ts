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
    ["a@x.com", "a@x.com"],
    ["100%", "100%"],
    ["", ""],
  ])("neutralises %j as %j", (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it("quotes commas, quotes and line breaks after neutralising", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["=1,2", 'say "hi"'],
          ["x\ny", "plain"],
        ],
      ),
    ).toBe('a,b\r\n"\'=1,2","say ""hi"""\r\n"x\ny",plain\r\n');
  });

  it("writes UTF-8 with a byte-order mark for Excel", () => {
    const f = csvFile("x.csv", "test", ["name"], [["Zoë"]]);
    expect([...f.content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(f.content.slice(3))).toBe("name\r\nZoë\r\n");
  });
});

describe("CSV formula neutralisation", () => {
  it.each([
    ['=HYPERLINK("http://e.vil")', '"\'=HYPERLINK(""http://e.vil"")"'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["plain text", "plain text"],
    ["a, b", '"a, b"'],
  ])("%j becomes %j", (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it("writes a whole table with CRLF line ends", () => {
    expect(toCsv(["note"], [["=1+1"], ["ok"]])).toBe("note\r\n'=1+1\r\nok\r\n");
  });
});
