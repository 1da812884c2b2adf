/** The export fixtures in test/fixtures/exports/, read as bytes the way an upload arrives. */
import { readFileSync } from "node:fs";

export function exportBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url)));
}
