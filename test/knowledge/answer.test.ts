import { describe, expect, it } from "vitest";
import { answerQuestion, NO_ANSWER } from "../../src/knowledge/answer.js";
import { defaultKnowledgeBase } from "../../src/knowledge/knowledge.js";
import type { KnowledgeBase } from "../../src/knowledge/search.js";

const loaded = defaultKnowledgeBase();
if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
const kb: KnowledgeBase = loaded.value;

describe("answerQuestion", () => {
  it("answers in two to four sentences taken from the cited articles", () => {
    for (const question of [
      "Is concurrent cheaper for our HR team?",
      "What's a sane renewal cap?",
      "How often can the vendor audit us?",
      "Can the vendor use our ticket data to train their AI?",
    ]) {
      const a = answerQuestion(kb, question);
      expect(a.noAnswer, question).toBe(false);
      expect(a.sentences.length, question).toBeGreaterThanOrEqual(2);
      expect(a.sentences.length, question).toBeLessThanOrEqual(4);
      const cited = kb.passages.filter((p) => a.sources.some((s) => s.id === p.articleId));
      for (const s of a.sentences) {
        expect(
          cited.some((p) => p.sentences.includes(s)),
          `${question}: "${s}" comes from a cited article`,
        ).toBe(true);
      }
    }
  });

  it("answers a definition with the glossary entry alone, not its unrelated neighbour", () => {
    const a = answerQuestion(kb, "What does ESM stand for?");
    expect(a.sources).toEqual([
      { id: "glossary", title: "Glossary of licensing and contract terms" },
    ]);
    expect(a.sentences).toEqual([
      "ESM: enterprise service management, service desk practice extended beyond IT to HR, finance, facilities and other departments.",
    ]);
  });

  it("cites the article that holds the answer", () => {
    const a = answerQuestion(kb, "What's a sane renewal cap?");
    expect(a.sources[0]).toEqual({
      id: "renewal-caps",
      title: "Renewal caps on the annual uplift",
    });
    expect(a.text).toContain("fixed cap at or below expected inflation");
  });

  it("finds the HR answer through the user groups a partner's guide recommends", () => {
    const a = answerQuestion(kb, "Is concurrent cheaper for our HR team?");
    expect(a.sources.map((s) => s.id)).toContain("expanding-beyond-it");
    expect(a.text).toContain("concurrent pool");
  });

  it.each([
    "what's the weather in Leeds",
    "who won the football last night",
    "what time is it in Sydney",
    "what is the price of a coffee",
    "how do I reset my password in Halo",
    "what's our share price today",
    "can you book me a meeting room for tuesday",
    "tell me a joke",
  ])("says plainly that %j has no answer", (question) => {
    const a = answerQuestion(kb, question);
    expect(a).toEqual({ noAnswer: true, text: NO_ANSWER, sentences: [], sources: [] });
  });
});
