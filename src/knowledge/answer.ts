/**
 * Writing a short answer without a model. Retrieval ranks the articles; then the answer is the unit
 * that answers the question's form ("what is…" gets the definition, "how quickly…" the time, "should
 * we…" the recommendation): its one-sentence answer first, then at most two sentences of its
 * detail. A question the knowledge base doesn't cover is declined in one line that says what it
 * does cover, never answered with an article that merely shares a word with it.
 */
import { NO_ANSWER, uncoveredVendor, vendorDecline } from "./decline.js";
import { ANCHOR_TERMS } from "./domain.js";
import type { Passage } from "./passages.js";
import { type QuestionForm, questionForm } from "./question-form.js";
import type { KnowledgeBase, SearchResult } from "./search.js";
import { termsOf } from "./terms.js";

export { NO_ANSWER } from "./decline.js";

export interface Source {
  readonly id: string;
  readonly title: string;
}

export interface Answer {
  readonly noAnswer: boolean;
  /** The answer as one paragraph (the decline line when noAnswer). */
  readonly text: string;
  /** The unit's answer first, then its detail sentences; empty when noAnswer. */
  readonly sentences: readonly string[];
  readonly sources: readonly Source[];
  /** The question of the unit that answered (absent when noAnswer). */
  readonly answered?: string;
}

/** Detail sentences after the one-sentence answer. */
const MAX_DETAIL = 2;
/**
 * How much of the question's meaning (its terms weighted by how specific they are) the best article
 * must match: some of it when the match includes a licensing word, most of it otherwise. Below that,
 * the matches are common words that happen to appear in an article, and the honest reply is that
 * the knowledge base doesn't cover the question.
 */
const MIN_COVERAGE_WITH_ANCHOR = 0.1;
const MIN_COVERAGE = 0.6;
/**
 * When two or more words the knowledge base never uses carry this much of the question's weight,
 * and more of it than the words the best article matches, they are what the question is about
 * ("the best laptop spec for agents") and the licensing word it shares is incidental.
 */
const MAX_UNKNOWN_SHARE = 0.4;
/** One unknown word is often just an unusual way of saying something the articles do say. */
const MIN_UNKNOWN_TERMS = 2;
/** How far down the article ranking a unit may come from. */
const CANDIDATE_ARTICLES = 3;
/**
 * Weights of a unit's score. Retrieval's score (scaled so the best passage is 1) says the unit is
 * about the question's subject; the overlap with the unit's own questions and its answer sentence,
 * and a matching form, say it answers what was asked; the article's rank breaks ties in favour of
 * the best article.
 */
const WEIGHT = {
  retrieval: 1,
  questions: 1,
  /** The one-sentence answer is what the reader sees first, so its words count on their own. */
  answer: 0.3,
  form: 0.5,
  /** A definition answers "what is X?" and little else. */
  definitionElsewhere: -0.3,
  /** An article's first unit is its main question. */
  lead: 0.15,
  topArticle: 0.25,
  secondArticle: 0.1,
};

/** An answer that gives a time: what "how long", "how quickly" and "how much notice" ask for. */
const GIVES_A_TIME =
  /\b\d+ (hours?|days?|weeks?|months?|years?)\b|\b(hours|days|weeks|months) (before|after|of|within)\b|\bmonths before\b/i;
/** An answer that says what something is. */
const GIVES_A_DEFINITION = /^(an? |the )?[\w() -]{1,60}? (is|are|means) /i;

/** Whether a unit answers a question of this form, from its own questions or its answer. */
function fitsForm(passage: Passage, form: QuestionForm): boolean {
  if (form === "other") return false;
  if (passage.questions.some((q) => questionForm(q) === form)) return true;
  if (form === "how-long") return GIVES_A_TIME.test(passage.answer);
  if (form === "definition") return GIVES_A_DEFINITION.test(passage.answer);
  return false;
}

function isDefinition(passage: Passage): boolean {
  return passage.questions.every((q) => questionForm(q) === "definition");
}

