/** The shipped example deal, read as JSON, for tests that change one field at a time. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Deal, parseDeal } from "../../src/drafting/deal-schema.js";

export const EXAMPLE_PATH = fileURLToPath(new URL("../../examples/deal.json", import.meta.url));

/**
 * The example as tests reshape it: any field replaced, deleted, or made invalid on purpose, which
 * no precise type allows; only tests use this, and parseDeal checks every result.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests set fields to deliberately wrong types
export type LooseJson = Record<string, any>;

export function exampleJson(): LooseJson {
  return JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
}

export function dealFrom(json: unknown): Deal {
  const d = parseDeal(json);
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join("\n"));
  return d.value;
}
