/**
 * The quote reader: a vendor's e-mail or a question with numbers in it, turned into a structured
 * quote, deterministically. Pure: no I/O, no arithmetic on the figures (the calculators do that).
 *
 * Order matters: numbers that are not part of the deal (phones, dates, references) are claimed
 * first; then the most specific phrases (tiers, CPI rules, implementation, active counts, seats at
 * a price, totals) before the general ones (a lone seat count, a lone price, a term). Whatever is
 * left is named as not used.
 */
import { wordNumber } from "../../core/number-words.js";
import { Claims, eachFree, unclaimedNumbers } from "./claims.js";
import type { Draft } from "./draft.js";
import { readMoney } from "./money-text.js";
import { claimNotQuoteNumbers } from "./not-quote.js";
import {
  COUNT,
  isPerSeat,
  MONEY,
  NUM,
  PERCENT,
  PRICE,
  periodOf,
  rx,
  SEATS,
  TERM,
  UNIT,
} from "./patterns.js";
import type { LicenceKind, QuoteReading } from "./quote.js";
import { checkQuote, MAX_UNIT_PRICE } from "./sense.js";

function count(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const digits = text.replace(/,/g, "");
  return /^\d+$/.test(digits) ? Number(digits) : wordNumber(text);
}

function kind(type: string | undefined): LicenceKind {
  return type !== undefined && /concurrent|floating|shared/i.test(type) ? "concurrent" : "named";
}

/** Curly quotes, non-breaking spaces and dashes as plain characters, one for one (offsets hold). */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u2013\u2014]/g, "-");
}

const TIER = rx(
  String.raw`(?<from>${NUM})\s*(?:(?:-|\bto\b)\s*(?<to>${NUM})|(?<open>\+|\s+(?:and\s+(?:up|over|above)|or\s+more)\b))(?:\s+(?:agents?|users?|seats?))?\s*(?:@|\bat\b|:|=)\s*(?<rate>${PRICE})(?<unit>${UNIT})`,
);

function readTiers(text: string, claims: Claims, d: Draft): void {
  const found = [...text.matchAll(TIER)];
  if (found.length < 2) return;
  const tiers: string[] = [];
  eachFree(text, TIER, claims, (m) => {
    const g = m.groups ?? {};
    const money = readMoney(g.rate ?? "");
    if (!money) return false;
    const period = periodOf(g.unit ?? "");
    const range = g.open === undefined ? `${g.from}-${g.to}` : `${g.from}+`;
    const sign = /[£$€]/.exec(g.rate ?? "")?.[0] ?? "";
    tiers.push(
      `${range.replace(/,/g, "")} @ ${sign}${money.amount}${period === "year" ? "/yr" : period === "month" ? "/mo" : ""}`,
    );
    return true;
  });
  d.tiers = tiers;
}

