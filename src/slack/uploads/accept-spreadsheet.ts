/**
 * Is this shared file a spreadsheet we can read? The name must say CSV/TSV/TXT or XLSX *and* the
 * bytes must agree, as judged by the roster's one sniffer (src/roster/sniff.ts): a `.xlsx` must be
 * a workbook, a `.csv` text whose first line has a delimiter. Only the refusals are worded here.
 */
import type { Issue } from "../../core/result.js";
import {
  hasDelimitedFirstLine,
  kindFromName,
  type SpreadsheetKind,
  sniff,
} from "../../roster/sniff.js";

/** Whether the name suggests a file dealdesk reads; others (PDFs, images) are not its business. */
export function looksLikeSpreadsheetName(name: string): boolean {
  return kindFromName(name) !== undefined;
}

const HINT = "export the roster or session log as .csv (UTF-8) or .xlsx and share it again";

/**
 * Enough of the file to judge it: the sniffer looks at the signature and the first 64 KiB of
 * text, and the analysis reads the whole file again anyway.
 */
const SNIFF_BYTES = 64 * 1024;

/**
 * Spreadsheets of a kind we can't read, each named by the sniffer for what it is (a password, an
 * old .xls, .xlsb, .ods): the uploader is told that rather than "not an Excel workbook".
 */
const NAMED_FORMATS = new Set([
  "file.password_protected",
  "file.old_excel",
  "file.xlsb",
  "file.ods",
]);

export function acceptSpreadsheet(
  name: string,
  bytes: Uint8Array,
): { ok: true; kind: SpreadsheetKind } | { ok: false; issue: Issue } {
  // A cut multi-byte character at the end of the prefix only makes it read as Windows-1252 text.
  const sniffed = sniff(bytes.subarray(0, SNIFF_BYTES), name);
  const claimed = kindFromName(name);
  const named = sniffed.ok ? undefined : sniffed.issues.find((i) => NAMED_FORMATS.has(i.code));
  if (named !== undefined) {
    // The whole file, not the prefix: an encrypted workbook's directory, or a ZIP's central
    // directory, may lie past the first 64 KiB. These are binary checks, cheap on any size.
    const whole = sniff(bytes, name);
    const issue = whole.ok ? named : (whole.issues[0] ?? named);
    return { ok: false, issue };
  }
  if (claimed === "xlsx") {
    if (sniffed.ok && sniffed.value.type === "xlsx") return { ok: true, kind: "xlsx" };
    return {
      ok: false,
      issue: {
        code: "upload.not_xlsx",
        message: `${name} is named .xlsx but is not an Excel workbook`,
        hint: HINT,
      },
    };
  }
  const text = sniffed.ok && sniffed.value.type === "text" ? sniffed.value.text : undefined;
  if (claimed === "csv" && text !== undefined && hasDelimitedFirstLine(text)) {
    return { ok: true, kind: "csv" };
  }
  return {
    ok: false,
    issue: {
      code: "upload.not_csv",
      message: `${name} is not CSV text I can read (it should be UTF-8 text with columns separated by commas, semicolons, tabs or pipes)`,
      hint: HINT,
    },
  };
}
