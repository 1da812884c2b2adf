/**
 * Reading the `cost` command's text, designed for typing one-handed during a call:
 *
 *   150 named @ 70 + 100 conc @ 140 vs 500 named @ 100 GBP --years 3
 *
 * Plans are separated by `vs`; lines within a plan by `+`, `plus`, `,`, `;`, `and` or `&`. A line
 * is SEATS TYPE (@ | at) PRICE [period], e.g. `150 n @ 70`, `150 named at £70/mo`,
 * `100 c @ 1,680/yr`, `150n@70`, `150 agents @ 70` (agents are named seats). A plan may end with
 * `for 350 users`. Amounts stay exact until the currency is known.
 */

import { didYouMean } from "../../core/did-you-mean.js";
import type { LicenceType } from "../../core/licence.js";
import { parseCurrency } from "../../core/money.js";
import { fail, type Issue, ok, type Result } from "../../core/result.js";
import {
  type CurrencySign,
  type Period,
  parseAmount,
  parseCount,
  type TypedAmount,
} from "../grammar/amounts.js";
import { looksLikeCurrencyCode } from "../grammar/currency.js";
import { type OptionSpec, parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { COST_EXAMPLE } from "./info.js";

export interface TypedLine {
  /** The line as typed (re-joined), for messages: "150 named @ 70". */
  readonly text: string;
  /** May be zero or negative here: the core says why that is wrong, in the same words everywhere. */
  readonly quantity: number;
  readonly type: LicenceType;
  readonly price: TypedAmount;
  /** The period the price was written with (`/yr`, `per month`), if any. */
  readonly period?: Period;
}

export interface TypedScenario {
  readonly text: string;
  readonly lines: readonly TypedLine[];
  readonly usersCovered?: number;
}

export interface TypedCost {
  readonly scenarios: readonly TypedScenario[];
  /** £ $ € signs seen on prices, and currency codes seen as words or in `--currency`. */
  readonly signs: readonly CurrencySign[];
  readonly codes: readonly string[];
  readonly years: number;
}

export const COST_OPTIONS: readonly OptionSpec[] = [
  { name: "currency", aliases: ["cur", "ccy"], bare: true },
  { name: "years", aliases: ["yrs", "term"], bare: true },
];

export const MAX_YEARS = 50;

const TYPE_WORDS: Readonly<Record<string, LicenceType>> = {
  named: "named",
  name: "named",
  n: "named",
  // A service desk counts its people as agents; an agent seat is a named seat.
  agents: "named",
  agent: "named",
  concurrent: "concurrent",
  conc: "concurrent",
  con: "concurrent",
  c: "concurrent",
};
/** Words that may follow the type and mean nothing more: `150 named seats @ 70`. */
const FILLERS = new Set([
  "seat",
  "seats",
  "user",
  "users",
  "agent",
  "agents",
  "licence",
  "licences",
  "license",
  "licenses",
  "pool",
]);
const LINE_SEPARATORS = new Set(["+", "plus", ",", ";", "and", "&"]);
const PLAN_SEPARATORS = new Set(["vs", "vs.", "v", "v.", "versus"]);
const PERIOD_WORDS: Readonly<Record<string, Period | null>> = {
  "/mo": "month",
  "/month": "month",
  "/m": "month",
  pm: "month",
  monthly: "month",
  "/yr": "year",
  "/year": "year",
  "/y": "year",
  "/annum": "year",
  pa: "year",
  yearly: "year",
  annually: "year",
  // Per-seat words carry no period: `@ 70 per user per month`.
  each: null,
  "/user": null,
  "/seat": null,
  "/agent": null,
  "/u": null,
};
const PER_WORDS = new Set(["per", "a", "an", "/"]);
const PER_TARGETS: Readonly<Record<string, Period | null>> = {
  month: "month",
  mo: "month",
  year: "year",
  yr: "year",
  annum: "year",
  user: null,
  seat: null,
  agent: null,
};
const USER_WORDS = new Set(["users", "user", "people", "agents", "staff", "persons"]);
/** Three-letter words that are part of the grammar, never currency codes. */
const GRAMMAR_WORDS = new Set(["AND", "FOR", "CON", "PER"]);

/** Splits `@`, `+`, `;` and separating commas off words; a comma between digits (1,680) stays. */
export function splitPieces(token: string): string[] {
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    if (current !== "") pieces.push(current);
    current = "";
  };
  for (let i = 0; i < token.length; i++) {
    const ch = token[i] as string;
    const betweenDigits = /\d/.test(token[i - 1] ?? "") && /\d/.test(token[i + 1] ?? "");
    if (ch === "@" || ch === "+" || ch === ";" || (ch === "," && !betweenDigits)) {
      flush();
      pieces.push(ch);
    } else {
      current += ch;
    }
  }
  flush();
  return pieces;
}

