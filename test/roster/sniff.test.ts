import { describe, expect, it } from "vitest";
import { hasDelimitedFirstLine, kindFromName, sniff } from "../../src/roster/sniff.js";
import { csvBytes } from "./fixtures.js";

describe("sniff", () => {
  it("strips a UTF-8 BOM", () => {
    const r = sniff(csvBytes("\uFEFFa,b\n"), "f.csv");
    expect(r.ok && r.value.type === "text" && r.value.text).toBe("a,b\n");
  });

  it("reads UTF-16LE text with a BOM (Excel's Unicode Text)", () => {
    const body = Buffer.from("a\tb\nJosé\t1\n", "utf16le");
    const r = sniff(new Uint8Array([0xff, 0xfe, ...body]), "f.txt");
    expect(r.ok && r.value.type === "text" && r.value.text).toBe("a\tb\nJosé\t1\n");
  });

  it.each([
    ["utf16le" as const, "little-endian"],
    ["utf16be" as const, "big-endian"],
  ])("reads %s text without a BOM, with a note", (encoding, order) => {
    const le = Buffer.from("user,start\nJosé,1\n", "utf16le");
    const bytes = new Uint8Array(encoding === "utf16le" ? le : Buffer.from(le).swap16());
    const r = sniff(bytes, "f.csv");
    expect(r.ok && r.value.type === "text" && r.value.text).toBe("user,start\nJosé,1\n");
    expect(r.ok && r.value.type === "text" && r.value.notes).toEqual([
      `read as UTF-16 text (${order}, without a byte-order mark)`,
    ]);
  });

  it("still calls bytes with zeros in both halves of each pair binary, not UTF-16", () => {
    const bytes = new Uint8Array(64).map((_, i) => (i % 4 < 2 ? 0 : 0x41));
    expect(sniff(bytes, "f.csv")).toMatchObject({
      ok: false,
      issues: [{ message: "f.csv is neither a CSV nor an XLSX file (it looks like binary data)." }],
    });
  });

  it("falls back to Windows-1252 for invalid UTF-8, with a note", () => {
    // "José" in Windows-1252: é is the single byte 0xE9.
    const r = sniff(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9, 0x0a]), "f.csv");
    expect(r.ok && r.value.type === "text" && r.value.text).toBe("José\n");
    expect(r.ok && r.value.type === "text" && r.value.notes).toEqual([
      "not valid UTF-8, so read as Windows-1252 text; check accented names",
    ]);
  });

  it("recognises a ZIP as XLSX whatever the name", () => {
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), "data.csv")).toEqual({
      ok: true,
      value: { type: "xlsx" },
    });
  });
});

describe("kindFromName", () => {
  it.each([
    ["sessions.csv", "csv"],
    ["Roster.TSV", "csv"],
    ["export.txt", "csv"],
    ["Logins.XLSX", "xlsx"],
    ["old.xls", undefined],
    ["report.pdf", undefined],
    ["csv", undefined],
  ])("%s → %s", (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });
});

describe("hasDelimitedFirstLine", () => {
  it.each([
    ["user,start\nann,1\n", true],
    ["\uFEFFuser\tstart\n", true],
    ["user;start\r\nann;1\r\n", true],
    ["just one column\nann,1\n", false],
    ["", false],
    ["user|start|end\nann|1|2\n", true],
    // Excel's sep= line names the delimiter; the header is the next line.
    ["sep=;\r\nuser;start\r\n", true],
    ["sep=|\nuser|start\n", true],
    ["sep=;\njust one column\n", false],
  ])("%j → %s", (text, delimited) => {
    expect(hasDelimitedFirstLine(text)).toBe(delimited);
  });
});
