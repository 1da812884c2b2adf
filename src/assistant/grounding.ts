/**
 * Reading figures in text by value: `£294,000`, `294000`, `294k` and `$294,000.00` are the same
 * figure, `£1.2m` is 1200000, `51%` is 51, and simple number words (`three`, `twenty-five`,
 * `two hundred`) count as their digits. The answerer uses it to read the numbers the user gave
 * (provenance.ts); the model's own reply is no longer checked this way — it may hold no figure
 * at all (figures/render.ts). `checkGrounding` remains for comparing texts by their figures.
 *
 * Conventions, chosen to keep the check strict without rejecting plain prose:
 * - signs and currency symbols are ignored (`-£5,000` and `€5,000` are both 5000);
 * - a number fused to letters is not a figure (`gpt-4o`, `S1`, `Q3`), but `2nd`, `3rd` are;
 * - list markers at the start of a line (`1.` `2)`) are not figures;
 * - `one` is not read as a number: it is far more often a pronoun ("the cheaper one").
 */

export interface Figure {
  /** As written, e.g. `£294,000` or `three`. */
  readonly text: string;
  /** The value as a canonical decimal string: `294000`, `1200000`, `3.5`. */
  readonly value: string;
}

export type GroundingResult =
  | { readonly grounded: true }
  | { readonly grounded: false; readonly figures: readonly string[] };

const SUFFIX_SHIFT: Readonly<Record<string, number>> = {
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  million: 6,
  bn: 9,
  billion: 9,
};

/**
 * A number with optional currency sign, thousands separators, decimals, a magnitude suffix fused
 * (`294k`, `£1.2m`) or as a word (`1.5 million`), and an ordinal or multiplier ending (`2nd`,
 * `3x`). The look-behind and look-ahead keep numbers fused to letters (`S1`, `gpt-4o`) out.
 */
const NUMBER =
  /(?<![\p{L}\d.])(?:[£$€]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:(k|mn|m|bn)|\s(thousand|million|billion))?(?:st|nd|rd|th|x|%)?(?![\p{L}\d])/giu;

const UNITS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const SMALL = `(?:(?:${TENS})(?:-(?:two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|two|three|four|five|six|seven|eight|nine|ten)`;
/** A compound (`two hundred`, `a million`) or a small number word alone (`three`, `twenty-five`). */
const WORD_NUMBER = new RegExp(
  `\\b(?:(${SMALL}|a|one)\\s+(hundred|thousand|million)|(${SMALL}))\\b`,
  "gi",
);

const MAGNITUDE: Readonly<Record<string, number>> = { hundred: 2, thousand: 3, million: 6 };

/** `1200` with shift 3 → `1200000`; `1.25` with shift 6 → `1250000`; trailing zeros trimmed. */
export function canonical(whole: string, fraction: string, shift: number): string {
  const integerDigits = whole.replace(/,/g, "");
  const point = integerDigits.length + shift;
  const digits = (integerDigits + fraction).padEnd(point, "0");
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const decimals = digits.slice(point).replace(/0+$/, "");
  return decimals === "" ? integer : `${integer}.${decimals}`;
}

function smallValue(word: string): number | undefined {
  const [tens = "", unit] = word.toLowerCase().split("-");
  const base = UNITS[tens];
  if (base === undefined) return undefined;
  return unit === undefined ? base : base + (UNITS[unit] ?? 0);
}

/** Text without list markers at line starts, which are numbering, not figures. */
function withoutListMarkers(text: string): string {
  return text.replace(/^(\s*)\d{1,2}[.)](?=\s)/gm, "$1");
}

function numericFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [raw, whole = "", fraction = "", fused, word] = m;
    const suffix = (fused ?? word)?.toLowerCase();
    const shift = suffix === undefined ? 0 : (SUFFIX_SHIFT[suffix] ?? 0);
    figures.push({ text: raw.trim(), value: canonical(whole, fraction, shift) });
  }
  return figures;
}

function wordFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(WORD_NUMBER)) {
    const [raw, head, magnitude, alone] = m;
    if (alone !== undefined) {
      const value = smallValue(alone);
      if (value !== undefined) figures.push({ text: raw, value: String(value) });
      continue;
    }
    const lowerHead = (head ?? "").toLowerCase();
    const base = lowerHead === "a" || lowerHead === "one" ? 1 : smallValue(lowerHead);
    const shift = MAGNITUDE[(magnitude ?? "").toLowerCase()];
    if (base !== undefined && shift !== undefined) {
      figures.push({ text: raw, value: canonical(String(base), "", shift) });
    }
  }
  return figures;
}

/** Every figure in a text, digits first, then number words, each once per occurrence. */
export function figuresIn(text: string): Figure[] {
  const cleaned = withoutListMarkers(text);
  return [...numericFigures(cleaned), ...wordFigures(cleaned)];
}

/** The values of every figure in the texts the model was given. */
export function groundedValues(evidence: readonly string[]): Set<string> {
  return new Set(evidence.flatMap((t) => figuresIn(t).map((f) => f.value)));
}

/**
 * Whether every figure in `reply` appears in `evidence` (the question and the tool results, as
 * sent to the model). When not, the offending figures as written, each once.
 */
export function checkGrounding(reply: string, evidence: readonly string[]): GroundingResult {
  const known = groundedValues(evidence);
  const offending = figuresIn(reply)
    .filter((f) => !known.has(f.value))
    .map((f) => f.text);
  return offending.length === 0
    ? { grounded: true }
    : { grounded: false, figures: [...new Set(offending)] };
}
