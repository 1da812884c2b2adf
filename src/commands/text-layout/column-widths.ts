/**
 * How wide each column of a terminal table can be within a line width. A table that fits is drawn
 * at its natural width. Below that, columns shrink towards their widest word (prose wraps, a
 * figure never breaks); the room there is goes to the columns that need it most. When even the
 * widest words don't fit side by side, the table is stacked: one "Header: value" line per cell.
 */
import type { Table } from "../reply.js";
import { displayWidth } from "./display-width.js";
import { longestWord } from "./wrap-text.js";

export type ColumnPlan =
  | { readonly kind: "natural" | "wrapped"; readonly sizes: readonly number[] }
  | { readonly kind: "stacked" };

/** Box borders and the space either side of each cell: `│ a │ b │` is 3 per column plus 1. */
export function borderWidth(columns: number): number {
  return 3 * columns + 1;
}

function cellsOf(table: Table, i: number): string[] {
  const header = table.columns[i]?.header ?? "";
  return [header, ...table.rows.map((r) => r[i] ?? "")];
}

export function planColumns(table: Table, width: number): ColumnPlan {
  const n = table.columns.length;
  const natural = table.columns.map((_, i) => Math.max(0, ...cellsOf(table, i).map(displayWidth)));
  const room = width - borderWidth(n);
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= room) return { kind: "natural", sizes: natural };
  const least = table.columns.map((_, i) => Math.max(1, ...cellsOf(table, i).map(longestWord)));
  const leastTotal = least.reduce((a, b) => a + b, 0);
  if (leastTotal > room) return { kind: "stacked" };
  return { kind: "wrapped", sizes: share(least, natural, room - leastTotal) };
}

/**
 * Hands `spare` columns out. First, a column whose whole shortfall (natural − least) is no more
 * than an equal share of what is left gets it all, smallest first: a short column drawn whole
 * saves a line on every row. The rest is shared in proportion to each remaining shortfall, and
 * the remainder handed out one at a time to the largest gap. A column never gets more than its
 * natural width, so no room is wasted on a column that is already whole.
 */
function share(least: readonly number[], natural: readonly number[], spare: number): number[] {
  const sizes = [...least];
  const gap = (i: number) => (natural[i] ?? 0) - (sizes[i] ?? 0);
  let left = spare;
  const open = new Set(sizes.map((_, i) => i).filter((i) => gap(i) > 0));
  const bySmallestNeed = [...open].sort((a, b) => gap(a) - gap(b));
  for (const i of bySmallestNeed) {
    if (gap(i) > left / open.size) break;
    left -= gap(i);
    sizes[i] = natural[i] ?? 0;
    open.delete(i);
  }
  const needed = [...open].reduce((sum, i) => sum + gap(i), 0);
  const given = new Map([...open].map((i) => [i, Math.floor((gap(i) * left) / needed)]));
  for (const [i, extra] of given) {
    sizes[i] = (sizes[i] ?? 0) + extra;
    left -= extra;
  }
  while (left > 0) {
    const best = [...open].reduce((b, i) => (gap(i) > gap(b) ? i : b), [...open][0] ?? -1);
    if (best < 0 || gap(best) <= 0) break;
    sizes[best] = (sizes[best] ?? 0) + 1;
    left -= 1;
  }
  return sizes;
}
