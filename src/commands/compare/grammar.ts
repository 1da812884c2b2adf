/**
 * Reading typed quotes: `HaloITSM: named £70 3y uplift 5% impl £12,000; Rival: concurrent £140 …`.
 * A word ending in a colon starts a vendor's quote; inside it, each keyword takes its value. Any
 * word not understood is an error naming the vendor, never skipped: a number nobody placed must
 * not silently drop out of a price.
 */
import type { Ratio } from "../../core/ratio.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { TierMode } from "../../core/tiers.js";
import { parseAmount, parsePercent, type TypedAmount } from "../grammar/amounts.js";
import { looksLikeCurrencyCode } from "../grammar/currency.js";
import { parseTierList } from "../grammar/tier-list.js";
import { EXAMPLE } from "./info.js";
import { readPastedQuote } from "./pasted.js";
import type { PriceWords, QuoteWords, UpliftWords } from "./quote-words.js";

const MODES: Readonly<Record<string, TierMode>> = {
  "all-units": "all-units",
  allunits: "all-units",
  graduated: "graduated",
  banded: "graduated",
};
const SEAT_TYPES: Readonly<Record<string, "named" | "concurrent">> = {
  named: "named",
  concurrent: "concurrent",
  conc: "concurrent",
};
const UPLIFT_WORDS: Readonly<Record<string, keyof UpliftWords>> = {
  uplift: "list",
  rise: "list",
  increase: "list",
  cap: "cap",
  cpi: "cpi",
  "lesser-of": "lesser",
  lesser: "lesser",
  "greater-of": "greater",
  greater: "greater",
  floor: "floor",
};
const IMPLEMENTATION = new Set(["impl", "implementation"]);
const FEES = new Set(["fee", "fees", "one-off", "training", "setup", "onboarding", "migration"]);
const TERM = new Set(["term"]);
const YEARS_WORD = /^(\d+)(?:y|yr|yrs|year|years)$/i;
const YEAR_UNIT = /^(?:y|yr|yrs|year|years)$/i;
const JOINERS = new Set(["@", "at", "=", "and", "+"]);

/** A word ending in a colon, starting with a letter: `HaloITSM:`, `"Service Now":`. */
export function vendorName(token: string): string | undefined {
  const m = /^([\p{L}][^:]*):$/u.exec(token);
  return m?.[1]?.trim() || undefined;
}

/** The word without the commas or semicolons people put between the parts of a quote. */
function bare(token: string): string {
  return token.replace(/[,;]+$/, "");
}

function isKeyword(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    lower in SEAT_TYPES ||
    lower in UPLIFT_WORDS ||
    lower in MODES ||
    IMPLEMENTATION.has(lower) ||
    FEES.has(lower) ||
    TERM.has(lower) ||
    YEARS_WORD.test(word) ||
    looksLikeCurrencyCode(word) ||
    vendorName(word) !== undefined
  );
}

interface Draft {
  name: string;
  named?: PriceWords;
  concurrent?: PriceWords;
  term?: number;
  uplift: { -readonly [K in keyof UpliftWords]: UpliftWords[K] };
  implementation?: TypedAmount;
  fees: { label: string; amount: TypedAmount }[];
  codes: string[];
  modes: TierMode[];
}

function unknownWord(vendor: string, word: string): Result<never> {
  return fail(
    "compare.unknown_word",
    `in ${vendor}'s quote I don't know what "${word}" means`,
    `a quote reads like: named £70 3y uplift 5% impl £12,000 — e.g. ${EXAMPLE}`,
  );
}

function missingValue(vendor: string, word: string, example: string): Result<never> {
  return fail("compare.missing_value", `in ${vendor}'s quote "${word}" needs a value`, example);
}

class QuoteReader {
  private i = 0;
  constructor(
    private readonly tokens: readonly string[],
    private readonly draft: Draft,
  ) {}

  private peek(offset = 0): string | undefined {
    return this.tokens[this.i + offset];
  }

  private take(): string | undefined {
    const t = this.tokens[this.i];
    this.i++;
    return t;
  }

  read(): Result<QuoteWords> {
    const d = this.draft;
    while (this.i < this.tokens.length) {
      const raw = this.take() as string;
      const word = bare(raw);
      if (word === "") continue;
      const lower = word.toLowerCase();
      const step = this.readWord(word, lower);
      if (!step.ok) return step;
    }
    return ok({ ...d, uplift: { ...d.uplift } });
  }