/** Splits a list at separator words, keeping empty groups so the caller can report them. */
function splitAt(tokens: readonly string[], separators: ReadonlySet<string>): string[][] {
  const groups: string[][] = [[]];
  for (const t of tokens) {
    if (separators.has(t.toLowerCase())) groups.push([]);
    else groups[groups.length - 1]?.push(t);
  }
  return groups;
}

/** Re-joins words for messages, without the space the lexer put before a comma. */
function joinWords(words: readonly string[]): string {
  return words.join(" ").replace(/ ,/g, ",");
}

const HINT_LINE = "write it like 150 named @ 70";

function parseQuantity(token: string): Result<number> {
  // Signed whole numbers pass through so that `0` and `-5` get the core's "more than zero" message.
  if (/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)$/.test(token)) {
    const n = Number(token.replace(/,/g, ""));
    if (Number.isSafeInteger(n)) return ok(n);
  }
  return parseCount(token, "the seat count");
}

/** Reads what follows the price: `/yr`, `per month`, `a year`, `each`, `per user per month`. */
function parsePeriodWords(words: readonly string[], lineText: string): Result<Period | undefined> {
  let period: Period | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] as string).toLowerCase();
    let found: Period | null | undefined = PERIOD_WORDS[w];
    if (found === undefined && PER_WORDS.has(w)) {
      found = PER_TARGETS[(words[i + 1] ?? "").toLowerCase()];
      if (found !== undefined) i++;
    }
    if (found === undefined) {
      // A currency code in lower case is the likeliest slip; say how to write it.
      const code = w.toUpperCase();
      const hint = parseCurrency(code).ok
        ? `write the currency in capitals: ${code}`
        : "write a line like 150 named @ 70, or 100 conc @ 1,680/yr";
      return fail("line.unexpected", `I don't understand "${words[i]}" in "${lineText}"`, hint);
    }
    if (found !== null) {
      if (period !== undefined && period !== found) {
        return fail(
          "line.period_conflict",
          `"${lineText}" gives the price both per month and per year`,
          "write /mo or /yr once",
        );
      }
      period = found;
    }
  }
  return ok(period);
}

export function parseLine(tokens: readonly string[]): Result<TypedLine> {
  const text = joinWords(tokens);
  const words = [...tokens];
  // `150n` or `100conc`: seats and type typed together.
  const compact = /^([+-]?\d[\d,]*)([a-z]+)$/i.exec(words[0] ?? "");
  if (compact?.[2] && TYPE_WORDS[compact[2].toLowerCase()]) {
    words.splice(0, 1, compact[1] as string, compact[2]);
  }
  const [quantityWord, typeWord] = words;
  if (quantityWord === undefined) {
    return fail("line.empty", "a licence line is empty", HINT_LINE);
  }
  if (TYPE_WORDS[quantityWord.toLowerCase()]) {
    return fail("line.no_seats", `"${text}" has no seat count`, HINT_LINE);
  }
  const quantity = parseQuantity(quantityWord);
  if (!quantity.ok) return quantity;
  if (typeWord === undefined || typeWord === "@" || typeWord.toLowerCase() === "at") {
    return fail(
      "line.no_type",
      `"${text}" doesn't say named or concurrent`,
      `write it like ${quantityWord} named @ 70`,
    );
  }
  const type = TYPE_WORDS[typeWord.toLowerCase()];
  if (!type) {
    // Only the full words are offered: a guess of "c" for "x" would be noise, not help.
    const guess = didYouMean(typeWord, ["named", "concurrent", "agents"], { maxEdits: 2 });
    return fail(
      "licence.unknown_type",
      `"${typeWord}" is not a licence type I know${guess ? ` — did you mean ${guess}?` : ""}`,
      "use named (or n, agents) or concurrent (or conc, c), like 150 named @ 70",
    );
  }
  let i = 2;
  while (i < words.length && FILLERS.has((words[i] as string).toLowerCase())) i++;
  const at = words[i];
  const lineName = `${quantityWord} ${type}`;
  if (at === undefined) {
    return fail("line.no_price", `"${text}" has no price`, `write it like ${lineName} @ 70`);
  }
  if (at !== "@" && at.toLowerCase() !== "at") {
    const looksLikePrice = parseAmount(at, "the price").ok;
    return looksLikePrice
      ? fail(
          "line.no_at",
          `"${text}" needs @ before the price`,
          `write it like ${lineName} @ ${at}`,
        )
      : fail("line.unexpected", `I don't understand "${at}" in "${text}"`, HINT_LINE);
  }
  const priceWord = words[i + 1];
  if (priceWord === undefined) {
    return fail("line.no_price", `"${text}" has no price`, `write it like ${lineName} @ 70`);
  }
  const price = parseAmount(priceWord, `the price for ${lineName}`);
  if (!price.ok) return price;
  const after = parsePeriodWords(words.slice(i + 2), text);
  if (!after.ok) return after;
  if (price.value.period && after.value && price.value.period !== after.value) {
    return fail(
      "line.period_conflict",
      `"${text}" gives the price both per month and per year`,
      "write /mo or /yr once",
    );
  }
  const period = price.value.period ?? after.value;
  return ok({
    text,
    quantity: quantity.value,
    type,
    price: price.value,
    ...(period ? { period } : {}),
  });
}