function readPercentRules(text: string, claims: Claims, d: Draft): void {
  const P = PERCENT;
  eachFree(
    text,
    rx(
      String.raw`(?<which>lesser|lower|greater|higher)\s+of\s+(?:uk\s+)?(?:cpi|rpi|inflation)\s+(?:and|or)\s+${P}|(?:cpi|rpi|inflation)\s+(?:and|or)\s+${P}\s*,?\s*whichever\s+is\s+(?<which2>lower|less|lesser|higher|greater)|(?:cpi|rpi|inflation)(?:-linked)?\s+(?:uplift\s+)?capped\s+at\s+${P}`,
    ),
    claims,
    (m) => {
      const g = m.groups ?? {};
      const value = Object.entries(g).find(([k, v]) => /^p\d*$/.test(k) && v)?.[1];
      const which = g.which ?? g.which2 ?? "lesser";
      if (value === undefined) return false;
      if (/greater|higher/i.test(which)) d.greaterOf = value;
      else d.lesserOf = value;
    },
  );
  eachFree(
    text,
    rx(
      String.raw`\b(?:cpi|rpi|inflation)\s+(?:of\s+|at\s+|is\s+|values?\s+|figures?\s+|forecasts?\s+)?(?:of\s+)?(?:assumed\s+(?:at\s+)?)?(?<values>(?:\d+(?:\.\d+)?\s?%?\s*(?:,|and|then)\s*)*\d+(?:\.\d+)?\s?%)`,
    ),
    claims,
    (m) => {
      d.cpi = (m.groups?.values ?? "").match(/\d+(?:\.\d+)?/g) ?? [];
    },
  );
  const rules: readonly (readonly ["cap" | "floor" | "discount" | "list", string])[] = [
    ["floor", String.raw`(?:floor\s+(?:of\s+|at\s+)?|at\s+least\s+)${P}|${P}\s+floor`],
    [
      "discount",
      String.raw`discount\s+(?:of\s+)?${P}|${P}\s+(?:multi-?year\s+|loyalty\s+|volume\s+|early[- ]signing\s+)?(?:discount|off)\b`,
    ],
    [
      "cap",
      String.raw`(?:cap(?:ped)?|ceiling|max(?:imum)?|no\s+more\s+than|not\s+(?:to\s+)?exceed(?:ing)?|at\s+most|limited\s+to)(?:\s+(?:it|this|that|them|the\s+uplift|increases?|uplifts?|at|of|to|at\s+a))*(?:\s+|\s*[:=]\s*)${P}(?:\s*(?:a|per|each)\s+year|\s*annually|\s*p\.?a\.?)?|${P}\s+(?:annual\s+|yearly\s+|renewal\s+|price\s+)?(?:cap|ceiling|max(?:imum)?)\b`,
    ],
    [
      "list",
      String.raw`(?:uplift|increase|rise|escalator|escalation|indexation|go(?:es)?\s+up)\s*(?:of\s+|at\s+|by\s+|is\s+|:\s*|=\s*)?${P}(?:\s*(?:a|per|each)\s+year|\s*annually|\s*p\.?a\.?|\s+per\s+annum)?|${P}\s*(?:annual|yearly|per\s+year|a\s+year|per\s+annum|p\.?a\.?|each\s+year|every\s+year|year[- ]on[- ]year|yoy)?\s*(?:price\s+|list\s+)?(?:uplift|increase|rise|escalator|escalation|indexation)s?\b|${P}\s+(?:a|per|each|every)\s+year\b|${P}\s+(?:per\s+annum|annually|p\.?a\.?)(?!\w)`,
    ],
  ];
  for (const [rule, source] of rules) {
    eachFree(text, rx(source), claims, (m) => {
      const value = Object.entries(m.groups ?? {}).find(([k, v]) => /^p\d*$/.test(k) && v)?.[1];
      if (value === undefined) return false;
      if (rule === "cap") d.cap ??= value;
      else if (rule === "floor") d.floor ??= value;
      else if (rule === "discount") d.discount ??= value;
      else d.list ??= value;
    });
  }
}

function readImplementation(text: string, claims: Claims, d: Draft): void {
  const WORK = String.raw`(?:implementation|onboarding|set-?up|professional\s+services|deployment|configuration|migration|installation)`;
  eachFree(
    text,
    rx(
      String.raw`(?<days>${COUNT})\s*(?:consulting\s+|professional\s+services\s+|implementation\s+)?days?\s*(?:of\s+\w+\s+)?(?:at|@|x)\s*(?<rate>${MONEY})\s*(?:\/|per|a)\s*day`,
    ),
    claims,
    (m) => {
      const days = count(m.groups?.days);
      const rate = readMoney(m.groups?.rate ?? "");
      if (days === undefined || !rate) return false;
      d.implementation.days = days;
      d.implementation.dayRate = rate;
    },
  );
  eachFree(
    text,
    rx(String.raw`overrun\s+(?:of\s+)?(?<lo>\d+)\s?%?\s*(?:-|to)\s*(?<hi>\d+)\s?%`),
    claims,
    (m) => {
      d.implementation.overrun = `${m.groups?.lo}-${m.groups?.hi}%`;
    },
  );
  eachFree(
    text,
    rx(
      String.raw`${WORK}(?:\s+(?:fee|cost|charge|price|services|package))?\s*(?:is|of|:|=|at|for|would\s+be|will\s+be|-)?\s*(?:a\s+)?(?:one-?off\s+|fixed\s+(?:price\s+|fee\s+)?(?:of\s+)?)?(?<fee>${MONEY})|(?<fee2>${MONEY})\s*(?:one-?off\s+|fixed\s+)?(?:for\s+(?:the\s+)?)?${WORK}`,
    ),
    claims,
    (m) => {
      const fee = readMoney(m.groups?.fee ?? m.groups?.fee2 ?? "");
      if (!fee) return false;
      d.implementation.fixed = fee;
    },
  );
}

