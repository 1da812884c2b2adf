/**
 * The delimiters a CSV may use and how the one in use is told from a line: the most frequent one
 * outside quotes. Also the cap on a header's width, checked before anything is split.
 */
import { fail, ok, type Result } from "../core/result.js";

export type Delimiter = "," | ";" | "\t" | "|";
// In this order on a tie, so a header with one pipe and one comma still reads as comma-separated.
export const CANDIDATES: readonly Delimiter[] = ["\t", ";", ",", "|"];
export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
};

/** Excel's widest sheet (column XFD); a header wider than this is not a roster or a log. */
export const MAX_COLUMNS = 16_384;

/**
 * Fails when the header (the first line with content, from `start`) has more than MAX_COLUMNS
 * fields. Counts delimiters outside quotes and stops at the limit, so a header of a million
 * columns is refused in milliseconds, before it is split or parsed.
 */
export function checkHeaderWidth(
  text: string,
  start: number,
  delimiter: Delimiter,
  fileName: string,
): Result<true> {
  const d = delimiter.charCodeAt(0);
  let fields = 1;
  let inQuotes = false;
  let seenContent = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || c === 13)) {
      if (seenContent) break;
      fields = 1;
      continue;
    } else if (!inQuotes && c === d && ++fields > MAX_COLUMNS) {
      return fail(
        "file.too_many_columns",
        `${fileName}'s header has more than ${MAX_COLUMNS.toLocaleString("en-GB")} columns, more than Excel allows, so it is not a roster or session log I can read.`,
        "Export only the columns you need (user, login, logout), with one header row",
      );
    }
    if (c !== 32 && c !== 9 && c !== d) seenContent = true;
  }
  return ok(true);
}

/** The candidate that occurs most often, outside quotes, in the first non-blank line. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      if (seenContent) break;
    } else if (!inQuotes && counts.has(c as Delimiter)) {
      counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
    }
    if (c.trim() !== "") seenContent = true;
  }
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
