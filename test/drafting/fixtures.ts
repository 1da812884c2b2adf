/** Small template catalogues written to a temporary folder, for load and validation tests. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function templateDir(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), "dealdesk-templates-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Metadata for a one-variable-of-each-type template; `vendor` has no default, so it is required. */
export function sampleMeta(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: "sample",
    title: "Sample clause",
    category: "price",
    protects: "Nothing; it is a test.",
    variables: {
      vendor: { type: "text", label: "the vendor's legal name" },
      fee: { type: "money", label: "the fee", default: "45000" },
      cap: { type: "percent", label: "the cap", default: "3%" },
      years: { type: "integer", label: "the term", default: "3", min: 1, max: 10 },
      start: { type: "date", label: "the start date", default: "2026-12-31" },
      basis: { type: "choice", label: "the basis", default: "fixed", options: ["fixed", "cpi"] },
    },
    positions: {
      preferred: {
        wording: "{{vendor}} charges {{money fee}}, rising by {{percent cap}}.",
        rationale: "Best.",
      },
      fallbacks: [
        {
          wording: '{{vendor}} charges {{money fee}} for {{plural years "year"}}.',
          rationale: "Next best.",
        },
      ],
      walkAway: {
        wording: '{{#if (eq basis "cpi")}}CPI-linked{{else}}Fixed{{/if}} from {{date start}}.',
        rationale: "Last.",
      },
    },
    ...overrides,
  });
}

export const SAMPLE_BODY = "Clause.\n\n{{terms}}\n";
