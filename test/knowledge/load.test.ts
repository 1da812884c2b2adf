import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles, parseArticle } from "../../src/knowledge/load.js";

const VALID =
  "---\nid: renewal-caps\ntitle: Renewal caps\ntags: [cap]\nsources: [dealdesk]\n---\nText.";

describe("the knowledge base", () => {
  const loaded = loadArticles();

  it("loads every article without an issue", () => {
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  });

  it("has at least 30 articles, each short enough to read mid-call", () => {
    const articles = loaded.ok ? loaded.value : [];
    expect(articles.length).toBeGreaterThanOrEqual(30);
    for (const a of articles) {
      // The glossary is a list of short entries; every other article stays under 300 words.
      const pieces = a.id === "glossary" ? a.body.split(/\n\s*\n/) : [a.body];
      const limit = a.id === "glossary" ? 45 : 300;
      for (const piece of pieces) expect(piece.split(/\s+/).length, a.id).toBeLessThan(limit);
    }
  });

  it("covers every topic the issue lists, including each contract topic and a glossary", () => {
    const ids = new Set(loaded.ok ? loaded.value.map((a) => a.id) : []);
    for (const id of [
      "named-vs-concurrent",
      "concurrent-pool-mechanics",
      "user-groups-licence-fit",
      "sizing-concurrent-pool",
      "rightsizing-agents",
      "volume-tiers",
      "landing-volume-break",
      "implementation-cost-control",
      "renewal-caps",
      "cpi-clauses",
      "multi-year-terms",
      "leverage-competitive",
      "renewal-timing",
      "scope-and-stakeholders",
      "licensing-usage-rights",
      "financial-terms",
      "sla-and-service-credits",
      "audit-rights",
      "data-security-privacy",
      "exit-and-transition",
      "vendor-governance",
      "glossary",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("names its file after its id", () => {
    for (const a of loaded.ok ? loaded.value : []) expect(a.file).toBe(`${a.id}.md`);
  });
});

describe("parseArticle", () => {
  it("reads a valid article", () => {
    const r = parseArticle("renewal-caps.md", VALID);
    expect(r.ok && [r.value.id, r.value.tags, r.value.sources, r.value.body]).toEqual([
      "renewal-caps",
      ["cap"],
      ["dealdesk"],
      "Text.",
    ]);
  });

  it("names the file and field of a bad id or an unknown source", () => {
    const r = parseArticle(
      "bad.md",
      "---\nid: Renewal Caps\ntitle: Renewal caps\ntags: [cap]\nsources: [a blog]\n---\nText.",
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(["article.invalid", "article.invalid"]);
    expect(r.issues[0]?.message).toBe(
      "bad.md: id: use lower-case words joined by hyphens, like renewal-caps",
    );
    expect(r.issues[1]?.message).toMatch(/^bad\.md: sources\.0: /);
  });

  it("rejects an article with no text", () => {
    const r = parseArticle("empty.md", VALID.replace("Text.", ""));
    expect(!r.ok && r.issues[0]).toEqual({
      code: "article.empty",
      message: "empty.md: the article has no text",
    });
  });
});

describe("loadArticles", () => {
  it("reports a duplicate id and a missing folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-"));
    writeFileSync(join(dir, "a.md"), VALID);
    writeFileSync(join(dir, "b.md"), VALID);
    const r = loadArticles(dir);
    expect(!r.ok && r.issues[0]).toEqual({
      code: "article.duplicate_id",
      message: "b.md: the id renewal-caps is already used by a.md",
    });
    const missing = loadArticles(join(dir, "nope"));
    expect(!missing.ok && missing.issues[0]?.code).toBe("knowledge.missing");
  });
});