function readActive(text: string, claims: Claims, d: Draft): void {
  eachFree(
    text,
    rx(
      String.raw`(?:only|just)?\s*(?<n>${COUNT})\s+(?:of\s+(?:them|those|these|the\s+\w+)\s+)?(?:\w+\s+)?(?:are\s+|were\s+)?(?:active|actually\s+(?:use|log)|log(?:ged)?\s+in|in\s+use|used\s+it)|active\s+(?:agents|users|seats)?\s*(?:[:=]|of|is|are)?\s*(?<n2>\d[\d,]*)`,
    ),
    claims,
    (m) => {
      const n = count(m.groups?.n ?? m.groups?.n2);
      if (n === undefined) return false;
      d.active = n;
    },
  );
}

const SEAT_LINE = rx(
  String.raw`${SEATS}\s*(?:,\s*)?(?:(?:at|@|x|on|priced\s+at|costing|charged\s+at)\s*(?<price>${PRICE})|(?:for|-|:)?\s*(?<price2>${MONEY}))(?<unit>${UNIT})`,
);

function readSeatLines(text: string, claims: Claims, d: Draft): void {
  eachFree(text, SEAT_LINE, claims, (m) => {
    const g = m.groups ?? {};
    const quantity = count(g.qty);
    const price = readMoney(g.price ?? g.price2 ?? "");
    const unit = g.unit ?? "";
    if (quantity === undefined || !price) return false;
    // "260 agents for £1.2m over 3 years" is a total, read below; only a unit price is a line.
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (
      g.price2 !== undefined &&
      !isPerSeat(unit) &&
      /^\s*(?:in\s+total|total|for|over|across)\b/i.test(after)
    )
      return false;
    const period = periodOf(unit);
    // "260 agents, £193,440 a year": no "at", no "per agent", too big for one seat — the bill.
    const tooBig = period !== undefined && Number(price.amount) > MAX_UNIT_PRICE[period];
    if (g.price2 !== undefined && !isPerSeat(unit) && tooBig) return false;
    const type = g.type ?? g.type2;
    d.lines.push({
      quantity,
      type: kind(type),
      typeStated: type !== undefined,
      price,
      ...(period ? { period } : {}),
    });
  });
}

function readTotals(text: string, claims: Claims, d: Draft): void {
  eachFree(
    text,
    rx(
      String.raw`(?:(?:total|cost|price|invoice|charge)\s+(?:for|in)\s+)?\byear\s*(?<y>\d{1,2})\s*(?:[:=-]|\bis\b|\bcosts?\b|\btotal\b)?\s*(?:is\s+)?(?<money>${MONEY})`,
    ),
    claims,
    (m) => {
      const year = count(m.groups?.y);
      const money = readMoney(m.groups?.money ?? "");
      if (year === undefined || !money) return false;
      d.yearFigures.push({ year, money });
    },
  );
  const TERM_WORDS = String.raw`(?:the\s+)?(?:whole\s+|full\s+|entire\s+)?(?:(?<n>${COUNT})[\s-]*(?:(?<y>years?|yrs?)|(?<mo>months?))(?:\s+term)?|term|contract)`;
  eachFree(
    text,
    rx(
      String.raw`(?:(?:total|in\s+total|overall|all-in|tcv|total\s+contract\s+value|contract\s+value|term\s+total)\s*(?:of|is|:|=|comes\s+to|would\s+be)?\s*)?(?<money>${MONEY})\s*(?:in\s+total\s*|total\s*|all-in\s*)?(?:for|over|across)\s+${TERM_WORDS}`,
    ),
    claims,
    (m) => {
      const money = readMoney(m.groups?.money ?? "");
      if (!money) return false;
      const n = count(m.groups?.n);
      const years =
        n === undefined ? undefined : m.groups?.mo ? (n % 12 === 0 ? n / 12 : undefined) : n;
      if (n !== undefined) (m.groups?.mo ? d.monthTerms : d.terms).push(n);
      d.termTotals.push(years === undefined ? { money } : { money, years });
    },
  );
  eachFree(
    text,
    rx(
      String.raw`(?:annual|yearly|monthly)\s+(?:total|cost|subscription|fee|licen[cs]e\s+fee|value|spend|charge|price)\s*(?:of|is|:|=|at|would\s+be|will\s+be)?\s*(?<money>${MONEY})|(?:acv|annual\s+contract\s+value)\s*(?:of|is|:|=)?\s*(?<money2>${MONEY})`,
    ),
    claims,
    (m) => {
      const money = readMoney(m.groups?.money ?? m.groups?.money2 ?? "");
      if (!money) return false;
      d.periodTotals.push({ money, period: /monthly/i.test(m[0]) ? "month" : "year" });
    },
  );
}

