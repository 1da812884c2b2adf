/**
 * Naming the plans of a `cost` command from what they buy ("named-only", "concurrent-only",
 * "mixed"), so a negotiator never has to name them while typing. Two plans of the same kind
 * would be confusing, so those fall back to their position: "option 1", "option 2", "baseline".
 */
import type { LicenceType } from "../../core/licence.js";

export type PlanKind = "named-only" | "concurrent-only" | "mixed";

export function kindOf(types: readonly LicenceType[]): PlanKind {
  const unique = new Set(types);
  if (unique.size !== 1) return "mixed";
  return unique.has("named") ? "named-only" : "concurrent-only";
}

/** Names for plans in typed order; the last plan is the baseline. */
export function scenarioNames(kinds: readonly PlanKind[]): string[] {
  const last = kinds.length - 1;
  return kinds.map((kind, i) => {
    const shared = kinds.filter((k) => k === kind).length > 1;
    if (!shared) return kind;
    return i === last ? "baseline" : `option ${i + 1}`;
  });
}

/** How a plan is named at the start of a sentence: "The mixed plan", "Option 1", "The baseline". */
export function planSubject(name: string): string {
  if (name.startsWith("option ")) return `O${name.slice(1)}`;
  if (name === "baseline") return "The baseline";
  return `The ${name} plan`;
}

/** How a plan is named mid-sentence: "the mixed plan", "option 1", "the baseline". */
export function planObject(name: string): string {
  if (name.startsWith("option ")) return name;
  if (name === "baseline") return "the baseline";
  return `the ${name} plan`;
}
