/**
 * What of a reply's `data` is kept as an analysis's outputs: the figures and counts, without
 * personal data. The split's `namedUsers` (the list of people to name) is removed: it is
 * personal data, and analyses outlive retention, which deletes only raw rows. The list can be
 * had again while the raw rows are kept ("Change rates" re-runs the analysis and attaches the
 * named-users CSV); after that, only the counts remain. As a guard against a field added later,
 * any string that looks like an e-mail address is replaced too.
 */
import type { JsonValue } from "../../store/analyses.js";

const PERSONAL_KEYS = new Set(["namedUsers"]);
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
export const REMOVED = "[removed: personal data]";

function clean(value: unknown): JsonValue | undefined {
  if (value === null) return null;
  if (typeof value === "string") return EMAIL.test(value) ? REMOVED : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => clean(v) ?? null);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const out: Record<string, JsonValue> = {};
    for (const [key, v] of Object.entries(value)) {
      if (PERSONAL_KEYS.has(key)) continue;
      const c = clean(v);
      if (c !== undefined) out[key] = c;
    }
    return out;
  }
  // undefined, functions, bigint: not JSON, left out as JSON.stringify would.
  return undefined;
}

/** `data` as plain JSON without personal data. */
export function storableOutputs(data: Readonly<Record<string, unknown>>): JsonValue {
  return clean(data) ?? {};
}
