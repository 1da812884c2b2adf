/**
 * Settles whether a file's `nn/nn/yyyy` dates are day-first or month-first, once for the whole file.
 * A value such as 25/03/2026 proves day-first; 03/25/2026 proves month-first. If nothing proves the
 * order and some value reads two ways (03/04/2026), the file is ambiguous: we ask, never guess.
 */
import { MONTH_NAMES } from "../core/calendar.js";
import { fail, ok, type Result } from "../core/result.js";
import type { DayMonthOrder } from "./options.js";
import type { Cell, TableRow } from "./table.js";

interface DateSample {
  readonly row: number;
  readonly cell: string;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSeparator = (c: number) => c === 47 || c === 46 || c === 45; // "/", ".", "-"

/**
 * The two leading numbers of an `nn/nn/yyyy` value as a × 100 + b, or -1 for any other text.
 * Hand-written because it runs on every date cell of the file and must not allocate.
 */
export function leadingPair(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  let a = 0;
  const aStart = i;
  while (isDigit(text.charCodeAt(i)) && i - aStart < 3) a = a * 10 + text.charCodeAt(i++) - 48;
  if (i === aStart || i - aStart > 2 || !isSeparator(text.charCodeAt(i))) return -1;
  const bStart = ++i;
  let b = 0;
  while (isDigit(text.charCodeAt(i)) && i - bStart < 3) b = b * 10 + text.charCodeAt(i++) - 48;
  if (i === bStart || i - bStart > 2 || !isSeparator(text.charCodeAt(i))) return -1;
  const yStart = ++i;
  while (isDigit(text.charCodeAt(i))) i++;
  return i - yStart === 4 ? a * 100 + b : -1;
}

const FORMAT_HINT =
  "--date-format dd/mm (25/03/2026 is 25 March) or --date-format mm/dd (03/25/2026)";

/**
 * The order to read the file with: the one given, the one the file proves, or undefined when no
 * value needs it. Fails when the file is ambiguous or mixes both orders and none was given.
 */
export function resolveDayMonthOrder(
  rows: readonly TableRow[],
  dateColumns: readonly number[],
  given: DayMonthOrder | undefined,
): Result<DayMonthOrder | undefined> {
  return resolveDayMonthOrderOf((visit) => {
    for (const { row, cells } of rows) {
      for (const column of dateColumns) {
        const cell: Cell | undefined = cells[column];
        if (typeof cell === "string") visit(row, cell);
      }
    }
  }, given);
}

/**
 * resolveDayMonthOrder over text date cells handed to `visit` row by row (each row's date
 * columns in order). Cells whose leadingPair is surely -1 may be left out.
 */
export function resolveDayMonthOrderOf(
  each: (visit: (row: number, cell: string) => void) => void,
  given: DayMonthOrder | undefined,
): Result<DayMonthOrder | undefined> {
  if (given !== undefined) return ok(given);
  let dayFirst: DateSample | undefined;
  let monthFirst: DateSample | undefined;
  let ambiguous: { text: string; a: number; b: number } | undefined;
  each((row, cell) => {
    const pair = leadingPair(cell);
    if (pair < 0) return;
    const a = Math.floor(pair / 100);
    const b = pair % 100;
    if (a > 12 && a <= 31 && b <= 12) dayFirst ??= { row, cell };
    else if (b > 12 && b <= 31 && a <= 12) monthFirst ??= { row, cell };
    else if (a !== b && a >= 1 && b >= 1 && a <= 12 && b <= 12) {
      ambiguous ??= { text: cell.trim().split(/[ T,]/)[0] ?? "", a, b };
    }
  });
  if (dayFirst && monthFirst) {
    return fail(
      "dates.mixed_order",
      `Some dates are day-first ("${String(dayFirst.cell).trim()}" on row ${dayFirst.row}) and some month-first ("${String(monthFirst.cell).trim()}" on row ${monthFirst.row}). Say which order the file uses; rows that don't fit will be listed.`,
      FORMAT_HINT,
    );
  }
  if (dayFirst) return ok("dd/mm");
  if (monthFirst) return ok("mm/dd");
  if (ambiguous) {
    const { text, a, b } = ambiguous;
    return fail(
      "dates.ambiguous",
      `Is ${text} the ${ordinal(a)} of ${MONTH_NAMES[b - 1]} or the ${ordinal(b)} of ${MONTH_NAMES[a - 1]}? No date in the file settles it. Add --date-format dd/mm or --date-format mm/dd.`,
      FORMAT_HINT,
    );
  }
  return ok(undefined);
}
