/**
 * How much a workbook may expand to, checked on the archive's table of contents before anything is
 * inflated. A 1 MB file can declare (and really hold) a gigabyte of XML: reading it whole used to
 * take seconds and gigabytes of memory, and a 45 MB one crashed Node. Excel's own full sheet
 * (1,048,576 rows of a few columns) is a few hundred MB of XML, so the caps let it through.
 */
import { fail, type Result } from "../../core/result.js";
import type { ZipEntry } from "./zip-directory.js";

/** Total unzipped size of all parts: 1 GiB. */
export const MAX_EXPANDED_BYTES = 2 ** 30;
/**
 * Deflate packs real sheet XML 5-30 times; 100 times and more is repetition made on purpose. Only
 * checked for parts that expand past MIN_RATIO_CHECK_BYTES, where it matters.
 */
export const MAX_RATIO = 100;
export const MIN_RATIO_CHECK_BYTES = 64 * 2 ** 20;

export const TOO_LARGE_HINT =
  "Export the sheet as CSV (in Excel: File → Save As → CSV UTF-8) and upload that";

/** "512 bytes", "3.5 KB", "1,080 MB": sizes as a person reads them (KB and MB of 1,024). */
export function sizeText(bytes: number): string {
  const one = { maximumFractionDigits: 1 };
  if (bytes < 1024) return `${bytes.toLocaleString("en-GB")} bytes`;
  if (bytes < 2 ** 20) return `${(bytes / 1024).toLocaleString("en-GB", one)} KB`;
  return `${(bytes / 2 ** 20).toLocaleString("en-GB", one)} MB`;
}

export function checkDeclaredSizes(entries: readonly ZipEntry[], fileName: string): Result<void> {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > MIN_RATIO_CHECK_BYTES && ratio > MAX_RATIO) {
      return fail(
        "file.xlsx_too_large",
        `${fileName} is packed ${Math.round(ratio).toLocaleString("en-GB")} times (its part ${e.name} unzips from ${sizeText(e.compressedSize)} to ${sizeText(e.uncompressedSize)}), more than the ${MAX_RATIO} times of any real workbook, so I did not open it.`,
        TOO_LARGE_HINT,
      );
    }
  }
  if (total > MAX_EXPANDED_BYTES) {
    return fail(
      "file.xlsx_too_large",
      `${fileName} unzips to ${sizeText(total)}, more than the ${sizeText(MAX_EXPANDED_BYTES)} (1 GiB) I read from a workbook, so I did not open it.`,
      TOO_LARGE_HINT,
    );
  }
  return { ok: true, value: undefined };
}

/** The message when a part inflates to more than the archive said it would. */
export function lyingSizeIssue(entry: ZipEntry, fileName: string): Result<never> {
  return fail(
    "file.xlsx_too_large",
    `${fileName} unzips to more than it declares (its part ${entry.name} says ${sizeText(entry.uncompressedSize)}), so I stopped reading it.`,
    TOO_LARGE_HINT,
  );
}
