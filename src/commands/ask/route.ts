/**
 * Questions that carry the numbers of a calculation go to a calculator, not to retrieval. This
 * module translates such a question, deterministically, into the command text the calculator reads:
 *
 *   "What would 150 named at 70 and 100 concurrent at 140 cost against 500 named at 100?"
 *     → cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100
 *   "what does 240 seats cost with tiers 1-99 at 75, 100-249 at 70, 250+ at 62"
 *     → tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62"
 *   "renew 294k at a 3% cap for 3 years" → renewal 294000 --years 3 --cap 3%
 *
 * A question with too few numbers for a calculation (no term, no price) is left to retrieval: an
 * explanation is more useful than a calculator's complaint about a missing input.
 */
import { parseCurrency } from "../../core/money.js";
import { wordNumber } from "../../core/number-words.js";

/** The calculators a question can reach: the router's three, and impl through the quote reader. */
export type RoutedCommand = "cost" | "tiers" | "renewal" | "impl";

export interface Route {
  readonly command: RoutedCommand;
  /** The full command text, runnable as typed, e.g. `cost 150 named @ 70 vs 500 named @ 100`. */
  readonly text: string;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const MONEY = String.raw`[£$€]?(?:${NUMBER})(?:\.\d+)?(?:k|m)?`;
const PERIOD = String.raw`\/\s?(?:mo|month|yr|year)\b|\s(?:a|per)\s(?:month|year|annum)\b|\s?(?:pm|pa)\b|\s(?:monthly|annually|yearly)\b`;
const LICENCE_TYPE = "named|dedicated|concurrent|conc|floating|shared";
const FILLER = String.raw`(?:\s+(?:users?|seats?|licen[cs]es?|agents?|slots?|pool))?`;
const PRICE_AT = String.raw`\s*(?:@|\bat\b|\bx\b|\bfor\b(?=\s*[£$€]))\s*`;

const LINE = new RegExp(
  String.raw`(?<qty>${NUMBER})\s*(?<type>${LICENCE_TYPE})${FILLER}${PRICE_AT}(?<price>${MONEY})(?<period>${PERIOD})?`,
  "gi",
);
const PLAN_BREAK = /\b(?:vs\.?|versus|against|compared\s+(?:to|with)|instead\s+of|or|than)\b/i;

const TIER_RATE = `(?<rate>${MONEY}(?:${PERIOD})?)`;
const TIER_AT = String.raw`\s*(?:@|\bat\b|:|=)\s*`;
const TIER = new RegExp(
  String.raw`(?<from>${NUMBER})\s*(?:(?:-|–|—|\bto\b)\s*(?<to>${NUMBER})|(?<open>\+|\s+(?:and\s+(?:up|over|above)|or\s+more)\b))${TIER_AT}${TIER_RATE}`,
  "gi",
);
const SEAT_COUNT = new RegExp(
  String.raw`(?<count>${NUMBER})\s*(?:named\s+|concurrent\s+)?(?:seats?|agents?|users?|licen[cs]es?|people|staff)\b`,
  "i",
);

const YEARS =
  /\b(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?:years?|yrs?|y)\b/i;
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  pounds: "GBP",
  sterling: "GBP",
  dollars: "USD",
  euros: "EUR",
};

/** `294k` → `294000`, `£1.2m` → `£1200000`: the calculators read both, the plain form reads better. */
export function expandAmount(text: string): string {
  const m = /^([£$€]?)([\d,]+)(?:\.(\d+))?([km])?$/i.exec(text.replace(/\s/g, ""));
  if (!m) return text;
  const [, sign = "", whole = "", fraction = "", suffix] = m;
  if (!suffix) return text.replace(/[\s,]/g, "");
  const shift = suffix.toLowerCase() === "k" ? 3 : 6;
  const digits = whole.replace(/,/g, "") + fraction.padEnd(shift, "0");
  const integer = digits.slice(0, whole.replace(/,/g, "").length + shift).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(whole.replace(/,/g, "").length + shift).replace(/0+$/, "");
  return `${sign}${integer}${rest === "" ? "" : `.${rest}`}`;
}

