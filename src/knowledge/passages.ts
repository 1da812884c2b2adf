/**
 * Cutting articles into passages, what retrieval ranks and answers quote from. A passage is one
 * answerable unit of an article: the questions it answers, its one-sentence answer, and the detail
 * (paragraphs and lists, a list kept with the paragraph that introduces it). Markdown marks are
 * removed so answers read as plain sentences in Slack and the terminal.
 */
import type { Article } from "./article.js";

export interface Passage {
  /** `article-id#n`, n counting from 1 within the article. */
  readonly id: string;
  readonly articleId: string;
  readonly articleTitle: string;
  readonly tags: readonly string[];
  /** The unit's first question. */
  readonly heading: string;
  /** Every question the unit answers (the heading's first). */
  readonly questions: readonly string[];
  /** The unit's one-sentence answer, which reads on its own. */
  readonly answer: string;
  /** The sentences of the detail, in the article's order. */
  readonly detail: readonly string[];
  /** Plain text of the passage: the answer, then the detail. */
  readonly text: string;
  /** The answer followed by the detail's sentences. */
  readonly sentences: readonly string[];
}

/** Markdown emphasis, code marks and links reduced to their words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Splits prose into sentences; a full stop inside a number (4.1%) or before a lower-case word does not split. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z0-9£$€"(]|dealdesk\b)/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+\.)\s+/;

function asSentence(item: string): string {
  const text = plainText(item);
  return /[.!?:]$/.test(text) ? text : `${text}.`;
}

interface Block {
  readonly heading?: string;
  readonly sentences: string[];
}

/** Blocks of the body: paragraphs and lists, each under the latest heading. */
function blocksOf(body: string): Block[] {
  const blocks: Block[] = [];
  let heading: string | undefined;
  let previousEndsWithColon = false;
  for (const chunk of body.split(/\r?\n\s*\r?\n/)) {
    const lines = chunk.split(/\r?\n/).filter((l) => l.trim() !== "");
    const first = lines[0];
    if (first === undefined) continue;
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(first);
    if (headingMatch) {
      heading = plainText(headingMatch[1] ?? "");
      lines.shift();
      previousEndsWithColon = false;
      if (lines.length === 0) continue;
    }
    const isList = lines.every((l) => LIST_ITEM.test(l) || /^\s{2,}\S/.test(l));
    const sentences = isList
      ? lines.filter((l) => LIST_ITEM.test(l)).map((l) => asSentence(l.replace(LIST_ITEM, "")))
      : sentencesOf(plainText(lines.join(" ")));
    const last = blocks[blocks.length - 1];
    if (isList && previousEndsWithColon && last) {
      last.sentences.push(...sentences);
    } else {
      blocks.push(heading === undefined ? { sentences } : { heading, sentences });
    }
    previousEndsWithColon = !isList && /:$/.test(sentences[sentences.length - 1] ?? "");
  }
  return blocks;
}

export function passagesOf(article: Article): Passage[] {
  return article.units.map((unit, i) => {
    const answer = plainText(unit.answer);
    const detail = blocksOf(unit.detail).flatMap((b) => b.sentences);
    const sentences = [answer, ...detail];
    return {
      id: `${article.id}#${i + 1}`,
      articleId: article.id,
      articleTitle: article.title,
      tags: article.tags,
      heading: plainText(unit.questions[0] ?? ""),
      questions: unit.questions.map(plainText),
      answer,
      detail,
      text: sentences.join(" "),
      sentences,
    };
  });
}
