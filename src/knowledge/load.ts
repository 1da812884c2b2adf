/**
 * Reading the articles from the top-level `knowledge/` folder. The folder is found relative to this
 * module, which sits two levels below the repository root both as source (src/knowledge) and when
 * built (dist/knowledge), so tests, the CLI and the eval script all read the same files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Issue, ok, type Result } from "../core/result.js";
import { type Article, frontMatterSchema } from "./article.js";
import { splitArticle } from "./front-matter.js";
import { parseUnits } from "./units.js";

export const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge/", import.meta.url));

/** One article from its file text; issues name the file so a writer can fix it. */
export function parseArticle(file: string, source: string): Result<Article> {
  const split = splitArticle(source);
  if (!split.ok) {
    return {
      ok: false,
      issues: split.issues.map((i) => ({ ...i, message: `${file}: ${i.message}` })),
    };
  }
  const parsed = frontMatterSchema.safeParse(split.value.fields);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        code: "article.invalid",
        message: `${file}: ${i.path.join(".") || "front matter"}: ${i.message}`,
      })),
    };
  }
  if (split.value.body === "") {
    return {
      ok: false,
      issues: [{ code: "article.empty", message: `${file}: the article has no text` }],
    };
  }
  const fence = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(source)?.[0] ?? "";
  const firstLine = fence.split("\n").length;
  const { units, issues } = parseUnits(file, source.slice(fence.length), firstLine);
  if (issues.length > 0) return { ok: false, issues };
  return ok({ ...parsed.data, body: split.value.body, units, file });
}

/** Every `*.md` in the folder, sorted by file name; all problems are reported together. */
export function loadArticles(dir: string = KNOWLEDGE_DIR): Result<Article[]> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".md") && f !== "README.md")
      .sort();
  } catch {
    return {
      ok: false,
      issues: [{ code: "knowledge.missing", message: `no knowledge folder at ${dir}` }],
    };
  }
  const articles: Article[] = [];
  const issues: Issue[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    const article = parseArticle(file, readFileSync(join(dir, file), "utf8"));
    if (!article.ok) {
      issues.push(...article.issues);
      continue;
    }
    const clash = ids.get(article.value.id);
    if (clash !== undefined) {
      issues.push({
        code: "article.duplicate_id",
        message: `${file}: the id ${article.value.id} is already used by ${clash}`,
      });
      continue;
    }
    ids.set(article.value.id, file);
    articles.push(article.value);
  }
  return issues.length > 0 ? { ok: false, issues } : ok(articles);
}
