/**
 * A small document model shared by every output: the brief, the asks, a drafted clause. Builders
 * produce blocks of plain text; the Markdown, mrkdwn and DOCX renderers turn them into their format
 * and do all the escaping, so builders never think about markup.
 */

/** The same shape as a reply's table (commands/reply.ts), declared here so drafting needs only core. */
export interface DocTable {
  readonly title?: string;
  readonly columns: readonly { readonly header: string; readonly align: "left" | "right" }[];
  readonly rows: readonly (readonly string[])[];
}

export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  /** `label` is shown in bold before the text ("Why: …"). */
  | { readonly kind: "paragraph"; readonly text: string; readonly label?: string }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "table"; readonly table: DocTable };

export interface DraftDocument {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export const heading = (level: 1 | 2 | 3, text: string): Block => ({
  kind: "heading",
  level,
  text,
});
export const paragraph = (text: string, label?: string): Block =>
  label === undefined ? { kind: "paragraph", text } : { kind: "paragraph", text, label };
export const list = (items: readonly string[]): Block => ({ kind: "list", items });
export const table = (t: DocTable): Block => ({ kind: "table", table: t });
