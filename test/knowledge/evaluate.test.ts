import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type EvalQuestion, evaluate } from "../../src/knowledge/evaluate.js";
import { defaultKnowledgeBase } from "../../src/knowledge/knowledge.js";
import { createKnowledgeBase } from "../../src/knowledge/search.js";
import { articleFrom } from "./article-text.js";

type OutsideQuestion = EvalQuestion & { source?: string };
const outside: OutsideQuestion[] = JSON.parse(
  readFileSync(new URL("./outside-questions.json", import.meta.url), "utf8"),
);
const inHouse: EvalQuestion[] = JSON.parse(
  readFileSync(new URL("./questions.json", import.meta.url), "utf8"),
);
const loaded = defaultKnowledgeBase();
if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
const kb = loaded.value;

describe("the outside question set", () => {
  const ids = new Set(kb.articles.map((a) => a.id));

  it("has 60 distinct questions with a source, at least 10 of them off-topic", () => {
    expect(outside).toHaveLength(60);
    expect(new Set(outside.map((q) => q.question)).size).toBe(60);
    for (const q of outside) expect(q.source, q.question).toMatch(/\S/);
    expect(outside.filter((q) => "decline" in q).length).toBeGreaterThanOrEqual(10);
  });

  it("names articles that exist and expected facts for every on-topic question", () => {
    for (const q of outside) {
      if ("decline" in q) continue;
      expect(q.articles.length, q.question).toBeGreaterThan(0);
      for (const id of q.articles) expect(ids.has(id), `${q.question} → ${id}`).toBe(true);
      expect(q.mustContain?.length ?? 0, q.question).toBeGreaterThan(0);
    }
  });

  it("is not copied into the articles' questions (a copy would measure memory, not matching)", () => {
    const words = (s: string) =>
      new Set(
        s
          .toLowerCase()
          .replace(/licens/g, "licenc")
          .match(/[a-z0-9']+/g) ?? [],
      );
    const similarity = (a: Set<string>, b: Set<string>) =>
      [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;
    const asked = [...outside, ...inHouse].map((q) => words(q.question));
    for (const passage of kb.passages) {
      // A unit's main question may be the plain "What is X?" form anyone would write; the other
      // phrasings must not be near-copies of a measured question.
      for (const [i, question] of passage.questions.entries()) {
        const limit = i === 0 ? 0.6 : 0.5;
        const mine = words(question);
        const canonical = i === 0 && /^what is (an? )?[\w-]+\?$/i.test(question);
        if (canonical) continue;
        for (const theirs of asked) {
          expect(similarity(mine, theirs), `${passage.id}: ${question}`).toBeLessThan(limit);
        }
      }
    }
  });
});

describe("answer quality (npm run eval:knowledge prints the detail)", () => {
  it("answers at least 85% of the outside on-topic questions fully correctly", () => {
    const e = evaluate(kb, outside);
    expect(e.onTopic).toBe(48);
    expect(e.fullyCorrect / e.onTopic).toBeGreaterThanOrEqual(0.85);
  });

  it("declines at least 9 in 10 of the outside off-topic questions", () => {
    const e = evaluate(kb, outside);
    expect(e.offTopic).toBe(12);
    expect(e.declined / e.offTopic).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps the in-house set's hit@1 at or above 85%", () => {
    const e = evaluate(kb, inHouse);
    expect(e.hit1 / e.onTopic).toBeGreaterThanOrEqual(0.85);
  });
});

describe("evaluate", () => {
  // One article, two units; each question's expectation is hand-set so every count is known.
  const tiny = createKnowledgeBase([
    articleFrom(
      "caps",
      "Renewal caps",
      ["renewal cap"],
      "## Q: What is a renewal cap?\nA: A renewal cap limits the yearly uplift, such as 3%.\n\n## Q: How should the cap be applied?\nA: Apply the renewal cap to every year of the term.",
    ),
  ]);

  it("counts a fully correct answer, a missing fact, a wrong article, a correct and a wrong decline", () => {
    const e = evaluate(tiny, [
      { question: "What is a renewal cap?", articles: ["caps"], mustContain: [["3%", "three"]] },
      { question: "What is a renewal cap?", articles: ["caps"], mustContain: ["CPI"] },
      { question: "What is a renewal cap?", articles: ["other"], mustContain: ["cap"] },
      { question: "what's the weather in Leeds", decline: true },
      { question: "What is a renewal cap?", decline: true },
    ]);
    expect([e.onTopic, e.hit1, e.hit3, e.fullyCorrect, e.offTopic, e.declined]).toEqual([
      3, 2, 2, 1, 2, 1,
    ]);
    expect(e.misses.map((m) => m.why)).toEqual([
      "lacks CPI",
      "answered from caps; expected other",
      "answered from caps",
    ]);
  });
});
