/**
 * One XLSX cell (its value as exceljs streams it, and its number format) → a table Cell. Numbers
 * stay numbers, date-formatted cells are Dates, rich text and hyperlinks give their text, formulas
 * their saved result. A time typed alone becomes time-of-day text ("09:30") and an elapsed time
 * (`[h]:mm`) duration text ("37:30:00"), never a date in 1899. A formula with no saved result
 * (written by a script and never opened in Excel) is UNSAVED_FORMULA: the caller reports it.
 */
import type { Cell } from "../table.js";
import {
  dateOfSerial,
  durationText,
  formatKind,
  serialOf,
  timeOfDayText,
} from "./number-formats.js";

export const UNSAVED_FORMULA = Symbol("unsaved formula");

/**
 * exceljs's own test for a date format (`utils.isDateFmt`), repeated because its streaming reader
 * gives a formula's saved result as a plain number whatever the cell's format.
 */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Shown for a formula whose saved result is an error: the streaming reader keeps no error text. */
export const FORMULA_ERROR_TEXT = "(formula error)";

function fromSerial(serial: number, format: string | undefined): Cell {
  const kind = formatKind(format);
  if (kind === "duration" && serial >= 0) return durationText(serial);
  // A fraction of a day under a time format is a time typed alone; a full serial keeps its date.
  if (kind === "time" && serial >= 0 && serial < 1) return timeOfDayText(serial);
  return null;
}

function textOf(value: object): string {
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText
      .map((p: { text?: unknown }) => (typeof p.text === "string" ? p.text : ""))
      .join("");
  }
  return "";
}

/**
 * `value` is exceljs's CellValue (typed loosely here: the streaming reader hands over shapes its
 * types don't list, such as a formula's NaN result for an error).
 */
export function xlsxCell(
  value: unknown,
  format: string | undefined,
  date1904: boolean,
  inFormula = false,
): Cell | typeof UNSAVED_FORMULA {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return inFormula ? FORMULA_ERROR_TEXT : null;
    const formatted = fromSerial(value, format);
    if (formatted !== null) return formatted;
    return inFormula && isDateFormat(format) ? dateOfSerial(value, date1904) : value;
  }
  if (value instanceof Date) {
    return fromSerial(serialOf(value, date1904), format) ?? value;
  }
  if (typeof value !== "object") return null;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? UNSAVED_FORMULA : xlsxCell(result, format, date1904, true);
  }
  if ("richText" in value) return textOf(value);
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return text;
    return text && typeof text === "object" ? textOf(text) : "";
  }
  if ("error" in value) return String((value as { error: unknown }).error);
  return null;
}
