/**
 * Splitting an article into front matter and body, and reading the front matter: a small YAML
 * subset that is all the articles need — `key: value`, `key: [a, b, "c, d"]`, and block lists
 * (`key:` then `  - item` lines). Anything else is reported, never guessed.
 */
import { fail, ok, type Result } from "../core/result.js";

export type FrontMatterValue = string | string[];

export interface SplitArticle {
  readonly fields: Readonly<Record<string, FrontMatterValue>>;
  readonly body: string;
}

function unquote(text: string): string {
  const t = text.trim();
  const quoted = /^"(.*)"$/.exec(t) ?? /^'(.*)'$/.exec(t);
  return quoted?.[1] ?? t;
}

/** `[a, "b, c", d]` → ["a", "b, c", "d"]: commas inside quotes do not split. */
function flowList(inner: string): string[] {
  const items = inner.match(/"[^"]*"|'[^']*'|[^,\s][^,]*/g) ?? [];
  return items.map(unquote).filter((s) => s !== "");
}

function stripComment(line: string): string {
  // A # starts a comment only at the start or after a space, so "C#" survives.
  return line.replace(/(^|\s)#.*$/, "").trimEnd();
}

export function parseFrontMatter(text: string): Result<Record<string, FrontMatterValue>> {
  const fields: Record<string, FrontMatterValue> = {};
  let listKey: string | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = stripComment(raw);
    if (line.trim() === "") continue;
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item) {
      const list = listKey === undefined ? undefined : fields[listKey];
      if (!Array.isArray(list)) {
        return fail(
          "frontmatter.stray_item",
          `line ${index + 1}: a list item with no key above it`,
        );
      }
      list.push(unquote(item[1] ?? ""));
      continue;
    }
    const pair = /^([A-Za-z][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!pair?.[1]) {
      return fail(
        "frontmatter.unreadable",
        `line ${index + 1}: expected "key: value", got "${raw}"`,
      );
    }
    const key = pair[1];
    if (key in fields) return fail("frontmatter.repeated", `line ${index + 1}: ${key} is repeated`);
    const value = (pair[2] ?? "").trim();
    const flow = /^\[(.*)\]$/.exec(value);
    if (value === "") {
      fields[key] = [];
      listKey = key;
    } else {
      fields[key] = flow ? flowList(flow[1] ?? "") : unquote(value);
      listKey = undefined;
    }
  }
  return ok(fields);
}

/** Separates the `---` fenced front matter from the Markdown body. */
export function splitArticle(source: string): Result<SplitArticle> {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match)
    return fail("frontmatter.missing", "the file does not start with a --- fenced header");
  const fields = parseFrontMatter(match[1] ?? "");
  if (!fields.ok) return fields;
  return ok({ fields: fields.value, body: (match[2] ?? "").trim() });
}
