/**
 * The Handlebars environment every template is compiled in: an isolated instance with our helpers
 * only, `strict` (a name the template uses but the context lacks is an error, never an empty
 * string), `knownHelpersOnly` (no helper can be looked up at render time) and no HTML escaping,
 * because templates produce plain text that the Markdown, mrkdwn and DOCX renderers escape for
 * their own format. Only template files we ship are compiled, and only as strings.
 */
import Handlebars from "handlebars";
import { formatMoney, type Money } from "../core/money.js";
import { formatPercent } from "../core/percent.js";
import type { Ratio } from "../core/ratio.js";
import { formatDate } from "./dates.js";

function isMoney(v: unknown): v is Money {
  return typeof v === "object" && v !== null && "minor" in v && "currency" in v;
}

function isRatio(v: unknown): v is Ratio {
  return typeof v === "object" && v !== null && "num" in v && "den" in v;
}

/** Throws on a helper used with the wrong type: a template bug, caught by the load-time check. */
function wrongType(helper: string, value: unknown): never {
  throw new TypeError(`{{${helper}}} was given ${JSON.stringify(String(value))}`);
}

const helpers = {
  /** `{{money fee}}` → "£45,000": a Money (minor units + ISO currency) via formatMoney. */
  money: (value: unknown) => (isMoney(value) ? formatMoney(value) : wrongType("money", value)),
  /** `{{percent cap}}` → "3%", "3.5%". */
  percent: (value: unknown) =>
    isRatio(value) ? formatPercent(value, 2) : wrongType("percent", value),
  /** `{{date renewalDate}}` → "31 December 2026". */
  date: (value: unknown) =>
    typeof value === "string" ? formatDate(value) : wrongType("date", value),
  /** `{{plural years "year"}}` → "1 year", "3 years"; a third argument gives an irregular plural. */
  plural: (count: unknown, singular: unknown, ...rest: unknown[]) => {
    if (typeof count !== "number" || typeof singular !== "string")
      return wrongType("plural", count);
    const plural = rest.length > 1 && typeof rest[0] === "string" ? rest[0] : `${singular}s`;
    return `${count} ${count === 1 ? singular : plural}`;
  },
  /** `{{#if (eq basis "lesser-of")}}`: choice variables select wording. */
  eq: (a: unknown, b: unknown) => a === b,
} as const;

export const HELPER_NAMES = Object.keys(helpers);

const env = Handlebars.create();
for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);

const knownHelpers = Object.fromEntries(HELPER_NAMES.map((n) => [n, true]));

export type CompiledText = (context: Record<string, unknown>) => string;

/** Compiles template text (a string we ship, never user input) once, eagerly, so syntax errors show at load. */
export function compileText(source: string): CompiledText {
  const options = { strict: true, knownHelpers, knownHelpersOnly: true, noEscape: true };
  // compile() is lazy; precompile() parses now, so a syntax error or unknown helper stops the load.
  env.precompile(source, options);
  const template = env.compile(source, options);
  return (context) => template(context);
}
