import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerQuestion, NO_ANSWER } from "../../src/knowledge/answer.js";
import { defaultKnowledgeBase } from "../../src/knowledge/knowledge.js";
import type { KnowledgeBase } from "../../src/knowledge/search.js";

const loaded = defaultKnowledgeBase();
if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
const kb: KnowledgeBase = loaded.value;

describe("answerQuestion", () => {
  it("answers with one unit of one article: its one-sentence answer, then at most two of its detail sentences", () => {
    for (const question of [
      "Is concurrent cheaper for our HR team?",
      "What's a sane renewal cap?",
      "How often can the vendor audit us?",
      "Can the vendor use our ticket data to train their AI?",
    ]) {
      const a = answerQuestion(kb, question);
      expect(a.noAnswer, question).toBe(false);
      expect(a.sources, question).toHaveLength(1);
      const unit = kb.passages.find(
        (p) => p.articleId === a.sources[0]?.id && p.answer === a.sentences[0],
      );
      expect(unit, `${question}: the first sentence is a unit's answer`).toBeDefined();
      expect(a.sentences.length, question).toBeLessThanOrEqual(3);
      for (const s of a.sentences.slice(1)) expect(unit?.detail, question).toContain(s);
      expect(a.answered, question).toBe(unit?.heading);
    }
  });

  it("answers a definition question with the definition", () => {
    const a = answerQuestion(kb, "What is a true-up?");
    expect(a.sentences[0]).toBe(
      "A true-up is the periodic reconciliation in which you pay for any use above what you bought.",
    );
  });

  it("answers a how-quickly question with the time", () => {
    const a = answerQuestion(kb, "How quickly must the vendor notify us of a breach?");
    expect(a.sources[0]?.id).toBe("data-security-privacy");
    expect(a.sentences[0]).toContain("72 hours");
  });

  it("answers a should-we question with the recommendation, not the definition", () => {
    const a = answerQuestion(kb, "Should we accept a CPI clause with a floor?");
    expect(a.sources[0]?.id).toBe("cpi-clauses");
    expect(a.sentences[0]).toMatch(/^Resist a floor/);
  });

  it("answers a definition with the glossary entry alone", () => {
    const a = answerQuestion(kb, "What does ESM stand for?");
    expect(a.sources).toEqual([
      { id: "glossary", title: "Glossary of licensing and contract terms" },
    ]);
    expect(a.sentences).toEqual([
      "ESM (enterprise service management) is service desk practice extended beyond IT to HR, finance, facilities and other departments.",
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

  it("finds the HR answer in the article on expanding beyond IT", () => {
    const a = answerQuestion(kb, "Is concurrent cheaper for our HR team?");
    expect(a.sources.map((s) => s.id)).toEqual(["expanding-beyond-it"]);
    expect(a.sentences[0]).toMatch(/concurrent pool .* costs far less than a named seat each\.$/);
  });

  it("never opens with a sentence that leans on text the reader has not seen", () => {
    const questions: { question: string }[] = [
      ...JSON.parse(readFileSync(new URL("./outside-questions.json", import.meta.url), "utf8")),
      ...JSON.parse(readFileSync(new URL("./questions.json", import.meta.url), "utf8")),
    ];
    for (const { question } of questions) {
      const first = answerQuestion(kb, question).sentences[0] ?? "";
      expect(first, question).not.toMatch(/\b(also|as well)\b|^(this|that|these|it|they)\b/i);
    }
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
    "What's the best laptop spec for service desk agents?",
    "How many days of annual leave do UK employees get?",
  ])("declines %j, saying what the knowledge base covers", (question) => {
    const a = answerQuestion(kb, question);
    expect(a).toEqual({ noAnswer: true, text: NO_ANSWER, sentences: [], sources: [] });
    expect(NO_ANSWER).toMatch(/^The knowledge base doesn't cover that; it covers negotiating ITSM/);
  });

  it.each([
    ["How much is Freshservice Pro per agent per month?", "Freshservice"],
    ["How do I configure SLA policies in Jira Service Management?", "Jira"],
    ["What does a ServiceNow ITSM Professional fulfiller licence cost?", "ServiceNow"],
  ])("declines another vendor's product question %j by name", (question, vendor) => {
    const a = answerQuestion(kb, question);
    expect(a.noAnswer).toBe(true);
    expect(a.text).toBe(
      `The knowledge base doesn't cover ${vendor}'s own prices, editions or set-up; it covers negotiating ITSM licences and contracts: named and concurrent seats, volume tiers, renewals and caps, true-ups, implementation, SLAs, audits, data, exit and vendor terms.`,
    );
  });

  it("still answers what the articles do say about other vendors: how they license", () => {
    const a = answerQuestion(kb, "Does ServiceNow offer concurrent licensing?");
    expect(a.noAnswer).toBe(false);
    expect(a.sources[0]?.id).toBe("market-licensing-models");
    expect(a.text).toContain("named-only");
  });
});