/** Whether the best article matches enough of the question to be an answer rather than noise. */
export function isAnswerable(result: SearchResult): boolean {
  const top = result.articles[0];
  if (!top) return false;
  const unknown = new Set(result.unknown);
  if (
    unknown.size >= MIN_UNKNOWN_TERMS &&
    weightedShare(result, unknown) >= MAX_UNKNOWN_SHARE &&
    weightedShare(result, unknown) > coverage(result)
  ) {
    return false;
  }
  const share = coverage(result);
  const anchored = top.matched.some((t) => ANCHOR_TERMS.has(t));
  return share >= MIN_COVERAGE || (anchored && share >= MIN_COVERAGE_WITH_ANCHOR);
}

/** The weighted share of the question's terms that the best article matches, from 0 to 1. */
export function coverage(result: SearchResult): number {
  const top = result.articles[0];
  if (!top) return 0;
  return weightedShare(result, new Set(top.matched));
}

function weightedShare(result: SearchResult, found: ReadonlySet<string>): number {
  let matched = 0;
  let total = 0;
  for (const [i, term] of result.terms.entries()) {
    const weight = result.weights[i] ?? 0;
    total += weight;
    if (found.has(term)) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

export interface Candidate {
  readonly passage: Passage;
  readonly score: number;
}

/** Every unit of the best few articles, scored for how well it answers this question. */
export function rankUnits(result: SearchResult, form: QuestionForm): Candidate[] {
  const best = result.passages[0]?.score ?? 0;
  const retrieval = new Map(result.passages.map((h) => [h.passage.id, h.score]));
  const candidates: Candidate[] = [];
  for (const [rank, article] of result.articles.slice(0, CANDIDATE_ARTICLES).entries()) {
    const units = article.passages.map((h) => h.passage);
    for (const passage of units) {
      const questionTerms = new Set(passage.questions.flatMap(termsOf));
      const score =
        WEIGHT.retrieval * ((retrieval.get(passage.id) ?? 0) / (best || 1)) +
        WEIGHT.questions * weightedShare(result, questionTerms) +
        WEIGHT.answer * weightedShare(result, new Set(termsOf(passage.answer))) +
        (fitsForm(passage, form) ? WEIGHT.form : 0) +
        (form !== "definition" && isDefinition(passage) ? WEIGHT.definitionElsewhere : 0) +
        (passage.id.endsWith("#1") ? WEIGHT.lead : 0) +
        (rank === 0 ? WEIGHT.topArticle : rank === 1 ? WEIGHT.secondArticle : 0);
      candidates.push({ passage, score });
    }
  }
  return candidates.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
}

/** A sentence that introduces a list reads badly without it. */
function usable(sentence: string): boolean {
  return !sentence.endsWith(":");
}

/** The detail sentences sharing most words with the question, kept in the article's order. */
function pickDetail(passage: Passage, terms: ReadonlySet<string>): string[] {
  return passage.detail
    .map((text, index) => ({
      text,
      index,
      score: termsOf(text).filter((t) => terms.has(t)).length,
    }))
    .filter((s) => usable(s.text))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_DETAIL)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.text);
}

function declined(text: string): Answer {
  return { noAnswer: true, text, sentences: [], sources: [] };
}

export function answerFrom(result: SearchResult, question: string): Answer {
  const vendor = uncoveredVendor(question);
  if (vendor !== undefined) return declined(vendorDecline(vendor));
  if (!isAnswerable(result)) return declined(NO_ANSWER);
  const chosen = rankUnits(result, questionForm(question))[0]?.passage;
  if (!chosen) return declined(NO_ANSWER);
  const sentences = [chosen.answer, ...pickDetail(chosen, new Set(result.terms))];
  return {
    noAnswer: false,
    text: sentences.join(" "),
    sentences,
    sources: [{ id: chosen.articleId, title: chosen.articleTitle }],
    answered: chosen.heading,
  };
}

export function answerQuestion(kb: KnowledgeBase, question: string): Answer {
  return answerFrom(kb.search(question), question);
}
