/**
 * Measuring the knowledge base against question sets, for `npm run eval:knowledge` and for the test
 * that holds the targets. Pure: callers read the question files and print or assert the figures.
 *
 * - Retrieval: hit@1 and hit@3, whether an expected article is first, or among the first three.
 * - Answers: a question is fully correct when it is answered (not declined), the answer's source is
 *   an expected article, and the answer's text holds every expected fact (each fact is a list of
 *   alternative phrasings, matched case-insensitively).
 * - Declines: an off-topic question is handled correctly only when it is declined.
 */
import { type Answer, answerQuestion } from "./answer.js";
import type { KnowledgeBase } from "./search.js";

export interface OnTopicQuestion {
  readonly question: string;
  readonly articles: readonly string[];
  /** Facts the answer must hold; each is one phrasing or a list of alternatives. */
  readonly mustContain?: readonly (string | readonly string[])[];
}

export interface OffTopicQuestion {
  readonly question: string;
  readonly decline: true;
}

export type EvalQuestion = OnTopicQuestion | OffTopicQuestion;

export interface Miss {
  readonly question: string;
  readonly why: string;
}

export interface Evaluation {
  readonly onTopic: number;
  readonly hit1: number;
  readonly hit3: number;
  /** Answered, from an expected article, with every expected fact. */
  readonly fullyCorrect: number;
  readonly offTopic: number;
  readonly declined: number;
  readonly misses: readonly Miss[];
}

function isOffTopic(q: EvalQuestion): q is OffTopicQuestion {
  return "decline" in q && q.decline === true;
}

/** The expected facts the answer's text lacks. */
export function missingFacts(
  answer: Answer,
  facts: readonly (string | readonly string[])[],
): string[] {
  const text = answer.text.toLowerCase();
  return facts
    .map((f) => (typeof f === "string" ? [f] : f))
    .filter((alternatives) => !alternatives.some((a) => text.includes(a.toLowerCase())))
    .map((alternatives) => alternatives.join(" / "));
}

export function evaluate(kb: KnowledgeBase, questions: readonly EvalQuestion[]): Evaluation {
  let onTopic = 0;
  let hit1 = 0;
  let hit3 = 0;
  let fullyCorrect = 0;
  let offTopic = 0;
  let declined = 0;
  const misses: Miss[] = [];
  for (const q of questions) {
    const answer = answerQuestion(kb, q.question);
    if (isOffTopic(q)) {
      offTopic++;
      if (answer.noAnswer) declined++;
      else misses.push({ question: q.question, why: `answered from ${answer.sources[0]?.id}` });
      continue;
    }
    onTopic++;
    const ranked = kb.search(q.question).articles.map((a) => a.id);
    const rank = ranked.findIndex((id) => q.articles.includes(id));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    const source = answer.sources[0]?.id;
    if (answer.noAnswer) {
      misses.push({ question: q.question, why: "declined" });
    } else if (source === undefined || !q.articles.includes(source)) {
      misses.push({
        question: q.question,
        why: `answered from ${source}; expected ${q.articles.join(" | ")}`,
      });
    } else {
      const missing = missingFacts(answer, q.mustContain ?? []);
      if (missing.length === 0) fullyCorrect++;
      else misses.push({ question: q.question, why: `lacks ${missing.join("; ")}` });
    }
  }
  return { onTopic, hit1, hit3, fullyCorrect, offTopic, declined, misses };
}
