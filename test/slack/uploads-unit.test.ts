import { describe, expect, it } from "vitest";
import { acceptSpreadsheet } from "../../src/slack/uploads/accept-spreadsheet.js";
import { allowedFileHosts, allowedFileUrl } from "../../src/slack/uploads/hosts.js";

const hosts = allowedFileHosts(["127.0.0.1:9000", "Files.Gov.Example"]);
const text = (s: string) => new TextEncoder().encode(s);

describe("allowedFileUrl", () => {
  it.each([
    ["https://files.slack.com/files-pri/T1-F1/download/a.csv", true],
    ["https://files.gov.example/a.csv", true],
    ["http://127.0.0.1:9000/files/a.csv", true],
    ["http://files.slack.com/a.csv", false], // the token never goes over plain HTTP off this machine
    ["https://files.slack.com.evil.example/a.csv", false],
    ["https://evil.example/files.slack.com/a.csv", false],
    ["https://user:pw@files.slack.com/a.csv", false],
    ["http://127.0.0.1:9001/files/a.csv", false],
    ["not a url", false],
  ])("%s → %s", (url, allowed) => {
    expect(allowedFileUrl(url, hosts) !== undefined).toBe(allowed);
  });
});

describe("acceptSpreadsheet", () => {
  it("accepts CSV text with a delimiter, with or without a BOM, and XLSX by its ZIP magic", () => {
    expect(acceptSpreadsheet("a.csv", text("user,start\nann,1\n"))).toEqual({
      ok: true,
      kind: "csv",
    });
    expect(acceptSpreadsheet("a.tsv", text("\uFEFFuser\tstart\n"))).toEqual({
      ok: true,
      kind: "csv",
    });
    expect(acceptSpreadsheet("a.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toEqual({
      ok: true,
      kind: "xlsx",
    });
  });

  it.each([
    ["a.xlsx", text("user,start\n"), "upload.not_xlsx"],
    ["a.csv", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]), "upload.not_csv"],
    ["a.csv", new Uint8Array([0xff, 0xfe, 0x00]), "upload.not_csv"],
    ["a.csv", text("just one column\n"), "upload.not_csv"],
    ["a.csv", text("a,b\u0000c\n"), "upload.not_csv"],
    ["a.csv", new Uint8Array(), "upload.not_csv"],
  ])("refuses %s with %o", (name, bytes, code) => {
    const r = acceptSpreadsheet(name, bytes);
    expect(r.ok === false && r.issue.code).toBe(code);
  });

  /*
   * Excel saves a password-protected .xlsx as an OLE file; its directory (naming the
   * EncryptionInfo stream) can lie past the first 64 KiB the upload check decodes, and the
   * uploader must still hear "password-protected", not "not an Excel workbook" or "an old .xls".
   */
  it("names a password-protected workbook even when its directory is past the first 64 KiB", () => {
    const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const directory = Buffer.from("EncryptionInfo\0EncryptedPackage", "utf16le");
    const bytes = new Uint8Array([...oleSignature, ...new Uint8Array(100_000), ...directory]);
    expect(acceptSpreadsheet("Agents.xlsx", bytes)).toEqual({
      ok: false,
      issue: {
        code: "file.password_protected",
        message: "Agents.xlsx is a password-protected Excel workbook, which I can't open.",
        hint: "Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save it as .xlsx or CSV and upload that",
      },
    });
  });

  it("names an OpenDocument spreadsheet for what it is", () => {
    const ods = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      0x0a,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      46,
      0,
      0,
      0,
      46,
      0,
      0,
      0,
      8,
      0,
      0,
      0,
      ...Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "latin1"),
    ]);
    const r = acceptSpreadsheet("Agents.xlsx", ods);
    expect(r.ok === false && r.issue.code).toBe("file.ods");
  });

  it("does not reject a long file whose 64 KiB boundary cuts a multi-byte character", () => {
    // "a,é\n" is 5 bytes; 65,536 = 13,107 × 5 + 1, so the cut falls inside an é.
    const big = text(`a,b\n${"a,é\n".repeat(20_000)}`);
    expect(acceptSpreadsheet("big.csv", big)).toEqual({ ok: true, kind: "csv" });
  });
});
