/**
 * Numbers written as words, as they appear in pasted e-mails and questions: "three years",
 * "twenty-four months", "two hundred agents". One table for every reader of prose (the quote
 * reader, the ask router, and — when it switches — the model's grounding check), so "twelve" means
 * the same everywhere. Pure: no I/O.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
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
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000 };

const UNIT_WORDS = Object.keys(UNITS).join("|");
const TEN_WORDS = Object.keys(TENS).join("|");
const SMALL = String.raw`(?:(?:${TEN_WORDS})(?:[-\s](?:${UNIT_WORDS}))?|${UNIT_WORDS})`;

/**
 * A number written in words, up to 999,999: "three", "twenty-four", "two hundred and fifty",
 * "twelve thousand". Case-insensitive; use inside a larger RegExp with word boundaries.
 */
export const NUMBER_WORDS_PATTERN = String.raw`\b${SMALL}(?:[-\s]+(?:hundred|thousand)(?:[-\s]+(?:and[-\s]+)?${SMALL})?)*\b`;

/** The value of a number written in words ("twenty-four" → 24), or undefined if it is not one. */
export function wordNumber(text: string): number | undefined {
  const words = text
    .toLowerCase()
    .split(/[-\s]+/)
    .filter((w) => w !== "" && w !== "and");
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seenAny = false;
  for (const word of words) {
    const unit = UNITS[word];
    const ten = TENS[word];
    const scale = SCALES[word];
    if (unit !== undefined) current += unit;
    else if (ten !== undefined) current += ten;
    else if (scale === 100) current = (current === 0 ? 1 : current) * 100;
    else if (scale === 1000) {
      total += (current === 0 ? 1 : current) * 1000;
      current = 0;
    } else return undefined;
    seenAny = true;
  }
  return seenAny ? total + current : undefined;
}
