import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles, parseArticle } from "../../src/knowledge/load.js";

const HEADER =
  "---\nid: renewal-caps\ntitle: Renewal caps\ntags: [cap]\nsources: [dealdesk]\n---\n";
const VALID = `${HEADER}## Q: What is a cap?\nA: A cap limits the uplift.\n\nDetail.`;

describe("the knowledge base", () => {
  const loaded = loadArticles();

  it("loads every article without an issue", () => {
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  });

  it("has at least 30 articles, each short enough to read mid-call", () => {
    const articles = loaded.ok ? loaded.value : [];
    expect(articles.length).toBeGreaterThanOrEqual(30);
    const words = (text: string) => text.split(/\s+/).filter((w) => w !== "").length;
    for (const a of articles) {
      // What a reader reads is the answers and their detail; the question lines are for matching.
      // The glossary is a list of short entries; every other article stays under 300 words.
      const read = a.units.map((u) => `${u.answer} ${u.detail}`);
      if (a.id === "glossary")
        for (const entry of read) expect(words(entry), a.id).toBeLessThan(45);
      else expect(words(read.join(" ")), a.id).toBeLessThan(300);
    }
  });

  it("is a set of answerable units: every article answers at least two questions, in one sentence each", () => {
    for (const a of loaded.ok ? loaded.value : []) {
      expect(a.units.length, a.id).toBeGreaterThanOrEqual(2);
      for (const u of a.units) {
        expect(u.questions.length, `${a.id}: ${u.answer}`).toBeGreaterThan(0);
        expect(u.answer, a.id).toMatch(/[.!?]$/);
        // The one-sentence answer is short enough to read as a headline.
        expect(u.answer.split(/\s+/).length, `${a.id}: ${u.answer}`).toBeLessThanOrEqual(60);
      }
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
    expect(r.ok && [r.value.id, r.value.tags, r.value.sources, r.value.units]).toEqual([
      "renewal-caps",
      ["cap"],
      ["dealdesk"],
      [
        {
          questions: ["What is a cap?"],
          answer: "A cap limits the uplift.",
          detail: "Detail.",
          line: 7,
        },
      ],
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
    const r = parseArticle("empty.md", HEADER);
    expect(!r.ok && r.issues[0]).toEqual({
      code: "article.empty",
      message: "empty.md: the article has no text",
    });
  });
});

describe("parseArticle on units", () => {
  // The header is lines 1–6, so the body starts on line 7.
  it.each([
    [
      "text before the first unit",
      "Intro.\n\n## Q: What is a cap?\nA: A cap limits the uplift.",
      "article.text_outside_unit",
      'bad.md line 7: text before the first "## Q:" unit; start the article with "## Q: <the question it answers>"',
    ],
    [
      "a unit with no answer line",
      "## Q: What is a cap?\nA cap limits the uplift.",
      "article.unit_no_answer",
      'bad.md line 8: the unit "What is a cap?" needs an "A: <one-sentence answer>" line under its question',
    ],
    [
      "an answer of two sentences",
      "## Q: What is a cap?\nA: A cap limits the uplift. It is written down.",
      "article.answer_not_one_sentence",
      "bad.md line 8: the answer must be one sentence; move the rest into the detail below it",
    ],
    [
      "an answer with no full stop",
      "## Q: What is a cap?\nA: A cap limits the uplift",
      "article.answer_unfinished",
      "bad.md line 8: the answer must be one full sentence, ending with a full stop",
    ],
    [
      "an answer that leans on text the reader has not seen",
      "## Q: What is a cap?\nA: A course outline also recommends a cap.",
      "article.answer_refers_back",
      'bad.md line 8: the answer says "also", which leans on text the reader has not seen; make it stand alone',
    ],
    [
      "a heading with no question",
      "## Q:\nA: A cap limits the uplift.",
      "article.unit_no_question",
      'bad.md line 7: "## Q:" with no question after it',
    ],
  ])("reports %s with its code, file and line", (_what, body, code, message) => {
    const r = parseArticle("bad.md", HEADER + body);
    expect(!r.ok && r.issues[0]).toEqual({ code, message });
  });

  it("keeps a 4.1% inside one sentence and reads every Also line", () => {
    const r = parseArticle(
      "ok.md",
      `${HEADER}## Q: What was CPI?\nAlso: What was inflation? | What was the index?\nAlso: What did prices do?\nA: CPI was 4.1% that year.`,
    );
    expect(r.ok && r.value.units[0]?.questions).toEqual([
      "What was CPI?",
      "What was inflation?",
      "What was the index?",
      "What did prices do?",
    ]);
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
