/**
 * A document as Slack mrkdwn: headings in bold (Slack has none), lists with bullets, and tables as
 * a preformatted block with aligned columns, since mrkdwn has no tables. Every text node escaped.
 */
import type { Block, DocTable, DraftDocument } from "./document.js";
import { escapeMrkdwn, escapeMrkdwnCode } from "./escape.js";

function width(text: string): number {
  return [...text].length;
}

function tableMrkdwn(t: DocTable): string {
  const sizes = t.columns.map((c, i) =>
    Math.max(width(c.header), ...t.rows.map((r) => width(r[i] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    t.columns
      .map((c, i) => {
        const text = cells[i] ?? "";
        const gap = " ".repeat(Math.max(0, (sizes[i] ?? 0) - width(text)));
        return c.align === "right" ? gap + text : text + gap;
      })
      .join("  ")
      .trimEnd();
  const body = [line(t.columns.map((c) => c.header)), ...t.rows.map(line)].join("\n");
  const title = t.title ? `*${escapeMrkdwn(t.title)}*\n` : "";
  return `${title}\`\`\`\n${escapeMrkdwnCode(body)}\n\`\`\``;
}

export function blockMrkdwn(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `*${escapeMrkdwn(b.text)}*`;
    case "paragraph":
      return b.label ? `*${escapeMrkdwn(b.label)}* ${escapeMrkdwn(b.text)}` : escapeMrkdwn(b.text);
    case "list":
      return b.items.map((i) => `• ${escapeMrkdwn(i)}`).join("\n");
    case "table":
      return tableMrkdwn(b.table);
  }
}

export function renderMrkdwn(doc: DraftDocument): string {
  return `${[`*${escapeMrkdwn(doc.title)}*`, ...doc.blocks.map(blockMrkdwn)].join("\n\n")}\n`;
}
