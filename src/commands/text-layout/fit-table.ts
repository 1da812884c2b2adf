/**
 * A reply table drawn for a terminal `width` columns wide (see column-widths.ts for the choice of
 * layout). Cells wrap at spaces only, so every figure stays whole; numbers stay right-aligned on
 * every wrapped line. Stacked tables show each row as "Header: value" lines, rows separated by a
 * rule, because a negotiator reading on a narrow pane still needs every figure.
 */
import type { Column, Table } from "../reply.js";
import { planColumns } from "./column-widths.js";
import { padTo } from "./display-width.js";
import { wrapHanging, wrapProse, wrapWords } from "./wrap-text.js";

/** The narrowest width laid out; below it the lines would be all rule and no text. */
export const MIN_WIDTH = 20;

/** How far a stacked field's value continues under its header. */
const STACK_INDENT = 2;

export function fitTable(table: Table, width: number): string {
  const w = Math.max(MIN_WIDTH, Math.floor(width));
  const out: string[] = [];
  if (table.title) out.push(wrapProse(table.title, w));
  const plan = planColumns(table, w);
  if (plan.kind === "stacked") out.push(...stacked(table, w));
  else out.push(...boxed(table, plan.sizes));
  return out.join("\n");
}

function boxed(table: Table, sizes: readonly number[]): string[] {
  const rule = (left: string, mid: string, right: string) =>
    left + sizes.map((s) => "─".repeat(s + 2)).join(mid) + right;
  const row = (cells: readonly string[]) => rowLines(table.columns, cells, sizes);
  return [
    rule("┌", "┬", "┐"),
    ...row(table.columns.map((c) => c.header)),
    rule("├", "┼", "┤"),
    ...table.rows.flatMap(row),
    rule("└", "┴", "┘"),
  ];
}

/** One table row as as many lines as its tallest wrapped cell; shorter cells are padded below. */
function rowLines(
  columns: readonly Column[],
  cells: readonly string[],
  sizes: readonly number[],
): string[] {
  const wrapped = columns.map((_, i) => wrapWords(cells[i] ?? "", sizes[i] ?? 0));
  const height = Math.max(1, ...wrapped.map((lines) => lines.length));
  const lines: string[] = [];
  for (let line = 0; line < height; line++) {
    const parts = columns.map(
      (c, i) => ` ${padTo(wrapped[i]?.[line] ?? "", sizes[i] ?? 0, c.align)} `,
    );
    lines.push(`│${parts.join("│")}│`);
  }
  return lines;
}

function stacked(table: Table, width: number): string[] {
  const rule = "─".repeat(Math.min(width, 40));
  const pad = " ".repeat(STACK_INDENT);
  const lines: string[] = [rule];
  for (const r of table.rows) {
    table.columns.forEach((c, i) => {
      const field = `${c.header}: ${r[i] ?? ""}`;
      const wrapped = wrapHanging(field, width, width - STACK_INDENT);
      lines.push(...wrapped.map((l, j) => (j === 0 ? l : `${pad}${l}`)));
    });
    lines.push(rule);
  }
  return lines;
}
