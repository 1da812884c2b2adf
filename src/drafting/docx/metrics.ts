/**
 * How wide a line of text is in the brief's body font, so table columns can be sized from their
 * content before any word processor lays the page out. Liberation Sans shares Arial's (and
 * Helvetica's) advance widths, so these are the standard Helvetica widths in thousandths of an em.
 * An estimate is enough: the column maths adds a safety margin on top.
 */

/** Advance widths of the printable ASCII characters 32 (space) to 126 (~), in 1/1000 em. */
const ASCII_WIDTHS: readonly number[] = [
  // space ! " # $ % & ' ( ) * + , - . /
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  // 0-9
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
  // : ; < = > ? @
  278, 278, 584, 584, 584, 556, 1015,
  // A-Z
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
  611, 722, 667, 944, 667, 667, 611,
  // [ \ ] ^ _ `
  278, 278, 278, 469, 556, 333,
  // a-z
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500,
  // { | } ~
  334, 260, 334, 584,
];

/** The non-ASCII characters the bot writes: currency signs, dashes, quotes, the times sign. */
const OTHER_WIDTHS: Readonly<Record<string, number>> = {
  "£": 556,
  "€": 556,
  "—": 1000,
  "–": 556,
  "‘": 222,
  "’": 222,
  "“": 333,
  "”": 333,
  "×": 584,
  "·": 278,
  "…": 1000,
  "≈": 584,
  "→": 1000,
};

/** Anything else (accented letters, other scripts): wider than most letters, to err on the roomy side. */
const UNKNOWN_WIDTH = 667;

/** Bold Helvetica is at most about 10% wider than regular for the same text. */
const BOLD_FACTOR = 1.1;

/** The advance width of one character in 1/1000 em. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32] ?? UNKNOWN_WIDTH;
  return OTHER_WIDTHS[ch] ?? UNKNOWN_WIDTH;
}

/** The width of `text` in 1/1000 em, bold or not. */
export function textEms(text: string, bold: boolean): number {
  let sum = 0;
  for (const ch of text) sum += charWidth(ch);
  return bold ? sum * BOLD_FACTOR : sum;
}

/** A function giving the printed width of a text in twips (1/20 pt), as the column maths needs. */
export type Measure = (text: string, bold: boolean) => number;

/** Measures text in the body font at `sizePt` points: ems × size × 20 twips a point. */
export function fontMeasure(sizePt: number): Measure {
  return (text, bold) => (textEms(text, bold) / 1000) * sizePt * 20;
}