/** Takes a trailing `for 350 users` off a plan's words. */
function splitUsers(tokens: readonly string[]): Result<{ words: string[]; users?: number }> {
  const at = tokens.findIndex((t) => t.toLowerCase() === "for");
  if (at < 0) return ok({ words: [...tokens] });
  const rest = tokens.slice(at + 1);
  const [countWord, unit, ...extra] = rest;
  const text = joinWords(tokens.slice(at));
  if (countWord === undefined) {
    return fail(
      "users.missing",
      `"for" needs a number of users after it`,
      "write it like for 350 users",
    );
  }
  if ((unit !== undefined && !USER_WORDS.has(unit.toLowerCase())) || extra.length > 0) {
    return fail(
      "users.misplaced",
      `"${text}" should come at the end of its plan, as "for N users"`,
      "write it like 150 named @ 70 + 100 conc @ 140 for 350 users",
    );
  }
  const users = parseCount(countWord, "the number of users");
  if (!users.ok) return users;
  return ok({ words: tokens.slice(0, at), users: users.value });
}

function parseScenario(tokens: readonly string[]): Result<TypedScenario> {
  const split = splitUsers(tokens);
  if (!split.ok) return split;
  const groups = splitAt(split.value.words, LINE_SEPARATORS);
  const text = joinWords(tokens);
  if (groups.some((g) => g.length === 0)) {
    const message =
      split.value.words.length === 0
        ? `"${text}" has no licence lines`
        : `"${text}" has a +, "plus", comma, ; or "and" with no licence line on one side`;
    return fail("line.empty", message, "write it like 150 named @ 70 + 100 conc @ 140");
  }
  const lines: TypedLine[] = [];
  const issues: Issue[] = [];
  for (const g of groups) {
    const line = parseLine(g);
    if (line.ok) lines.push(line.value);
    else issues.push(...line.issues);
  }
  if (issues.length > 0) return { ok: false, issues };
  const users = split.value.users;
  return ok({ text, lines, ...(users !== undefined ? { usersCovered: users } : {}) });
}

function emptyPlanIssue(index: number, count: number): Issue {
  const where =
    count === 1
      ? "there is nothing to cost"
      : index === 0
        ? "there is no plan before the first vs"
        : index === count - 1
          ? "there is no plan after the last vs"
          : "there is no plan between two vs";
  return { code: "scenario.empty", message: where, hint: `write it like ${COST_EXAMPLE}` };
}

function parseYears(value: string | undefined): Result<number> {
  if (value === undefined) return ok(1);
  const years = parseCount(value, "the number of years");
  if (!years.ok) return years;
  if (years.value < 1 || years.value > MAX_YEARS) {
    return fail(
      "years.out_of_range",
      `the number of years must be from 1 to ${MAX_YEARS}, not ${years.value}`,
      "write it like --years 3",
    );
  }
  return years;
}

/** Parses the text after the command word into plans, currency evidence and the term. */
export function parseCostText(text: string): Result<TypedCost> {
  const options = parseOptions(tokenize(text), COST_OPTIONS, `${COST_EXAMPLE} --years 3`);
  if (!options.ok) return options;
  const years = parseYears(options.value.values.get("years"));
  if (!years.ok) return years;
  const codes: string[] = [];
  const currencyOption = options.value.values.get("currency");
  if (currencyOption !== undefined) codes.push(currencyOption);
  const words: string[] = [];
  for (const token of options.value.positional) {
    if (looksLikeCurrencyCode(token) && !GRAMMAR_WORDS.has(token)) codes.push(token);
    else words.push(...splitPieces(token));
  }
  const plans = splitAt(words, PLAN_SEPARATORS);
  const scenarios: TypedScenario[] = [];
  const issues: Issue[] = [];
  plans.forEach((plan, index) => {
    if (plan.length === 0) {
      issues.push(emptyPlanIssue(index, plans.length));
      return;
    }
    const s = parseScenario(plan);
    if (s.ok) scenarios.push(s.value);
    else issues.push(...s.issues);
  });
  if (issues.length > 0) return { ok: false, issues };
  const signs = scenarios.flatMap((s) =>
    s.lines.flatMap((l) => (l.price.sign ? [l.price.sign] : [])),
  );
  return ok({ scenarios, signs, codes, years: years.value });
}
