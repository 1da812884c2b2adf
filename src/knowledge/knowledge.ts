/**
 * The knowledge base the app uses: the articles in the top-level knowledge/ folder, loaded and
 * indexed once on first use. `searchKnowledge` is the retrieval entry point for callers that phrase
 * their own answers (such as an LLM tool): passages with the ids and titles of their articles.
 */
import { ok, type Result } from "../core/result.js";
import { loadArticles } from "./load.js";
import { createKnowledgeBase, type KnowledgeBase } from "./search.js";

let loaded: Result<KnowledgeBase> | undefined;

export function defaultKnowledgeBase(): Result<KnowledgeBase> {
  if (loaded === undefined) {
    const articles = loadArticles();
    loaded = articles.ok ? ok(createKnowledgeBase(articles.value)) : articles;
  }
  return loaded;
}

export interface KnowledgePassage {
  readonly articleId: string;
  readonly articleTitle: string;
  readonly passageId: string;
  readonly text: string;
  readonly score: number;
}

/** The best passages for a query, at most `limit`, from the default knowledge base. */
export function searchKnowledge(query: string, limit = 5): Result<KnowledgePassage[]> {
  const kb = defaultKnowledgeBase();
  if (!kb.ok) return kb;
  return ok(
    kb.value
      .search(query)
      .passages.slice(0, limit)
      .map((hit) => ({
        articleId: hit.passage.articleId,
        articleTitle: hit.passage.articleTitle,
        passageId: hit.passage.id,
        text: hit.passage.text,
        score: hit.score,
      })),
  );
}