  private readWord(word: string, lower: string): Result<true> {
    const d = this.draft;
    const seatType = SEAT_TYPES[lower];
    if (seatType) return this.readPrice(seatType, word);
    const years = YEARS_WORD.exec(word);
    if (years?.[1]) return this.setTerm(Number(years[1]), word);
    if (TERM.has(lower)) {
      const value = bare(this.take() ?? "");
      const n = /^(\d+)(?:y|yr|yrs|years?)?$/i.exec(value);
      if (!n?.[1]) return missingValue(d.name, word, "term 3 (or 3y)");
      if (YEAR_UNIT.test(bare(this.peek() ?? ""))) this.take();
      return this.setTerm(Number(n[1]), word);
    }
    if (/^\d+$/.test(word) && YEAR_UNIT.test(bare(this.peek() ?? ""))) {
      this.take();
      return this.setTerm(Number(word), word);
    }
    const upliftKey = UPLIFT_WORDS[lower];
    if (upliftKey) return this.readUplift(upliftKey, word);
    if (IMPLEMENTATION.has(lower)) {
      const amount = this.readAmount(word, "implementation", "impl £12,000");
      if (!amount.ok) return amount;
      if (d.implementation) {
        return fail(
          "compare.repeated",
          `${d.name}'s implementation is given twice`,
          "give it once; other one-off costs go as fee £3,000",
        );
      }
      d.implementation = amount.value;
      return ok(true);
    }
    if (FEES.has(lower)) {
      const label = lower === "fee" || lower === "fees" ? "one-off fee" : lower;
      const amount = this.readAmount(word, label, `${lower} £3,000`);
      if (!amount.ok) return amount;
      d.fees.push({ label, amount: amount.value });
      return ok(true);
    }
    const mode = MODES[lower];
    if (mode) {
      d.modes.push(mode);
      return ok(true);
    }
    if (lower === "all" && /^units?$/i.test(bare(this.peek() ?? ""))) {
      this.take();
      d.modes.push("all-units");
      return ok(true);
    }
    if (looksLikeCurrencyCode(word)) {
      d.codes.push(word);
      return ok(true);
    }
    if (/^\d[\d,]*$/.test(word) && /^(?:named|concurrent|conc)$/i.test(this.peek() ?? "")) {
      return fail(
        "compare.seats_in_quote",
        `in ${d.name}'s quote, "${word} ${this.peek()}" gives seats, but every quote is priced on the same usage`,
        "give the price only (named £70) and the usage once: --users 240 --pool 60 --split 150+25",
      );
    }
    return unknownWord(d.name, word);
  }

  private setTerm(years: number, word: string): Result<true> {
    if (this.draft.term !== undefined) {
      return fail(
        "compare.repeated",
        `${this.draft.name}'s term is given twice`,
        "write it once: 3y",
      );
    }
    if (!Number.isSafeInteger(years)) return unknownWord(this.draft.name, word);
    this.draft.term = years;
    return ok(true);
  }

  private readAmount(word: string, label: string, example: string): Result<TypedAmount> {
    const next = this.take();
    if (next === undefined || isKeyword(bare(next))) {
      return missingValue(this.draft.name, word, example);
    }
    return parseAmount(bare(next), `${this.draft.name}'s ${label}`);
  }

  private readUplift(key: keyof UpliftWords, word: string): Result<true> {
    const d = this.draft;
    const next = this.take();
    if (next === undefined || isKeyword(bare(next))) {
      return missingValue(d.name, word, key === "cpi" ? "cpi 4.1,3.2" : `${word} 3%`);
    }
    if (d.uplift[key] !== undefined) {
      return fail(
        "compare.repeated",
        `${d.name}'s ${word} is given twice`,
        `write it once: ${word} 3%`,
      );
    }
    if (key === "cpi") {
      const values: Ratio[] = [];
      let text = bare(next);
      // `cpi 4.1, 3.2, 2.8` typed with spaces: the values continue while the word ends in a comma.
      let last = next;
      while (
        /,$/.test(last) &&
        this.peek() !== undefined &&
        /^[-+]?\.?\d/.test(this.peek() ?? "")
      ) {
        last = this.take() as string;
        text += `,${bare(last)}`;
      }
      for (const part of text.split(",").filter((p) => p.trim() !== "")) {
        const r = parsePercent(part, `${d.name}'s CPI value`);
        if (!r.ok) return r;
        values.push(r.value);
      }
      d.uplift.cpi = values;
      return ok(true);
    }
    const r = parsePercent(bare(next), `${d.name}'s ${word}`);
    if (!r.ok) return r;
    Object.assign(d.uplift, { [key]: r.value });
    return ok(true);
  }