function periodSuffix(period: string | undefined): string {
  if (!period) return "";
  return /yr|year|annum|annually|\bpa\b/i.test(period) ? "/yr" : "/mo";
}

function typeWord(type: string): "named" | "concurrent" {
  return /^(named|dedicated)$/i.test(type) ? "named" : "concurrent";
}

/** ISO codes typed as upper-case words (GBP), or currency words (pounds), in the question. */
function currencyCode(question: string): string | undefined {
  for (const word of question.match(/\b[A-Z]{3}\b/g) ?? []) {
    const code = parseCurrency(word);
    if (code.ok) return code.value;
  }
  const word = /\b(pounds|sterling|dollars|euros)\b/i.exec(question)?.[1];
  return word === undefined ? undefined : CURRENCY_WORDS[word.toLowerCase()];
}

function yearsIn(question: string): number | undefined {
  const n = YEARS.exec(question)?.groups?.n;
  if (n === undefined) return undefined;
  return wordNumber(n) ?? Number(n);
}

function withCurrency(text: string, code: string | undefined): string {
  return code === undefined ? text : `${text} --currency ${code}`;
}

function costRoute(question: string): Route | undefined {
  const matches = [...question.matchAll(LINE)];
  if (matches.length === 0) return undefined;
  const plans: string[][] = [[]];
  let previousEnd: number | undefined;
  for (const m of matches) {
    const g = m.groups ?? {};
    const between = previousEnd === undefined ? "" : question.slice(previousEnd, m.index);
    if (previousEnd !== undefined && PLAN_BREAK.test(between)) plans.push([]);
    const line = `${g.qty} ${typeWord(g.type ?? "")} @ ${expandAmount(g.price ?? "")}${periodSuffix(g.period)}`;
    plans[plans.length - 1]?.push(line);
    previousEnd = (m.index ?? 0) + m[0].length;
  }
  const years = yearsIn(question);
  const text = `cost ${plans.map((p) => p.join(" + ")).join(" vs ")}${years === undefined ? "" : ` --years ${years}`}`;
  return { command: "cost", text: withCurrency(text, currencyCode(question)) };
}

function tiersRoute(question: string): Route | undefined {
  const matches = [...question.matchAll(TIER)];
  if (matches.length < 2) return undefined;
  const tiers = matches.map((m) => {
    const g = m.groups ?? {};
    const range = g.open === undefined ? `${g.from}-${g.to}` : `${g.from}+`;
    const rate = (g.rate ?? "").trim();
    const period = /\/\s?(?:yr|year)|year|annum|annually|pa\b/i.test(rate)
      ? "/yr"
      : /month|\/\s?mo|pm\b/i.test(rate)
        ? "/mo"
        : "";
    const amount = rate.match(new RegExp(`^${MONEY}`, "i"))?.[0] ?? rate;
    return `${range} @ ${expandAmount(amount)}${period}`;
  });
  let rest = question;
  for (const m of matches) rest = rest.replace(m[0], " ");
  const count =
    SEAT_COUNT.exec(rest)?.groups?.count ?? /\b(\d{1,3}(?:,\d{3})+|\d+)\b/.exec(rest)?.[1];
  if (count === undefined) return undefined;
  const text = `tiers ${count.replace(/,/g, "")} --tiers "${tiers.join(", ")}"`;
  return { command: "tiers", text: withCurrency(text, currencyCode(question)) };
}

interface PercentUse {
  readonly option: "cap" | "lesser-of" | "greater-of" | "floor" | "discount" | "list";
  readonly pattern: RegExp;
}