function readSeatsAndPrices(text: string, claims: Claims, d: Draft): void {
  eachFree(
    text,
    rx(
      String.raw`(?:unit\s+price|list\s+price|price\s+per\s+(?:agent|user|seat|licen[cs]e)|per[- ](?:agent|user|seat)\s+(?:price|rate|cost)|price|rate)\s*(?:is|of|:|=|at|would\s+be|will\s+be)?\s*(?<money>${PRICE})(?<unit>${UNIT})`,
    ),
    claims,
    (m) => {
      const money = readMoney(m.groups?.money ?? "");
      if (!money) return false;
      const period = periodOf(m.groups?.unit ?? "");
      d.prices.push({ money, ...(period ? { period } : {}), perSeat: true });
    },
  );
  eachFree(
    text,
    rx(
      String.raw`(?:(?:number\s+of\s+)?(?:agents|users|seats|licen[cs]es)|seat\s+count|quantity|qty)\s*[:=]\s*(?<qty>\d[\d,]*)(?:\s*(?<type>named|concurrent))?`,
    ),
    claims,
    (m) => {
      const quantity = count(m.groups?.qty);
      if (quantity === undefined) return false;
      d.seatCounts.push({
        quantity,
        type: kind(m.groups?.type),
        typed: m.groups?.type !== undefined,
      });
    },
  );
  eachFree(text, rx(SEATS), claims, (m) => {
    const quantity = count(m.groups?.qty);
    if (quantity === undefined) return false;
    const type = m.groups?.type ?? m.groups?.type2;
    d.seatCounts.push({ quantity, type: kind(type), typed: type !== undefined });
  });
  eachFree(text, rx(String.raw`(?<money>${MONEY})(?<unit>${UNIT})`), claims, (m) => {
    const money = readMoney(m.groups?.money ?? "");
    if (!money) return false;
    const unit = m.groups?.unit ?? "";
    const period = periodOf(unit);
    if (isPerSeat(unit)) d.prices.push({ money, ...(period ? { period } : {}), perSeat: true });
    else if (period) d.prices.push({ money, period, perSeat: false });
    else d.bareAmounts.push(money);
  });
}

function readTerms(text: string, claims: Claims, d: Draft): void {
  eachFree(
    text,
    rx(String.raw`\b${TERM}(?:\s+(?:term|contract|deal|agreement|commitment))?`),
    claims,
    (m) => {
      const n = count(m.groups?.n);
      if (n === undefined) return false;
      (m.groups?.mo ? d.monthTerms : d.terms).push(n);
    },
  );
  eachFree(text, rx(String.raw`\bterm\s*(?:of|:|=|is)?\s*(?<n>\d{1,2})\b(?!\s*%)`), claims, (m) => {
    const n = count(m.groups?.n);
    if (n === undefined) return false;
    d.terms.push(n);
  });
}

/** Reads a pasted quote or a question with numbers; see QuoteReading for what comes back. */
export function readQuote(input: string): QuoteReading {
  const text = normalise(input);
  const claims = new Claims();
  const d: Draft = {
    lines: [],
    seatCounts: [],
    prices: [],
    terms: [],
    monthTerms: [],
    periodTotals: [],
    termTotals: [],
    yearFigures: [],
    bareAmounts: [],
    implementation: {},
    unsupported: [],
  };
  const notQuote = claimNotQuoteNumbers(text, claims);
  readTiers(text, claims, d);
  readPercentRules(text, claims, d);
  readImplementation(text, claims, d);
  readActive(text, claims, d);
  readSeatLines(text, claims, d);
  readTotals(text, claims, d);
  readSeatsAndPrices(text, claims, d);
  readTerms(text, claims, d);
  const unused = unclaimedNumbers(text, claims);
  return checkQuote(d, { notQuote, unused, currencies: currenciesIn(text) });
}

/** Every currency the amounts were marked with, so two currencies in one quote is a question. */
function currenciesIn(text: string): string[] {
  const codes = new Set<string>();
  for (const m of text.matchAll(rx(MONEY))) {
    const code = readMoney(m[0])?.code;
    if (code) codes.add(code);
  }
  return [...codes];
}
