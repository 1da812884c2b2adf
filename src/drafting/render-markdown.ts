/** A document as Markdown (CommonMark + GFM tables), every text node escaped. */
import type { Block, DocTable, DraftDocument } from "./document.js";
import { escapeMarkdown, escapeMarkdownCell } from "./escape.js";

function tableMarkdown(t: DocTable): string {
  const head = `| ${t.columns.map((c) => escapeMarkdownCell(c.header)).join(" | ")} |`;
  const rule = `|${t.columns.map((c) => (c.align === "right" ? " ---: " : " --- ")).join("|")}|`;
  const rows = t.rows.map(
    (r) => `| ${t.columns.map((_, i) => escapeMarkdownCell(r[i] ?? "")).join(" | ")} |`,
  );
  const title = t.title ? `**${escapeMarkdown(t.title)}**\n\n` : "";
  return `${title}${[head, rule, ...rows].join("\n")}`;
}

export function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case "paragraph": {
      // A hard line break inside a paragraph is a backslash at the end of the line.
      const text = escapeMarkdown(b.text).replace(/\n/g, "\\\n");
      return b.label ? `**${escapeMarkdown(b.label)}** ${text}` : text;
    }
    case "list":
      return b.items.map((i) => `- ${escapeMarkdown(i).replace(/\n/g, "\n  ")}`).join("\n");
    case "table":
      return tableMarkdown(b.table);
  }
}

export function renderMarkdown(doc: DraftDocument): string {
  return `${[`# ${escapeMarkdown(doc.title)}`, ...doc.blocks.map(blockMarkdown)].join("\n\n")}\n`;
}
