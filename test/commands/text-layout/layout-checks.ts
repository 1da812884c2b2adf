/** Shared checks for the layout tests: line widths, and the words of a cell found in order. */
import type { Table } from "../../../src/commands/reply.js";
import { displayWidth } from "../../../src/commands/text-layout/display-width.js";

export function widest(text: string): number {
  return Math.max(...text.split("\n").map(displayWidth));
}

/** The words of a rendered table, box-drawing characters removed. */
export function outputWords(text: string): string[] {
  return text.split(/[\s│┌┐└┘├┤┬┴┼─]+/).filter((w) => w !== "");
}

/**
 * Whether `words` appear in `tokens` in order (other tokens may come between: in a boxed table a
 * row's cells wrap side by side, so a cell's lines interleave with its neighbours').
 */
export function inOrder(words: readonly string[], tokens: readonly string[]): boolean {
  let at = 0;
  for (const t of tokens) if (at < words.length && t === words[at]) at++;
  return at === words.length;
}

/** Every cell's words appear in order, and rows come in order (the first word of each row). */
export function everyCellInOrder(table: Table, text: string): boolean {
  const tokens = outputWords(text);
  return table.rows.every((row) =>
    row.every((cell) =>
      inOrder(
        cell.split(/\s+/).filter((w) => w !== ""),
        tokens,
      ),
    ),
  );
}
