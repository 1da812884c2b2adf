/**
 * Retrieval over the knowledge base: a MiniSearch index of passages, with our stemming and synonym
 * folding on both sides, and field boosts so a match in a title or tag counts more than one in the
 * prose. `search` is the function an LLM tool can call later: it returns passages with the ids of
 * the articles they come from.
 */
import MiniSearch from "minisearch";
import type { Article } from "./article.js";
import { type Passage, passagesOf } from "./passages.js";
import { termOf, termsOf, wordsOf } from "./terms.js";

export interface PassageHit {
  readonly passage: Passage;
  readonly score: number;
  /** The question's terms this passage matched (after stemming and synonyms). */
  readonly matched: readonly string[];
}

export interface ArticleHit {
  readonly id: string;
  readonly title: string;
  readonly score: number;
  /** The question's terms matched anywhere in the article. */
  readonly matched: readonly string[];
  /** The article's passages that matched, best first. */
  readonly passages: readonly PassageHit[];
}

export interface SearchResult {
  /** The question's search terms (after stemming, synonyms and stop words). */
  readonly terms: readonly string[];
  /**
   * How specific each term is, aligned with `terms`: high for rare words and for words the
   * knowledge base never uses ("football"), low for words it uses everywhere ("price").
   */
  readonly weights: readonly number[];
  /** The question's terms that no passage uses: the words the knowledge base knows nothing about. */
  readonly unknown: readonly string[];
  /** Passages best first. */
  readonly passages: readonly PassageHit[];
  /** Articles best first, scored by their best passages. */
  readonly articles: readonly ArticleHit[];
}

export interface KnowledgeBase {
  readonly articles: readonly Article[];
  readonly passages: readonly Passage[];
  search(query: string): SearchResult;
}

interface IndexedPassage {
  readonly id: string;
  readonly title: string;
  readonly tags: string;
  readonly heading: string;
  readonly text: string;
}

/** Title and tags say what an article is about; a unit's questions say what the passage answers. */
const BOOST = { title: 3, tags: 2.5, heading: 1.5, text: 1 };
/** How much an article's second and later matching passages add to its best one. */
const SUPPORT_WEIGHT = 0.2;

/**
 * Who said a thing is not what it is about: "a course outline on IT contract negotiation" would
 * otherwise make every passage it attributes match "contract" and "negotiation".
 */
const ATTRIBUTION =
  /\b(a|an|the) (course outline on IT contract negotiation|advisory firm's playbook|Halo partner's guide|partner's guide)\b/gi;

export function withoutAttribution(text: string): string {
  return text.replace(ATTRIBUTION, " ");
}

function processTerm(word: string): string | null {
  return termOf(word) ?? null;
}

export function createKnowledgeBase(articles: readonly Article[]): KnowledgeBase {
  const passages = articles.flatMap(passagesOf);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const documentFrequency = new Map<string, number>();
  for (const p of passages) {
    const words = [p.articleTitle, ...p.tags, ...p.questions, withoutAttribution(p.text)];
    for (const t of termsOf(words.join(" "))) {
      documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    }
  }
  // An inverse document frequency; a word absent from every passage gets the highest weight.
  const weightOf = (term: string) =>
    Math.log(1 + passages.length / ((documentFrequency.get(term) ?? 0) + 1));
  const index = new MiniSearch<IndexedPassage>({
    fields: ["title", "tags", "heading", "text"],
    tokenize: wordsOf,
    processTerm,
    searchOptions: {
      boost: BOOST,
      combineWith: "OR",
      // Prefix and fuzzy matching only on long stems: short ones would match unrelated words.
      prefix: (term) => term.length >= 6,
      fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
      weights: { fuzzy: 0.3, prefix: 0.5 },
    },
  });
  index.addAll(
    passages.map((p) => ({
      id: p.id,
      title: p.articleTitle,
      tags: p.tags.join(" "),
      heading: p.questions.join(" "),
      text: withoutAttribution(p.text),
    })),
  );

  function search(query: string): SearchResult {
    const terms = termsOf(query);
    const weights = terms.map(weightOf);
    const unknown = terms.filter((t) => !documentFrequency.has(t));
    if (terms.length === 0) return { terms, weights, unknown, passages: [], articles: [] };
    const raw = index.search(terms.join(" "), {
      tokenize: (t) => t.split(" "),
      processTerm: (t) => t,
    });
    const hits: PassageHit[] = [];
    for (const r of raw) {
      const passage = byId.get(String(r.id));
      if (passage)
        hits.push({ passage, score: r.score, matched: matchedTerms(r.queryTerms, terms) });
    }
    return { terms, weights, unknown, passages: hits, articles: rankArticles(hits) };
  }

  return { articles, passages, search };
}

/** Prefix and fuzzy matches report the indexed term; map them back to the question's terms. */
function matchedTerms(queryTerms: readonly string[], terms: readonly string[]): string[] {
  return terms.filter((t) => queryTerms.includes(t));
}

function rankArticles(hits: readonly PassageHit[]): ArticleHit[] {
  const groups = new Map<string, PassageHit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.passage.articleId);
    if (group) group.push(hit);
    else groups.set(hit.passage.articleId, [hit]);
  }
  const articles: ArticleHit[] = [];
  for (const [id, group] of groups) {
    const [best, ...rest] = group;
    if (!best) continue;
    const support = rest.reduce((sum, h) => sum + h.score, 0);
    articles.push({
      id,
      title: best.passage.articleTitle,
      score: best.score + SUPPORT_WEIGHT * Math.min(support, best.score),
      matched: [...new Set(group.flatMap((h) => h.matched))],
      passages: group,
    });
  }
  return articles.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
