/**
 * `draft`: the clause library. `draft list` shows every template with its positions;
 * `draft renewal-cap --position fallback --set cap=3% --set years=3 --currency GBP` renders one
 * clause at one position, filled with the values given and the documented defaults for the rest.
 */
import { formatMoney, type Money } from "../../core/money.js";
import { formatPercent } from "../../core/percent.js";
import type { Ratio } from "../../core/ratio.js";
import { fail, ok, type Result } from "../../core/result.js";
import { shippedCatalogue } from "../../drafting/catalogue.js";
import { type RenderedClause, renderClause } from "../../drafting/render-clause.js";
import { positionIds } from "../../drafting/template-meta.js";
import type { VariableValue } from "../../drafting/variables.js";
import type { SyncCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { chooseCurrency, looksLikeCurrencyCode } from "../grammar/currency.js";
import { type OptionSpec, parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, column, type Reply, rejected, replied } from "../reply.js";
import { DRAFT_INFO, EXAMPLE, NAME } from "./info.js";

const OPTIONS: readonly OptionSpec[] = [
  { name: "position", aliases: ["at"], bare: true },
  { name: "currency", bare: true },
];

interface DraftRequest {
  readonly id: string;
  readonly position: string;
  readonly set: Readonly<Record<string, string>>;
  readonly currency: Money["currency"];
  readonly currencyAssumed: boolean;
}

/**
 * Takes every `--set k=v`, `--set=k=v` and bare `k=v` out of the words before the shared option
 * parser sees them, since `--set` repeats and parseOptions refuses a repeated option.
 */
export function extractSets(
  tokens: readonly string[],
): Result<{ rest: string[]; set: Record<string, string> }> {
  const rest: string[] = [];
  const set: Record<string, string> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    let pair: string | undefined;
    if (/^--?set$/i.test(t)) {
      pair = tokens[i + 1];
      i++;
      if (pair === undefined)
        return fail("option.missing_value", "--set needs a name=value", EXAMPLE);
    } else if (/^--?set=/i.test(t)) {
      pair = t.replace(/^--?set=/i, "");
    } else if (/^[a-z][A-Za-z0-9]*=/.test(t)) {
      pair = t;
    } else {
      rest.push(t);
      continue;
    }
    const m = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/s.exec(pair);
    if (!m?.[1] || m[2] === undefined || m[2] === "") {
      return fail(
        "draft.set_malformed",
        `--set ${pair} is not name=value`,
        "write it like --set cap=3%",
      );
    }
    if (m[1] in set)
      return fail("draft.set_repeated", `${m[1]} is set twice`, "set each variable once");
    set[m[1]] = m[2];
  }
  return ok({ rest, set });
}

function parseDraft(text: string, ctx: CommandContext): Result<DraftRequest | "list"> {
  const sets = extractSets(tokenize(text));
  if (!sets.ok) return sets;
  const parsed = parseOptions(sets.value.rest, OPTIONS, EXAMPLE);
  if (!parsed.ok) return parsed;
  const { values, positional } = parsed.value;
  const codes = positional.filter(looksLikeCurrencyCode);
  const words = positional.filter((w) => !looksLikeCurrencyCode(w));
  const [first, ...extra] = words;
  if (first === undefined || first.toLowerCase() === "list") {
    return extra.length === 0 && Object.keys(sets.value.set).length === 0
      ? ok("list")
      : fail(
          "draft.unexpected_word",
          `draft list takes nothing else, but got "${[...extra, ...Object.keys(sets.value.set)].join(" ")}"`,
          "draft list",
        );
  }
  if (extra.length > 0) {
    return fail("draft.unexpected_word", `I don't understand "${extra.join(" ")}"`, EXAMPLE);
  }
  const currencyOption = values.get("currency");
  const choice = chooseCurrency([], codes, ctx.defaultCurrency, currencyOption);
  if (!choice.ok) return choice;
  return ok({
    id: first.toLowerCase(),
    position: (values.get("position") ?? "preferred").toLowerCase(),
    set: sets.value.set,
    currency: choice.value.code,
    currencyAssumed: choice.value.assumed,
  });
}

