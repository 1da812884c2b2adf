/**
 * The one content sniffer. What a file is, judged by its bytes rather than its name: an XLSX
 * workbook (a ZIP), text to read as CSV (UTF-8 with or without BOM, UTF-16 with or without BOM,
 * or Windows-1252 as a fallback), or something we can't read (empty, an old .xls, a PDF or other
 * binary). Also what a name claims, and whether text starts with a delimited header, so a front
 * end that checks a file before reading it (Slack's uploads) asks the same questions the reader does.
 */
import { fail, ok, type Result } from "../core/result.js";

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
    return ok({ type: "xlsx" });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return fail(
      "file.old_excel",
      `${fileName} is an old-style Excel .xls workbook, which I can't read.`,
      "Save it as .xlsx or CSV (File → Save As) and upload that",
    );
  }
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
  return /[,;\t|]/.test(header);
}
