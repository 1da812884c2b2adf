/**
 * Turning text into search terms, the same way for articles and questions: lower case, British
 * spelling, stop words dropped, a light suffix-stripping stemmer, then synonyms folded onto one
 * canonical term so "floating", "shared" and "concurrent" meet in the index.
 */
import { stem } from "./stem.js";
import { canonicalTerm, joinCompounds } from "./synonyms.js";

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had
  has have having he her here hers him his how i if in into is it its itself just let me more most
  my no nor not now of off on once only or other our ours out over own same she should so some
  such than that the their theirs them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your
  yours get got go going want wants need needs really much many also us may might must shall
  one ones thing things way tell know say said give me i'm we're it's what's there's don't
  im whats hows ok okay please thanks hi hey actually basically still just someone somebody anyone
  anything like look looks good gets gotten happen happens happened theyve weve youve ive theyre
  youre theyll`
    .split(/\s+/)
    .filter((w) => w !== ""),
);

/** The words of a text, lower-cased, with apostrophes and hyphenated compounds split. */
export function wordsOf(text: string): string[] {
  return (
    joinCompounds(text.toLowerCase().replace(/[\u2018\u2019]/g, "'")).match(
      /[a-z0-9][a-z0-9']*/g,
    ) ?? []
  ).map((w) => w.replace(/'s$/, "").replace(/'/g, ""));
}

/** One word as an index term, or undefined for a stop word. */
export function termOf(word: string): string | undefined {
  const w = word.toLowerCase().replace(/'s$/, "").replace(/'/g, "");
  if (w === "" || STOP_WORDS.has(w)) return undefined;
  // Bare numbers carry no meaning for retrieval (the router handles calculations).
  if (/^\d+$/.test(w)) return undefined;
  return canonicalTerm(stem(w));
}

/** The distinct search terms of a text, in order of first appearance. */
export function termsOf(text: string): string[] {
  const seen = new Set<string>();
  for (const word of wordsOf(text)) {
    const term = termOf(word);
    if (term !== undefined) seen.add(term);
  }
  return [...seen];
}
