/**
 * Reading the `renewal` command's text: the base, the term and the uplift policy, typed the way
 * people say them (`renewal $2m 3y cap 3%`), into a RenewalRequest.
 */
import { fromMajorExact, type Money } from "../../core/money.js";
import { mul, type Ratio, ratio } from "../../core/ratio.js";
import { all, fail, ok, type Result } from "../../core/result.js";
import type { UpliftPolicy } from "../../core/uplift.js";
import type { CommandContext } from "../context.js";
import { type CurrencySign, parseAmount, parseCount, parsePercent } from "../grammar/amounts.js";
import { chooseCurrency, looksLikeCurrencyCode } from "../grammar/currency.js";
import { type OptionSpec, type ParsedOptions, parseOptions } from "../grammar/options.js";
import { tokenize } from "../grammar/tokens.js";
import { EXAMPLE } from "./info.js";

const OPTIONS: readonly OptionSpec[] = [
  { name: "currency", bare: true },
  { name: "years", aliases: ["term"], bare: true },
  { name: "cap", bare: true },
  { name: "cpi", bare: true },
  { name: "lesser-of", aliases: ["lesser", "lesserof"], bare: true },
  { name: "greater-of", aliases: ["greater", "greaterof"], bare: true },
  { name: "floor", bare: true },
  { name: "list", bare: true },
  { name: "discount", aliases: ["disc"], bare: true },
];

/** What the command understood from the text, before any calculation. */
export interface RenewalRequest {
  readonly base: Money;
  /** Set when the base was typed per month and multiplied by 12. */
  readonly monthlyBase?: Money;
  readonly currencyAssumed: boolean;
  readonly years: number;
  readonly policy: UpliftPolicy;
  readonly discount?: Ratio;
  readonly list?: Ratio;
}

const YEARS_WORD = /^(\d+)(?:y|yr|yrs|year|years)$/i;

function optionalPercent(options: ParsedOptions, name: string, label: string) {
  const text = options.values.get(name);
  return text === undefined ? ok(undefined) : parsePercent(text, label);
}

function parseCpi(text: string | undefined): Result<readonly Ratio[] | undefined> {
  if (text === undefined) return ok(undefined);
  const parts = text.split(",").filter((p) => p.trim() !== "");
  return all(parts.map((p) => parsePercent(p, "the CPI value")));
}

interface PolicyParts {
  readonly cap?: Ratio;
  readonly cpi?: readonly Ratio[];
  readonly lesser?: Ratio;
  readonly greater?: Ratio;
  readonly floor?: Ratio;
  readonly list?: Ratio;
}

/** Turns the policy options into one policy, refusing combinations that leave the rule unclear. */
export function buildPolicy(parts: PolicyParts): Result<UpliftPolicy> {
  const { cap, cpi, lesser, greater, floor, list } = parts;
  const withFloor = floor === undefined ? {} : { floor };
  const ruleHint =
    "--cpi 4.1,3.2 --lesser-of 3% (buyer friendly) or --greater-of 3% (vendor friendly)";
  if (lesser !== undefined && greater !== undefined) {
    return fail(
      "renewal.two_rules",
      "choose one rule: lesser-of or greater-of, not both",
      ruleHint,
    );
  }
  const rule =
    lesser !== undefined ? "lesser-of" : greater !== undefined ? "greater-of" : undefined;
  if (rule && cap !== undefined) {
    return fail(
      "renewal.cap_and_rule",
      `--cap and --${rule} both set the percentage; give it once`,
      ruleHint,
    );
  }
  if (rule && cpi === undefined) {
    return fail(
      "renewal.rule_without_cpi",
      `${rule} compares CPI with a percentage, but no CPI values were given`,
      "add the CPI for each year after the first, like --cpi 4.1,3.2",
    );
  }
  if (cap !== undefined && cpi !== undefined) {
    return fail(
      "renewal.cap_and_cpi_without_rule",
      "a cap and CPI together need a rule: is the uplift the lesser or the greater of CPI and the cap?",
      ruleHint,
    );
  }
  if (cpi !== undefined) {
    if (lesser !== undefined) return ok({ kind: "lesser-of", cpi, cap: lesser, ...withFloor });
    if (greater !== undefined) {
      return ok({ kind: "greater-of", cpi, minimum: greater, ...withFloor });
    }
    return ok({ kind: "cpi", cpi, ...withFloor });
  }
  if (cap !== undefined) return ok({ kind: "cap", cap, ...withFloor });
  if (list !== undefined) {
    if (floor !== undefined) {
      return fail(
        "renewal.floor_without_rule",
        "a floor needs a cap or CPI to apply to",
        "--cpi 4.1,3.2 --lesser-of 3% --floor 1%",
      );
    }
    return ok({ kind: "list", uplift: list });
  }
  return fail(
    "renewal.no_policy",
    "say how the price rises each year",
    "--cap 3%, or --cpi 4.1,3.2 --lesser-of 3%, or --list 7%",
  );
}

