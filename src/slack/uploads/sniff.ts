/**
 * Is this a spreadsheet we can read? The name must say CSV/TSV/TXT or XLSX *and* the bytes must
 * agree: XLSX is a ZIP (PK\x03\x04), CSV is UTF-8 text with a delimiter on its first line.
 */
import type { Issue } from "../../core/result.js";

export type SpreadsheetKind = "csv" | "xlsx";

const CSV_NAME = /\.(csv|tsv|txt)$/i;
const XLSX_NAME = /\.xlsx$/i;

/** Whether the name suggests a file dealdesk reads; others (PDFs, images) are not its business. */
export function looksLikeSpreadsheetName(name: string): boolean {
  return CSV_NAME.test(name) || XLSX_NAME.test(name);
}

const HINT = "export the roster or session log as .csv (UTF-8) or .xlsx and share it again";

export function sniffSpreadsheet(
  name: string,
  bytes: Uint8Array,
): { ok: true; kind: SpreadsheetKind } | { ok: false; issue: Issue } {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (XLSX_NAME.test(name)) {
    if (isZip) return { ok: true, kind: "xlsx" };
    return {
      ok: false,
      issue: {
        code: "upload.not_xlsx",
        message: `${name} is named .xlsx but is not an Excel workbook`,
        hint: HINT,
      },
    };
  }
  if (CSV_NAME.test(name) && !isZip && isDelimitedText(bytes)) return { ok: true, kind: "csv" };
  return {
    ok: false,
    issue: {
      code: "upload.not_csv",
      message: `${name} is not CSV text I can read (it should be UTF-8 text with columns separated by commas, semicolons or tabs)`,
      hint: HINT,
    },
  };
}

const SNIFF_BYTES = 64 * 1024;

function tryDecode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The first 64 KiB as UTF-8; a multi-byte character cut at the boundary is not an error. */
function decodeStart(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength <= SNIFF_BYTES) return tryDecode(bytes);
  for (let cut = 0; cut < 4; cut++) {
    const text = tryDecode(bytes.subarray(0, SNIFF_BYTES - cut));
    if (text !== undefined) return text;
  }
  return undefined;
}

function isDelimitedText(bytes: Uint8Array): boolean {
  const text = decodeStart(bytes);
  if (text === undefined || text === "") return false;
  // Control characters other than tab, CR and LF mean binary content.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
  return /[,;\t]/.test(firstLine);
}
