/**
 * A deliberately small English stemmer. It only has to make "capped", "caps" and "capping" meet,
 * and "negotiation" and "negotiating"; it never has to produce real words. It is small so that
 * every rule can be read and tested; the same function runs on articles and questions, so a
 * crude stem is harmless as long as both sides get it.
 */

/** American spellings and variants folded onto the spelling the articles use. */
function britishSpelling(word: string): string {
  return word
    .replace(/^licens/, "licenc")
    .replace(/^(\w{3,})iz(e|es|ed|ing|ation|ations)$/, "$1is$2")
    .replace(/^(\w{3,})yz(e|es|ed|ing)$/, "$1ys$2");
}

// [suffix, replacement, minimum length of what is left]. Inflections go first, then one derivation,
// so "renewals" → "renewal" → "renew" meets "renewal" → "renew".
type Rule = readonly [string, string, number];
const INFLECTIONS: readonly Rule[] = [
  ["ingly", "", 3],
  ["edly", "", 3],
  ["ings", "", 3],
  ["ing", "", 3],
  ["ies", "y", 2],
  ["ied", "y", 2],
  ["ed", "", 3],
  ["ly", "", 4],
  ["es", "", 3],
  ["s", "", 3],
];
const DERIVATIONS: readonly Rule[] = [
  ["isation", "ise", 3],
  ["ation", "ate", 3],
  ["ness", "", 3],
  ["ment", "", 4],
  ["er", "", 4],
  ["al", "", 4],
];

function strip(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, min] of rules) {
    if (word.endsWith(suffix) && word.length - suffix.length >= min) {
      if (suffix === "s" && /(ss|us|is)$/.test(word)) return word;
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}

/** The stem of one lower-case word. */
export function stem(word: string): string {
  let w = britishSpelling(word);
  if (w.length <= 3 || /\d/.test(w)) return w;
  w = strip(strip(w, INFLECTIONS), DERIVATIONS);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  // Undouble a final consonant left by -ing/-ed ("capp" → "cap"), but keep "bill", "pass".
  if (w.length > 3 && /([b-df-hj-km-rtv-y])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}
