/**
 * The template catalogue: every `templates/ID.hbs` body with its `ID.json` metadata, validated and
 * compiled once. The folder is found relative to this module, so the same code works from
 * `src/drafting` (tests) and `dist/drafting` (the built CLI), both two levels below the repo root.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CurrencyCode, currency } from "../core/money.js";
import { type Issue, ok, type Result } from "../core/result.js";
import { DEAL_FIELD_TYPES } from "./deal-values.js";
import { type CompiledText, compileText } from "./helpers.js";
import {
  type PositionId,
  positionIds,
  positionText,
  type TemplateMeta,
  templateMetaSchema,
} from "./template-meta.js";
import { checkVariables } from "./variables.js";

export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface ClauseTemplate {
  readonly meta: TemplateMeta;
  readonly body: CompiledText;
  /** Each position's wording, compiled, by typed position name. */
  readonly positions: ReadonlyMap<PositionId, CompiledText>;
}

export interface Catalogue {
  readonly templates: ReadonlyMap<string, ClauseTemplate>;
}

function issue(file: string, message: string): Issue {
  return { code: "template.invalid", message: `${file}: ${message}` };
}

function loadOne(dir: string, id: string): Result<ClauseTemplate> {
  const jsonFile = `${id}.json`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, jsonFile), "utf8"));
  } catch (e) {
    return { ok: false, issues: [issue(jsonFile, e instanceof Error ? e.message : String(e))] };
  }
  const meta = templateMetaSchema.safeParse(json);
  if (!meta.success) {
    return {
      ok: false,
      issues: meta.error.issues.map((i) => issue(jsonFile, `${i.path.join(".")}: ${i.message}`)),
    };
  }
  const mismatched = Object.entries(meta.data.variables).flatMap(([name, v]) => {
    if (v.fromDeal === undefined) return [];
    const type = DEAL_FIELD_TYPES[v.fromDeal];
    if (type !== v.type) {
      return [issue(jsonFile, `variables.${name}: ${v.fromDeal} gives a ${type}, not a ${v.type}`)];
    }
    // The one choice field is ratePeriod; the variable must accept both of its values.
    const missing = ["month", "year"].filter((o) => type === "choice" && !v.options?.includes(o));
    return missing.length > 0
      ? [issue(jsonFile, `variables.${name}: ${v.fromDeal} needs options ${missing.join(", ")}`)]
      : [];
  });
  if (mismatched.length > 0) return { ok: false, issues: mismatched };
  if (meta.data.id !== id) {
    return {
      ok: false,
      issues: [issue(jsonFile, `id "${meta.data.id}" does not match the file name`)],
    };
  }
  try {
    const body = compileText(readFileSync(join(dir, `${id}.hbs`), "utf8"));
    const positions = new Map<PositionId, CompiledText>();
    for (const p of positionIds(meta.data)) {
      positions.set(p, compileText(positionText(meta.data, p)?.wording ?? ""));
    }
    return ok({ meta: meta.data, body, positions });
  } catch (e) {
    return { ok: false, issues: [issue(`${id}.hbs`, e instanceof Error ? e.message : String(e))] };
  }
}

/**
 * Renders every template whose variables all have defaults at every position, so a template that
 * uses an undeclared name fails at load (strict mode), not in front of a vendor.
 */
function trialRender(t: ClauseTemplate, currency: CurrencyCode): Issue[] {
  const values = checkVariables(t.meta.variables, {}, currency, t.meta.id);
  if (!values.ok) return [];
  const issues: Issue[] = [];
  for (const [p, wording] of t.positions) {
    try {
      t.body({ ...values.value, terms: wording(values.value) });
    } catch (e) {
      issues.push(issue(`${t.meta.id} (${p})`, e instanceof Error ? e.message : String(e)));
    }
  }
  return issues;
}

/** Loads, validates and compiles every template in `dir`; any problem in any file fails the load. */
export function loadCatalogue(dir: string = TEMPLATES_DIR): Result<Catalogue> {
  let ids: string[];
  try {
    ids = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -".json".length))
      .sort();
  } catch (e) {
    return { ok: false, issues: [issue(dir, e instanceof Error ? e.message : String(e))] };
  }
  const templates = new Map<string, ClauseTemplate>();
  const issues: Issue[] = [];
  const trialCurrency = currency("GBP");
  for (const id of ids) {
    const t = loadOne(dir, id);
    if (!t.ok) {
      issues.push(...t.issues);
      continue;
    }
    issues.push(...trialRender(t.value, trialCurrency));
    templates.set(id, t.value);
  }
  if (issues.length > 0) return { ok: false, issues };
  return ok({ templates });
}

let shipped: Catalogue | undefined;

/**
 * The templates we ship, loaded on first use and kept. A broken shipped template is a bug in
 * dealdesk, not bad user input, so it throws with every problem listed.
 */
export function shippedCatalogue(): Catalogue {
  if (!shipped) {
    const loaded = loadCatalogue();
    if (!loaded.ok) {
      throw new Error(`templates/ is broken:\n${loaded.issues.map((i) => i.message).join("\n")}`);
    }
    shipped = loaded.value;
  }
  return shipped;
}