function isMoney(v: VariableValue): v is Money {
  return typeof v === "object" && "minor" in v;
}

/** A value as the user would write it back: "£45,000", "3%", "2026-12-31", "90". */
export function shownValue(v: VariableValue): string {
  if (typeof v === "string" || typeof v === "number") return String(v);
  return isMoney(v) ? formatMoney(v) : formatPercent(v as Ratio, 2);
}

function listReply(): Reply {
  const templates = [...shippedCatalogue().templates.values()].map((t) => t.meta);
  return {
    command: NAME,
    headline: `${templates.length} clause templates, each with a preferred position, fallbacks and a walk-away.`,
    tables: [
      {
        title: "Clause templates",
        columns: [column("id"), column("title"), column("category"), column("positions")],
        rows: templates.map((m) => [m.id, m.title, m.category, positionIds(m).join(", ")]),
      },
    ],
    notes: [
      "Render one with draft ID --position fallback --set name=value; with no --set, the documented defaults are used.",
    ],
    working: [],
    next: [EXAMPLE, "draft concurrent-pool", "brief examples/deal.json"],
    /**
     * `draft list` data: `{ templates: [{ id, title, category, protects, positions: string[],
     * variables: { [name]: { type, label, default: string | null } } }] }`.
     */
    data: {
      templates: templates.map((m) => ({
        id: m.id,
        title: m.title,
        category: m.category,
        protects: m.protects,
        positions: positionIds(m),
        variables: Object.fromEntries(
          Object.entries(m.variables).map(([k, v]) => [
            k,
            { type: v.type, label: v.label, default: v.default ?? null },
          ]),
        ),
      })),
    },
  };
}

/**
 * `draft ID` data: `{ id, title, category, protects, position, positionLabel, rationale, currency,
 * text (the clause, paragraphs separated by a blank line), variables: { [name]: { value (as shown),
 * defaulted: boolean } } }`.
 */
export function draftData(c: RenderedClause, currency: string) {
  return {
    id: c.meta.id,
    title: c.meta.title,
    category: c.meta.category,
    protects: c.meta.protects,
    position: c.position,
    positionLabel: c.positionLabel,
    rationale: c.rationale,
    currency,
    text: c.text,
    variables: Object.fromEntries(
      Object.entries(c.values).map(([k, v]) => [
        k,
        { value: shownValue(v), defaulted: c.defaulted.includes(k) },
      ]),
    ),
  };
}

function clauseReply(r: DraftRequest, c: RenderedClause): Reply {
  const hasMoney = Object.values(c.meta.variables).some((v) => v.type === "money");
  const others = positionIds(c.meta).filter((p) => p !== c.position);
  return {
    command: NAME,
    headline: `${c.meta.title}, ${c.positionLabel}: ${c.rationale}`,
    tables: [
      {
        title: "Filled in",
        columns: [column("variable"), column("value", "right"), column("from")],
        rows: Object.entries(c.values).map(([k, v]) => [
          k,
          shownValue(v),
          c.defaulted.includes(k) ? "default" : "--set",
        ]),
      },
    ],
    // The clause itself, ready to paste; then what it protects and what was assumed.
    body: c.paragraphs.join("\n\n"),
    notes: [
      `Protects against: ${c.meta.protects}`,
      ...(r.currencyAssumed && hasMoney
        ? [`No currency given, so ${r.currency} was assumed.`]
        : []),
    ],
    working: [],
    next: [...others.slice(0, 2).map((p) => `draft ${c.meta.id} --position ${p}`), "draft list"],
    data: draftData(c, r.currency),
  };
}

function run(text: string, ctx: CommandContext): CommandOutcome {
  const request = parseDraft(text, ctx);
  if (!request.ok) return rejected(NAME, request.issues, EXAMPLE);
  if (request.value === "list") return replied(listReply());
  const r = request.value;
  const clause = renderClause(shippedCatalogue(), r.id, r.position, r.set, r.currency);
  if (!clause.ok) return rejected(NAME, clause.issues, EXAMPLE);
  return replied(clauseReply(r, clause.value));
}

export const draftCommand: SyncCommand = {
  ...DRAFT_INFO,
  run,
};
