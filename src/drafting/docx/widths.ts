/**
 * Column widths from content, so a table uses the page the way its text needs: a short column
 * ("against us") gets its whole text on one line, a long one ("the ask") takes what is left, and a
 * figure ("£156,240", "£19,373.76 over 3 years") never wraps. The widths always add up to the
 * width given (the text width of the page), in whole twips.
 *
 * The rule, per column: its narrowest width is its widest unbreakable piece (a word; in a
 * right-aligned figure column, the whole cell), its widest is its longest cell on one line. Columns
 * whose whole text fits an even share of the room get it; the rest share what remains in
 * proportion to how much they would still like beyond their narrowest.
 */
import type { DocTable } from "../document.js";
import type { Measure } from "./metrics.js";

export interface WidthOptions {
  /** The table's total width in twips: the page's text width. */
  readonly totalTwips: number;
  /** The printed width of a text in twips. */
  readonly measure: Measure;
  /** Space a cell takes beyond its text: left and right cell margins and the border. */
  readonly cellPaddingTwips: number;
  /**
   * A right-aligned cell is kept on one line only while that needs no more than this share of the
   * table; a longer one wraps between words (its figures, being single words, still do not break).
   */
  readonly noWrapShare?: number;
}

interface Need {
  readonly min: number;
  readonly max: number;
}

/** Estimates are rounded up by this much, so a word processor's own spacing never tips a line over. */
const SAFETY = 1.06;

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

function widest(texts: readonly string[], measure: Measure, bold: boolean): number {
  return texts.reduce((m, t) => Math.max(m, measure(t, bold)), 0);
}

function columnNeed(t: DocTable, col: number, o: WidthOptions): Need {
  const column = t.columns[col];
  const header = column?.header ?? "";
  const cells = t.rows.map((r) => r[col] ?? "");
  const m = (text: number) => Math.ceil(text * SAFETY) + o.cellPaddingTwips;
  const longestCell = widest(cells, o.measure, false);
  const longestWord = widest(cells.flatMap(words), o.measure, false);
  const headerWord = widest(words(header), o.measure, true);
  const max = m(Math.max(longestCell, o.measure(header, true)));
  const keepWhole =
    column?.align === "right" && m(longestCell) <= o.totalTwips * (o.noWrapShare ?? 0.4);
  const min = m(Math.max(keepWhole ? longestCell : longestWord, headerWord));
  return { min: Math.min(min, max), max };
}

/** Whole twips summing exactly to `total`: each rounded down, the shortfall added to the widest. */
function toWholeTwips(widths: readonly number[], total: number): number[] {
  const whole = widths.map((w) => Math.floor(w));
  const short = total - whole.reduce((a, b) => a + b, 0);
  const widestAt = whole.indexOf(Math.max(...whole));
  return whole.map((w, i) => (i === widestAt ? w + short : w));
}

export function columnWidths(t: DocTable, o: WidthOptions): number[] {
  const needs = t.columns.map((_, i) => columnNeed(t, i, o));
  const total = o.totalTwips;
  if (needs.length === 0) return [];
  const widths: (number | undefined)[] = needs.map(() => undefined);
  // Columns whose whole text fits an even share of what is left get it, until none does.
  for (;;) {
    const open = needs.flatMap((n, i) => (widths[i] === undefined ? [{ n, i }] : []));
    if (open.length === 0) break;
    const room = total - widths.reduce<number>((a, w) => a + (w ?? 0), 0);
    const fits = open.filter(({ n }) => n.max <= room / open.length);
    if (fits.length === 0) break;
    for (const { n, i } of fits) widths[i] = n.max;
  }
  const open = needs.flatMap((n, i) => (widths[i] === undefined ? [{ n, i }] : []));
  const room = total - widths.reduce<number>((a, w) => a + (w ?? 0), 0);
  if (open.length === 0) {
    // Everything fits on one line: spread the spare room in proportion, so the table spans the page.
    const sum = needs.reduce((a, n) => a + n.max, 0);
    return toWholeTwips(
      needs.map((n) => n.max + (room * n.max) / sum),
      total,
    );
  }
  const minSum = open.reduce((a, { n }) => a + n.min, 0);
  if (minSum >= room) {
    // Not even every column's longest word fits: squeeze all columns alike (text will break words).
    const all = needs.reduce((a, n) => a + n.min, 0);
    return toWholeTwips(
      needs.map((n) => (n.min * total) / all),
      total,
    );
  }
  const wantSum = open.reduce((a, { n }) => a + (n.max - n.min), 0);
  for (const { n, i } of open) widths[i] = n.min + ((room - minSum) * (n.max - n.min)) / wantSum;
  return toWholeTwips(
    widths.map((w) => w ?? 0),
    total,
  );
}
