/** Building test articles from Markdown, through the same parser the loader uses. */
import type { Article } from "../../src/knowledge/article.js";
import { parseArticle } from "../../src/knowledge/load.js";

export function articleFrom(id: string, title: string, tags: string[], body: string): Article {
  const source = `---\nid: ${id}\ntitle: ${title}\ntags: [${tags.join(", ")}]\nsources: [dealdesk]\n---\n${body}`;
  const parsed = parseArticle(`${id}.md`, source);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("\n"));
  return parsed.value;
}
