/**
 * Draws a reply table with box characters for a terminal (the console shows real tables, not pipes
 * and dashes). Given a `width`, the table is fitted to it (text-layout/fit-table.ts); without one
 * it is drawn at its natural width, as Slack's preformatted blocks show it.
 */
import type { Table } from "./reply.js";
import { fitTable } from "./text-layout/fit-table.js";

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: "left" | "right"): string {
  const gap = " ".repeat(Math.max(0, size - width(text)));
  return align === "right" ? gap + text : text + gap;
}

export function renderTable(table: Table, terminalWidth?: number): string {
  if (terminalWidth !== undefined) return fitTable(table, terminalWidth);
  const sizes = table.columns.map((c, i) =>
    Math.max(width(c.header), ...table.rows.map((r) => width(r[i] ?? ""))),
  );
  const line = (left: string, mid: string, right: string) =>
    left + sizes.map((s) => "─".repeat(s + 2)).join(mid) + right;
  const row = (cells: readonly string[]) =>
    `│${table.columns
      .map((c, i) => ` ${pad(cells[i] ?? "", sizes[i] ?? 0, c.align)} `)
      .join("│")}│`;
  const out: string[] = [];
  if (table.title) out.push(table.title);
  out.push(line("┌", "┬", "┐"));
  out.push(row(table.columns.map((c) => c.header)));
  out.push(line("├", "┼", "┤"));
  for (const r of table.rows) out.push(row(r));
  out.push(line("└", "┴", "┘"));
  return out.join("\n");
}
