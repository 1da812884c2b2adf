/**
 * Every clause template rendered at every position with its documented defaults, one readable
 * Markdown file per template under test/drafting/snapshots/, for a lawyer to review. The test fails
 * when a rendering differs from the committed file. After a deliberate wording change, regenerate:
 *
 *   UPDATE_SNAPSHOTS=1 npx vitest run test/drafting/snapshots.test.ts
 *
 * then review the diff of test/drafting/snapshots/*.md before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { currency } from "../../src/core/money.js";
import { shippedCatalogue } from "../../src/drafting/catalogue.js";
import { heading, paragraph } from "../../src/drafting/document.js";
import { type RenderedClause, renderClause } from "../../src/drafting/render-clause.js";
import { blockMarkdown } from "../../src/drafting/render-markdown.js";
import { positionIds } from "../../src/drafting/template-meta.js";

const DIR = fileURLToPath(new URL("./snapshots/", import.meta.url));
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";
const GBP = currency("GBP");

function variablesLine(c: RenderedClause): string {
  return Object.entries(c.meta.variables)
    .map(([name, v]) => `${name} = ${v.default ?? "(required)"} (${v.label})`)
    .join("; ");
}

function snapshot(id: string): string {
  const catalogue = shippedCatalogue();
  const meta = catalogue.templates.get(id)?.meta;
  if (!meta) throw new Error(`no template ${id}`);
  const parts: string[] = [];
  let first: RenderedClause | undefined;
  for (const p of positionIds(meta)) {
    const r = renderClause(catalogue, id, p, {}, GBP);
    if (!r.ok) throw new Error(`${id} ${p}: ${r.issues.map((i) => i.message).join("; ")}`);
    first ??= r.value;
    parts.push(
      blockMarkdown(heading(2, `Position: ${r.value.positionLabel}`)),
      blockMarkdown(paragraph(r.value.rationale, "Why:")),
      ...r.value.paragraphs.map((t) => blockMarkdown(paragraph(t))),
    );
  }
  if (!first) throw new Error(`${id} has no positions`);
  const head = [
    blockMarkdown(heading(1, `${meta.title} (${meta.id})`)),
    blockMarkdown(paragraph(meta.protects, "Protects against:")),
    blockMarkdown(
      paragraph(
        `${meta.category}. Defaults used below (money in GBP): ${variablesLine(first)}.`,
        "Category:",
      ),
    ),
  ];
  return `${[...head, ...parts].join("\n\n")}\n`;
}

describe("clause snapshots", () => {
  const ids = [...shippedCatalogue().templates.keys()];

  it("has a snapshot for every template and none for a removed one", () => {
    if (UPDATE) return;
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith(".md"))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(files).toEqual([...ids].sort());
  });

  it.each(ids)("%s renders at every position as committed", (id) => {
    const file = join(DIR, `${id}.md`);
    const text = snapshot(id);
    if (UPDATE || !existsSync(file)) {
      writeFileSync(file, text);
      if (!UPDATE) throw new Error(`wrote a new snapshot ${file}: review and commit it`);
    }
    expect(text).toBe(readFileSync(file, "utf8"));
  });
});
