/**
 * Writing a short answer from retrieved passages, without a model: two to four sentences taken
 * from the best passages (one, for a glossary definition that needs no more), the articles they came from, or a plain "no answer" when the question's
 * words barely touch the knowledge base (so "what's the weather in Leeds" never gets a random
 * article).
 */
import { ANCHOR_TERMS } from "./domain.js";
import type { ArticleHit, KnowledgeBase, PassageHit, SearchResult } from "./search.js";
import { termsOf } from "./terms.js";

export interface Source {
  readonly id: string;
  readonly title: string;
}

export interface Answer {
  readonly noAnswer: boolean;
  /** The answer as one paragraph (the no-answer line when noAnswer). */
  readonly text: string;
  readonly sentences: readonly string[];
  readonly sources: readonly Source[];
}

export const NO_ANSWER =
  "The knowledge base has no answer to that; I can cost licensing plans (cost), price volume tiers (tiers) or project a renewal (renewal) — type help to see how.";

const MAX_SENTENCES = 4;
/**
 * How much of the question's meaning (its terms weighted by how specific they are) the best article
 * must match: a little when the match includes a licensing word, most of it otherwise. Below that,
 * the matches are common words that happen to appear in an article, and the honest reply is that
 * there is no answer.
 */
const MIN_COVERAGE_WITH_ANCHOR = 0.1;
const MIN_COVERAGE = 0.6;
/** A second article joins the answer only if it scores close to the first. */
const SECOND_SOURCE_RATIO = 0.6;

/** Whether the best article matches enough of the question to be an answer rather than noise. */
export function isAnswerable(result: SearchResult): boolean {
  const top = result.articles[0];
  if (!top) return false;
  const share = coverage(result);
  const anchored = top.matched.some((t) => ANCHOR_TERMS.has(t));
  return share >= MIN_COVERAGE || (anchored && share >= MIN_COVERAGE_WITH_ANCHOR);
}

/** The weighted share of the question's terms that the best article matches, from 0 to 1. */
export function coverage(result: SearchResult): number {
  const top = result.articles[0];
  if (!top) return 0;
  let matched = 0;
  let total = 0;
  for (const [i, term] of result.terms.entries()) {
    const weight = result.weights[i] ?? 0;
    total += weight;
    if (top.matched.includes(term)) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

function overlap(sentence: string, terms: ReadonlySet<string>): number {
  return termsOf(sentence).filter((t) => terms.has(t)).length;
}

/** A sentence that introduces a list reads badly alone. */
function usable(sentence: string): boolean {
  return !sentence.endsWith(":");
}

/**
 * The passage's opening sentence (articles are written so it answers on its own) plus its
 * sentences that share most words with the question, kept in the article's order.
 */
function pickSentences(hit: PassageHit, terms: ReadonlySet<string>, room: number): string[] {
  const indexed = hit.passage.sentences
    .map((text, index) => ({ text, index, score: overlap(text, terms) }))
    .filter((s) => usable(s.text));
  const [first, ...rest] = indexed;
  if (!first || room <= 0) return [];
  const chosen = [
    first,
    ...rest.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, room - 1),
  ];
  return chosen.sort((a, b) => a.index - b.index).map((s) => s.text);
}

/** The sentence of a passage sharing most words with the question; none if it shares none. */
function bestSentence(hit: PassageHit, terms: ReadonlySet<string>): string | undefined {
  const ranked = hit.passage.sentences
    .filter(usable)
    .map((text, index) => ({ text, index, score: overlap(text, terms) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked[0]?.text;
}

/** A second article adds a sentence when it covers part of the question the first one missed. */
function secondArticle(result: SearchResult, top: ArticleHit): ArticleHit | undefined {
  const next = result.articles[1];
  if (!next || next.score < SECOND_SOURCE_RATIO * top.score) return undefined;
  return next.matched.some((t) => !top.matched.includes(t)) ? next : undefined;
}

export function answerFrom(result: SearchResult): Answer {
  const top = result.articles[0];
  const best = top?.passages[0];
  if (!top || !best || !isAnswerable(result)) {
    return { noAnswer: true, text: NO_ANSWER, sentences: [], sources: [] };
  }
  const terms = new Set(result.terms);
  const sentences = pickSentences(best, terms, MAX_SENTENCES - 1);
  const sources: Source[] = [{ id: top.id, title: top.title }];
  const following = top.passages[1] ?? result.passages.find((p) => p !== best);
  if (sentences.length < 2 && following) {
    const extra = bestSentence(following, terms);
    const article = following.passage;
    if (extra !== undefined && !sentences.includes(extra)) {
      sentences.push(extra);
      if (!sources.some((s) => s.id === article.articleId)) {
        sources.push({ id: article.articleId, title: article.articleTitle });
      }
    }
  }
  const second = secondArticle(result, top);
  const secondPassage = second?.passages[0];
  if (second && secondPassage && sentences.length < MAX_SENTENCES) {
    const extra = bestSentence(secondPassage, terms);
    if (extra !== undefined && !sentences.includes(extra)) {
      sentences.push(extra);
      if (!sources.some((s) => s.id === second.id))
        sources.push({ id: second.id, title: second.title });
    }
  }
  return { noAnswer: false, text: sentences.join(" "), sentences, sources };
}

export function answerQuestion(kb: KnowledgeBase, question: string): Answer {
  return answerFrom(kb.search(question));
}
