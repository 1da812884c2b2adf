/**
 * The one content sniffer. What a file is, judged by its bytes rather than its name: an XLSX
 * workbook (a ZIP), text to read as CSV (UTF-8 with or without BOM, UTF-16 with or without BOM,
 * or Windows-1252 as a fallback), or something we can't read, each named for what it is (empty,
 * a password-protected workbook, an old .xls, an .xlsb, an .ods, a PDF or other binary). Also what a name claims, and whether text starts with a delimited header, so a front
 * end that checks a file before reading it (Slack's uploads) asks the same questions the reader does.
 */
import { fail, ok, type Result } from "../core/result.js";
import { hasTitledHeader } from "./csv-header.js";
import { leadingEntryNames, readZipDirectory } from "./xlsx/zip-directory.js";

export type Sniffed =
  | { readonly type: "xlsx" }
  | { readonly type: "text"; readonly text: string; readonly notes: readonly string[] };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const KNOWN_BINARY: readonly [readonly number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x1f, 0x8b], "a gzip archive"],
];

/** Share of control characters (other than tab, CR, LF, FF) above which text is really binary. */
const MAX_CONTROL_SHARE = 0.01;

function isBinaryText(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length * MAX_CONTROL_SHARE;
}

/**
 * UTF-16 written without a byte-order mark (some PowerShell and .NET exports): headers and ids are
 * mostly ASCII, so one byte of nearly every pair in the first 4 KiB is zero — the high byte, second
 * in little-endian, first in big-endian — while the other almost never is.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return undefined;
  let firstZero = 0;
  let secondZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) firstZero++;
    if (bytes[2 * i + 1] === 0) secondZero++;
  }
  const most = pairs * 0.5;
  const few = pairs * 0.02;
  if (secondZero >= most && firstZero <= few) return "utf-16le";
  if (firstZero >= most && secondZero <= few) return "utf-16be";
  return undefined;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const SAVE_AS_XLSX = "Save it as .xlsx or CSV (File → Save As) and upload that";

/**
 * An OLE compound file is an Excel 97-2003 .xls, or a password-protected workbook of any age:
 * Excel encrypts an .xlsx into an OLE file whose streams include `EncryptionInfo` (its directory
 * names the stream in UTF-16LE).
 */
function oleFormat(bytes: Uint8Array, fileName: string): Result<never> {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (whole.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
    return fail(
      "file.password_protected",
      `${fileName} is a password-protected Excel workbook, which I can't open.`,
      "Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save it as .xlsx or CSV and upload that",
    );
  }
  return fail(
    "file.old_excel",
    `${fileName} is an old-style Excel .xls workbook, which I can't read.`,
    SAVE_AS_XLSX,
  );
}

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/**
 * ZIP formats that are spreadsheets but not XLSX: Excel's binary workbook (.xlsb, whose workbook
 * part is `xl/workbook.bin`) and OpenDocument (.ods: its first entry, `mimetype`, stored
 * uncompressed, names the type). Judged from the central directory, or from the local headers
 * when only the start of the file is at hand.
 */
function otherZipFormat(bytes: Uint8Array, fileName: string): Result<never> | undefined {
  const names = readZipDirectory(bytes)?.map((e) => e.name) ?? leadingEntryNames(bytes);
  if (names.includes("xl/workbook.bin")) {
    return fail(
      "file.xlsb",
      `${fileName} is an Excel binary workbook (.xlsb), which I can't read.`,
      SAVE_AS_XLSX,
    );
  }
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  if (names.includes("mimetype") && head.includes(ODS_MIMETYPE)) {
    return fail(
      "file.ods",
      `${fileName} is an OpenDocument spreadsheet (.ods, from LibreOffice or OpenOffice), which I can't read.`,
      "Save it as .xlsx (Excel 2007-365) or CSV (File → Save As) and upload that",
    );
  }
  return undefined;
}

export function sniff(bytes: Uint8Array, fileName: string): Result<Sniffed> {
  const notCsv = (what: string) =>
    fail(
      "file.not_csv_or_xlsx",
      `${fileName} is neither a CSV nor an XLSX file (it looks like ${what}).`,
      "Export the roster or session log from your service desk as CSV or XLSX",
    );
  if (bytes.length === 0) {
    return fail("file.empty", `${fileName} is empty.`, "Export the file again, with a header row");
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return otherZipFormat(bytes, fileName) ?? ok({ type: "xlsx" });
  }
  if (startsWith(bytes, OLE)) return oleFormat(bytes, fileName);
  for (const [signature, what] of KNOWN_BINARY) {
    if (startsWith(bytes, signature)) return notCsv(what);
  }
  let text: string;
  const notes: string[] = [];
  const bomless = utf16WithoutBom(bytes);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    text = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
    notes.push("read as UTF-16 text");
  } else if (bomless !== undefined) {
    text = new TextDecoder(bomless).decode(bytes);
    const order = bomless === "utf-16le" ? "little-endian" : "big-endian";
    notes.push(`read as UTF-16 text (${order}, without a byte-order mark)`);
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      // Excel's "CSV" on Windows writes the ANSI code page; names with accents would fail UTF-8.
      text = new TextDecoder("windows-1252").decode(bytes);
      notes.push("not valid UTF-8, so read as Windows-1252 text; check accented names");
    }
  }
  if (isBinaryText(text)) return notCsv("binary data");
  return ok({ type: "text", text, notes });
}

/** What a file's name says it is: dealdesk reads .csv, .tsv and .txt as text and .xlsx workbooks. */
export type SpreadsheetKind = "csv" | "xlsx";

const CSV_NAME = /\.(csv|tsv|txt)$/i;
const XLSX_NAME = /\.xlsx$/i;

export function kindFromName(name: string): SpreadsheetKind | undefined {
  if (XLSX_NAME.test(name)) return "xlsx";
  return CSV_NAME.test(name) ? "csv" : undefined;
}

/**
 * Whether the header line separates columns (comma, semicolon, tab or pipe): one column is no
 * table. Excel's `sep=;` first line names the delimiter; the header is the line after it.
 */
export function hasDelimitedFirstLine(text: string): boolean {
  const [first = "", second = ""] = text.replace(/^\uFEFF/, "").split(/\r?\n/, 2);
  const header = /^sep=[^\r\n] *$/i.test(first) ? second : first;
  return /[,;\t|]/.test(header) || hasTitledHeader(text);
}