function parsePolicyParts(options: ParsedOptions): Result<PolicyParts> {
  const cap = optionalPercent(options, "cap", "the cap");
  const lesser = optionalPercent(options, "lesser-of", "the lesser-of cap");
  const greater = optionalPercent(options, "greater-of", "the greater-of minimum");
  const floor = optionalPercent(options, "floor", "the floor");
  const list = optionalPercent(options, "list", "the list uplift");
  const cpi = parseCpi(options.values.get("cpi"));
  const checked = all<unknown>([cap, lesser, greater, floor, list, cpi]);
  if (!checked.ok) return checked;
  const present = <K extends keyof PolicyParts>(key: K, r: Result<PolicyParts[K]>) =>
    r.ok && r.value !== undefined ? { [key]: r.value } : {};
  return ok({
    ...present("cap", cap),
    ...present("lesser", lesser),
    ...present("greater", greater),
    ...present("floor", floor),
    ...present("list", list),
    ...present("cpi", cpi),
  });
}

interface Positionals {
  readonly baseText?: string;
  readonly codes: readonly string[];
  readonly yearsText?: string;
}

function sortPositionals(words: readonly string[]): Result<Positionals> {
  const codes: string[] = [];
  let baseText: string | undefined;
  let yearsText: string | undefined;
  for (const word of words) {
    const years = YEARS_WORD.exec(word);
    if (looksLikeCurrencyCode(word)) codes.push(word);
    else if (years?.[1] !== undefined && yearsText === undefined) yearsText = years[1];
    else if (baseText === undefined) baseText = word;
    else return fail("renewal.unexpected_word", `I don't understand "${word}"`, EXAMPLE);
  }
  return ok({
    codes,
    ...(baseText !== undefined ? { baseText } : {}),
    ...(yearsText !== undefined ? { yearsText } : {}),
  });
}

/**
 * Joins what people naturally type with spaces into the compact forms the grammar reads:
 * `3 years` → `3y`, `cpi 4.1, 3.2` → `cpi 4.1,3.2`. (Only here: in `cost`, a comma separates lines.)
 */
export function compactRenewalText(text: string): string {
  return text
    .replace(/(\d)\s+(?:years?|yrs?)\b/gi, "$1y")
    .replace(/(\d%?)\s*,\s*(?=[-+]?\.?\d)/g, "$1,");
}

/** Reads the typed text into a request; every mistake comes back as a coded issue. */
export function parseRenewal(text: string, ctx: CommandContext): Result<RenewalRequest> {
  const parsed = parseOptions(tokenize(compactRenewalText(text)), OPTIONS, EXAMPLE);
  if (!parsed.ok) return parsed;
  const options = parsed.value;
  const words = sortPositionals(options.positional);
  if (!words.ok) return words;
  const { baseText, codes } = words.value;
  if (baseText === undefined) {
    return fail("renewal.no_base", "give the annual cost the term starts from", EXAMPLE);
  }
  const amount = parseAmount(baseText, "the base annual cost");
  if (!amount.ok) return amount;
  const optionYears = options.values.get("years");
  if (optionYears !== undefined && words.value.yearsText !== undefined) {
    return fail("renewal.years_twice", "the term is given twice", "write the years once: years 3");
  }
  const yearsText = optionYears ?? words.value.yearsText;
  if (yearsText === undefined) {
    return fail("renewal.no_years", "say how many years the term is", `${EXAMPLE} (or 3y)`);
  }
  const years = parseCount(yearsText, "the term in years");
  if (!years.ok) return years;
  const parts = parsePolicyParts(options);
  if (!parts.ok) return parts;
  const policy = buildPolicy(parts.value);
  if (!policy.ok) return policy;
  const discount = optionalPercent(options, "discount", "the multi-year discount");
  if (!discount.ok) return discount;

  const currencyOption = options.values.get("currency");
  const signs: CurrencySign[] = amount.value.sign ? [amount.value.sign] : [];
  const choice = chooseCurrency(signs, codes, ctx.defaultCurrency, currencyOption);
  if (!choice.ok) return choice;
  const monthly = amount.value.period === "month";
  const typed = fromMajorExact(amount.value.value, choice.value.code);
  if (!typed.ok) return typed;
  const base = monthly
    ? fromMajorExact(mul(amount.value.value, ratio(12n)), choice.value.code)
    : typed;
  if (!base.ok) return base;
  // A `--list` next to another policy is the comparison; alone it is the policy itself.
  const list = policy.value.kind === "list" ? undefined : parts.value.list;
  return ok({
    base: base.value,
    ...(monthly ? { monthlyBase: typed.value } : {}),
    currencyAssumed: choice.value.assumed,
    years: years.value,
    policy: policy.value,
    ...(discount.value !== undefined ? { discount: discount.value } : {}),
    ...(list !== undefined ? { list } : {}),
  });
}
