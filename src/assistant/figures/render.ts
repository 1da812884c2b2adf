/**
 * The model's final text, made into what the user reads: every `{{label.name}}` replaced by the
 * figure code rendered from that tool result — or the text refused, with reason codes (never the
 * content), when it holds a figure of its own, a reference to a figure that does not exist, or
 * words that change what a figure means.
 *
 * Words next to a figure are checked because the rendered text already states the figure's unit,
 * period and currency: "{{cost.saving}} a month" would read "£306,000 a year a month", and
 * "USD {{cost.saving}}" would relabel pounds. Each figure may also name clashing words (a saving
 * next to "more", the baseline's cost after "the mixed plan costs"); they are looked for in the
 * clause around the figure, from the previous figure, punctuation or conjunction to the next.
 */
import type { LabelledFigure } from "./figure.js";
import { type OwnFigureProblem, ownFigures } from "./own-figures.js";

export type RenderProblem = OwnFigureProblem | "unknown-figure" | "unit-added" | "misattributed";

export type Rendered =
  | { readonly ok: true; readonly text: string; readonly used: readonly string[] }
  | { readonly ok: false; readonly problems: readonly RenderProblem[] };

/** `{{cost.saving}}`, `{{ renewal#2.termTotal }}`. */
const REFERENCE = /\{\{\s*([a-z_]+(?:#[1-9])?\.[A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Words after a figure that would restate its period, unit or currency. */
const UNIT_AFTER =
  /^\s*(?:(?:for\s+)?(?:a|an|per|each|every|\/)\s*(?:month|year|annum|agent|seat|user|licen[cs]e|head|day|week|quarter|term)s?\b|(?:monthly|annually|yearly|weekly|daily|yrs?|mos?|mths?|annum|p\.?a\.?|p\.?m\.?|k|m|bn|mn)\b|(?:in\s+)?(?:pounds?|sterling|dollars?|euros?|pence|cents?|usd|gbp|eur|aud|cad|chf|jpy|inr|yen|rupees?)\b|(?:over|for|across|in)\s+(?:the\s+)?(?:whole\s+|full\s+|entire\s+)?(?:term|contract|period|total|year|month)s?\b|in\s+total\b)/i;
/** A currency named right before a figure. */
const UNIT_BEFORE = /\b(?:usd|gbp|eur|aud|cad|chf|jpy|inr|us|au|ca|nz)\s*$/i;

/** Where a clause starts or ends: punctuation, a figure, or a conjunction joining two claims. */
const CLAUSE_BREAK =
  /[.,;:!?()[\]\u2014\u2013]|\s-\s|\b(?:and|but|while|whereas|against|versus|vs|than)\b/i;

function lastClause(before: string): string {
  const parts = before.split(new RegExp(CLAUSE_BREAK.source, "gi"));
  return parts[parts.length - 1] ?? "";
}

function firstClause(after: string): string {
  return after.split(new RegExp(CLAUSE_BREAK.source, "i"))[0] ?? "";
}

function mentions(clause: string, word: string): boolean {
  // Escape regex syntax only: under the u flag an escaped & or other letter is a syntax error.
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}-])${escaped}(?![\\p{L}-])`, "iu").test(clause);
}

export function renderFinalText(text: string, figures: readonly LabelledFigure[]): Rendered {
  const byRef = new Map(figures.map((f) => [f.ref, f]));
  const refs = [...text.matchAll(REFERENCE)].map((m) => m[1] ?? "");
  const pieces = text.split(REFERENCE).filter((_, i) => i % 2 === 0);
  const problems = new Set<RenderProblem>();
  for (const problem of ownFigures(pieces.join(" "))) problems.add(problem);
  if (/[{}]/.test(pieces.join(""))) problems.add("unknown-figure");
  const found = refs.map((r) => byRef.get(r));
  if (found.some((f) => f === undefined)) problems.add("unknown-figure");

  found.forEach((figure, i) => {
    if (!figure) return;
    const before = pieces[i] ?? "";
    const after = pieces[i + 1] ?? "";
    if (UNIT_AFTER.test(after) || UNIT_BEFORE.test(before)) problems.add("unit-added");
    const around = [lastClause(before), firstClause(after)];
    const clash = (figure.clashes ?? []).some((w) => around.some((c) => mentions(c, w)));
    if (clash) problems.add("misattributed");
  });
  if (problems.size > 0) return { ok: false, problems: [...problems] };

  const rendered = pieces.reduce((out, piece, i) => out + piece + (found[i]?.text ?? ""), "");
  return { ok: true, text: rendered, used: refs };
}