const P = String.raw`(\d+(?:\.\d+)?)\s?%`;
/** Which option a percentage belongs to, from the words around it; first match wins. */
const PERCENT_USES: readonly PercentUse[] = [
  {
    option: "lesser-of",
    pattern: new RegExp(String.raw`lesser\s+of\s+(?:cpi|inflation)\s+(?:and|or)\s+${P}`, "i"),
  },
  {
    option: "greater-of",
    pattern: new RegExp(String.raw`greater\s+of\s+(?:cpi|inflation)\s+(?:and|or)\s+${P}`, "i"),
  },
  {
    option: "floor",
    pattern: new RegExp(
      String.raw`(?:floor\s+(?:of\s+|at\s+)?|at\s+least\s+)${P}|${P}\s+floor`,
      "i",
    ),
  },
  {
    option: "discount",
    pattern: new RegExp(
      String.raw`discount\s+(?:of\s+)?${P}|${P}\s+(?:multi-?year\s+)?discount`,
      "i",
    ),
  },
  {
    option: "cap",
    pattern: new RegExp(
      String.raw`(?:cap(?:ped)?|ceiling)(?:\s+(?:it|this|that|them|the\s+uplift))?\s+(?:of\s+|at\s+|to\s+)?${P}|${P}\s+(?:annual\s+|yearly\s+|renewal\s+)?(?:cap|ceiling)`,
      "i",
    ),
  },
  {
    option: "list",
    pattern: new RegExp(
      String.raw`(?:uplift|increase|rise|escalator|list)\s+(?:of\s+)?${P}|${P}\s+(?:annual\s+|yearly\s+|list\s+)?(?:uplift|increase|rise|escalator)`,
      "i",
    ),
  },
];

const RENEWAL_WORDS = /\b(?:renew\w*|uplift|cap(?:ped)?|cpi|escalat\w*|increase|term)\b/i;
const CPI_VALUES =
  /\bcpi\s+(?:of\s+|at\s+|is\s+|values?\s+)?((?:\d+(?:\.\d+)?\s?%?\s*(?:,|and|then)\s*)+\d+(?:\.\d+)?\s?%?|\d+(?:\.\d+)?\s?%)/i;

/** The annual amount the term starts from: a money amount that is not a percentage or a year count. */
function baseAmount(question: string): string | undefined {
  const pattern = new RegExp(
    String.raw`(?<amount>${MONEY})(?<period>${PERIOD})?(?!\s?%|\s*-?\s*(?:years?|yrs?|y)\b|[\d.,])`,
    "gi",
  );
  for (const m of question.matchAll(pattern)) {
    const amount = m.groups?.amount ?? "";
    const plain = Number(amount.replace(/[£$€,km]/gi, ""));
    const looksLikeMoney = /[£$€]|[km]$/i.test(amount) || plain >= 1000;
    if (looksLikeMoney) return `${expandAmount(amount)}${periodSuffix(m.groups?.period)}`;
  }
  return undefined;
}

function renewalRoute(question: string): Route | undefined {
  if (!RENEWAL_WORDS.test(question)) return undefined;
  const base = baseAmount(question);
  const years = yearsIn(question);
  if (base === undefined || years === undefined) return undefined;
  const options: string[] = [];
  const cpi = CPI_VALUES.exec(question)?.[1];
  const cpiText = cpi === undefined ? undefined : cpi.match(/\d+(?:\.\d+)?/g)?.join(",");
  // CPI figures are read first so their percentages are not mistaken for a cap.
  const rest = cpi === undefined ? question : question.replace(cpi, " ");
  for (const use of PERCENT_USES) {
    const m = use.pattern.exec(rest);
    const value = m?.slice(1).find((v) => v !== undefined);
    if (value !== undefined) options.push(`--${use.option} ${value}%`);
  }
  if (cpiText !== undefined) options.unshift(`--cpi ${cpiText}`);
  const hasPolicy = options.some((o) => /^--(cap|list|cpi)\b/.test(o));
  if (!hasPolicy) return undefined;
  const text = `renewal ${base} --years ${years} ${options.join(" ")}`;
  return { command: "renewal", text: withCurrency(text, currencyCode(question)) };
}

/** The calculator command for a question that carries a calculation's numbers, if it does. */
export function routeQuestion(question: string): Route | undefined {
  const text = question.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  return costRoute(text) ?? tiersRoute(text) ?? renewalRoute(text);
}
