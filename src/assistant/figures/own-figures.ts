/**
 * Finding any figure the model wrote itself, in any disguise. The model's final text is checked
 * AFTER its figure references are taken out, so whatever is left must carry no number at all:
 *
 * - digits in any script: `\p{Nd}` (ASCII, fullwidth, Arabic-Indic, Devanagari, mathematical
 *   bold…), `\p{No}` (superscripts, fractions like ½, circled ①) and `\p{Nl}` (Ⅻ), checked on the
 *   text and on its NFKC form;
 * - hidden characters that could split or disguise a figure: format characters (`\p{Cf}`: zero
 *   width, bidi controls, soft hyphen), controls, enclosing marks (keycaps ⃣), variation selectors
 *   and invisible fillers;
 * - markup that could hide one: HTML tags and comments, character entities (`&frac12;`, `&#49;`);
 *   markdown emphasis between digits is caught by the digit rule itself;
 * - symbols that only make sense next to a figure: currency signs (`\p{Sc}`), `%`, `‰`;
 * - English number words, multipliers and fractions: `twelve`, `hundred`, `dozen`, `half`,
 *   `twice`, `double`, `a couple of`, `percent`, ordinals from `second` on (`second-line` and
 *   `third-party` are ITSM vocabulary, not ordinals), `one` before a unit (`one year`);
 * - roman numerals standing alone (`XII`, `IV`), except common upper-case acronyms (CD, CI, MD…).
 *
 * `first`, `once`, `single` and a bare `one` are allowed: they are ordinary prose far more often
 * than figures, and no figure can be distorted through them because every figure rendered by code
 * names its own unit and period.
 */

export type OwnFigureProblem =
  | "hidden-characters"
  | "markup"
  | "numeral"
  | "figure-symbol"
  | "number-word";

const HIDDEN = /\p{Cf}|\p{Me}|\p{Variation_Selector}|[\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Control characters; tabs and line breaks are taken out first, they are plain layout. */
const CONTROL = /\p{Cc}/u;
const MARKUP = /<\s*[!/a-z?]|&#?[a-z0-9]+;/i;
const NUMERAL = /[\p{Nd}\p{No}\p{Nl}]/u;
const FIGURE_SYMBOL = /[\p{Sc}%‰‱]/u;

const UNITS =
  "zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety";
const MAGNITUDES = "hundred|thousand|million|billion|trillion|lakh|crore|dozen";
const ORDINALS =
  "fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth|millionth";
const MULTIPLIERS =
  "half|halves|halve|halved|halving|quarter|quarters|twice|thrice|double|doubled|doubles|doubling|triple|tripled|triples|treble|trebled|quadruple|quadrupled|couple|percent|percentage points?|per\\s?cent|pct|bps|basis points?";

const NUMBER_WORD = new RegExp(
  [
    `\\b(?:${UNITS}|${MAGNITUDES})s?\\b`,
    `\\b(?:${UNITS}|${MAGNITUDES})(?:fold|some)\\b`,
    `\\b(?:${ORDINALS})s?\\b`,
    `\\b(?:${MULTIPLIERS})\\b`,
    // "second" and "third" are ordinals except in ITSM's second-line and third-party.
    "\\bseconds?\\b(?![\\s-]+line)",
    "\\bthirds?\\b(?![\\s-]+part(?:y|ies))",
    // "one" as a count: before a unit or a magnitude ("one year", "one hundred").
    "\\bone[\\s-]+(?:year|month|week|day|quarter|seat|agent|user|licen[cs]e|pound|dollar|euro|hundred|thousand|million|billion)s?\\b",
  ].join("|"),
  "i",
);

const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
/** Upper-case words that happen to be valid roman numerals but are far more often acronyms. */
const ACRONYMS: ReadonlySet<string> = new Set([
  "CD",
  "CI",
  "DC",
  "MD",
  "CV",
  "CC",
  "CM",
  "DI",
  "MI",
  "LI",
  "XL",
  "DL",
  "MIX",
  "MC",
  "LCD",
]);

function hasRomanNumeral(text: string): boolean {
  for (const m of text.matchAll(/\b[IVXLCDM]{2,}\b/g)) {
    const word = m[0];
    if (ROMAN.test(word) && !ACRONYMS.has(word)) return true;
  }
  return false;
}

/** Every kind of figure the text carries; empty when it carries none. */
export function ownFigures(text: string): OwnFigureProblem[] {
  const problems: OwnFigureProblem[] = [];
  const folded = text.normalize("NFKC");
  if (HIDDEN.test(text) || CONTROL.test(text.replace(/[\t\n\r]/g, ""))) {
    problems.push("hidden-characters");
  }
  if (MARKUP.test(text)) problems.push("markup");
  if (NUMERAL.test(text) || NUMERAL.test(folded) || hasRomanNumeral(folded)) {
    problems.push("numeral");
  }
  if (FIGURE_SYMBOL.test(folded)) problems.push("figure-symbol");
  if (NUMBER_WORD.test(folded)) problems.push("number-word");
  return problems;
}