  private readPrice(type: "named" | "concurrent", word: string): Result<true> {
    const d = this.draft;
    if (d[type]) {
      return fail(
        "compare.repeated",
        `${d.name}'s ${type} price is given twice`,
        "give one price per licence type, or tiers: named 1-99@75, 100-249@70, 250+@62",
      );
    }
    // Words that only read well: `named seats @ 70`, `concurrent pool at 140`.
    while (/^(?:seats?|users?|pool|licen[cs]es?|@|at|=)$/i.test(this.peek() ?? "")) this.take();
    const first = this.peek();
    if (first === undefined || isKeyword(bare(first))) {
      return missingValue(
        d.name,
        word,
        `${type} £70 (per user per month), or tiers like ${type} 1-99@75, 100+@70`,
      );
    }
    const amount = parseAmount(bare(first), `${d.name}'s ${type} price`);
    const next = this.peek(1);
    const tierFollows =
      next !== undefined && /^(?:-|–|to|\+|and|or|@|at)$/i.test(next) && !/[,;]$/.test(first);
    if (amount.ok && !tierFollows) {
      this.take();
      d[type] = { kind: "flat", amount: amount.value };
      return ok(true);
    }
    const words: string[] = [];
    while (this.peek() !== undefined) {
      const t = this.peek() as string;
      const b = bare(t);
      if (isKeyword(b) && !JOINERS.has(b.toLowerCase())) break;
      words.push(t);
      this.take();
      if (/;$/.test(t)) break;
    }
    const tiers = parseTierList(words.join(" ").replace(/;$/, ""));
    if (!tiers.ok) {
      return fail(
        tiers.issues[0]?.code ?? "tiers.unreadable",
        `${d.name}'s ${type} price: ${tiers.issues[0]?.message ?? "unreadable"}`,
        tiers.issues[0]?.hint ?? "write it like 100-249 @ 70",
      );
    }
    d[type] = { kind: "tiers", tiers: tiers.value };
    return ok(true);
  }
}

/** Errors of the compare grammar after which the quote may be prose for the quote reader. */
const PROSE_HINTS = new Set([
  "compare.unknown_word",
  "compare.seats_in_quote",
  "compare.missing_value",
]);

export interface ParsedQuotes {
  readonly quotes: readonly QuoteWords[];
  /** What was read from pasted prose and not used, a sentence each. */
  readonly notes: readonly string[];
}

/**
 * The README's shell form, `compare "HaloITSM: named £70 …; Rival: …"`, typed in the console (or
 * Slack) keeps the quoted quotes as one token. A token with spaces and a vendor's colon inside it
 * is read as the words it holds; a quoted vendor name alone (`"Acme Corp":`) stays whole.
 */
function wholeQuotesAsWords(token: string): string[] {
  return /\s/.test(token) && /:\s*\S/.test(token)
    ? token.split(/\s+/).filter((w) => w !== "")
    : [token];
}

/** Splits the words into vendors' quotes and reads each; words before the first vendor are an error. */
export function parseQuotes(positional: readonly string[]): Result<ParsedQuotes> {
  const quotes: QuoteWords[] = [];
  const notes: string[] = [];
  let current: { name: string; tokens: string[] } | undefined;
  const groups: { name: string; tokens: string[] }[] = [];
  for (const token of positional.flatMap(wholeQuotesAsWords)) {
    const name = vendorName(bare(token));
    if (name !== undefined) {
      current = { name, tokens: [] };
      groups.push(current);
    } else if (current) current.tokens.push(token);
    else if (bare(token) !== "") {
      return fail(
        "compare.no_vendor",
        `"${token}" comes before any vendor's name`,
        `start each quote with the vendor and a colon, e.g. ${EXAMPLE}`,
      );
    }
  }
  for (const g of groups) {
    const r = new QuoteReader(g.tokens, {
      name: g.name,
      uplift: {},
      fees: [],
      codes: [],
      modes: [],
    }).read();
    if (r.ok) {
      quotes.push(r.value);
      continue;
    }
    const prose = PROSE_HINTS.has(r.issues[0]?.code ?? "")
      ? readPastedQuote(g.name, g.tokens.join(" ").replace(/;\s*$/, ""))
      : undefined;
    // Prose with a price but no seat count is not a pasted quote: the grammar's error says more.
    if (!prose || (!prose.ok && prose.issues[0]?.code === "quote.no_seats")) return r;
    if (!prose.ok) return prose;
    quotes.push(prose.value.words);
    notes.push(...prose.value.notes);
  }
  return ok({ quotes, notes });
}
