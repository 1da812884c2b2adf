/**
 * Rendering one clause at one position: check the variables (defaults filled, each problem named),
 * render the position's wording, then the clause body around it. The result is plain text in
 * paragraphs; the format renderers escape it.
 */

import { didYouMean } from "../core/did-you-mean.js";
import type { CurrencyCode } from "../core/money.js";
import { fail, type Issue, ok, type Result } from "../core/result.js";
import type { Catalogue } from "./catalogue.js";
import type { Deal } from "./deal-schema.js";
import { dealValues } from "./deal-values.js";
import {
  type PositionId,
  positionIds,
  positionLabel,
  positionText,
  type TemplateMeta,
} from "./template-meta.js";
import { checkVariables, type VariableValue } from "./variables.js";

export interface RenderedClause {
  readonly meta: TemplateMeta;
  readonly position: PositionId;
  /** "fallback 1 of 2" */
  readonly positionLabel: string;
  readonly rationale: string;
  /** The clause as plain text, paragraphs separated by a blank line. */
  readonly text: string;
  readonly paragraphs: readonly string[];
  readonly values: Readonly<Record<string, VariableValue>>;
  /** Variables that took their default because no value was given. */
  readonly defaulted: readonly string[];
}

export function findTemplate(catalogue: Catalogue, id: string) {
  const t = catalogue.templates.get(id);
  if (t) return ok(t);
  const ids = [...catalogue.templates.keys()];
  const guess = didYouMean(id, ids, { maxEdits: 3, byContaining: true });
  return fail(
    "draft.unknown_template",
    `there is no clause template called "${id}"`,
    guess ? `did you mean ${guess}? (draft list shows them all)` : "draft list shows them all",
  );
}

/** Tidies template output: trims lines, collapses runs of blank lines into one paragraph break. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .join("\n"),
    )
    .filter((p) => p !== "");
}

export function renderClause(
  catalogue: Catalogue,
  id: string,
  position: PositionId,
  given: Readonly<Record<string, unknown>>,
  currency: CurrencyCode,
): Result<RenderedClause> {
  const found = findTemplate(catalogue, id);
  if (!found.ok) return found;
  const t = found.value;
  const wording = t.positions.get(position);
  const text = positionText(t.meta, position);
  const issues: Issue[] = [];
  if (!wording || !text) {
    issues.push({
      code: "draft.unknown_position",
      message: `${id} has no position "${position}"`,
      hint: `its positions are ${positionIds(t.meta).join(", ")}`,
    });
  }
  const values = checkVariables(t.meta.variables, given, currency, id);
  if (!values.ok) issues.push(...values.issues);
  if (issues.length > 0 || !values.ok || !wording || !text) return { ok: false, issues };
  const terms = wording(values.value).trim();
  const paragraphs = paragraphsOf(t.body({ ...values.value, terms }));
  return ok({
    meta: t.meta,
    position,
    positionLabel: positionLabel(t.meta, position),
    rationale: text.rationale,
    text: paragraphs.join("\n\n"),
    paragraphs,
    values: values.value,
    defaulted: Object.keys(t.meta.variables).filter((k) => given[k] === undefined),
  });
}

/**
 * Renders a clause chosen in deal.json: its `set` values first, then the figures the deal gives
 * (each variable's `fromDeal`), then the template's defaults. A variable filled from the deal is
 * not reported as defaulted.
 */
export function renderDealClause(
  catalogue: Catalogue,
  chosen: {
    readonly id: string;
    readonly position: PositionId;
    readonly set: Readonly<Record<string, unknown>>;
  },
  deal: Deal,
): Result<RenderedClause> {
  const t = catalogue.templates.get(chosen.id);
  const fromDeal = t ? dealValues(t.meta, deal) : {};
  return renderClause(
    catalogue,
    chosen.id,
    chosen.position,
    { ...fromDeal, ...chosen.set },
    deal.currency,
  );
}
