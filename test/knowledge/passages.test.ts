import { describe, expect, it } from "vitest";
import type { Article } from "../../src/knowledge/article.js";
import { passagesOf, plainText, sentencesOf } from "../../src/knowledge/passages.js";

function article(body: string): Article {
  return { id: "t", title: "Test", tags: ["x"], sources: ["dealdesk"], body, file: "t.md" };
}

describe("plainText", () => {
  it("removes emphasis, code marks and links", () => {
    expect(plainText("**Cap** the `uplift`, see [caps](caps.md) and *why*.")).toBe(
      "Cap the uplift, see caps and why.",
    );
  });
});

describe("sentencesOf", () => {
  it("does not split inside numbers or before a lower-case word", () => {
    expect(
      sentencesOf("CPI was 4.1% in year 2. Then 3.2%, e.g. in May. dealdesk shows it."),
    ).toEqual(["CPI was 4.1% in year 2.", "Then 3.2%, e.g. in May.", "dealdesk shows it."]);
  });
});

describe("passagesOf", () => {
  it("makes one passage per paragraph, labels it with its heading, and keeps an intro with its list", () => {
    const passages = passagesOf(
      article(
        [
          "First paragraph. Second sentence.",
          "## Asks",
          "Ask for these:",
          "- a cap on the uplift\n- exit rights.",
        ].join("\n\n"),
      ),
    );
    expect(passages.map((p) => [p.id, p.heading, p.sentences])).toEqual([
      ["t#1", undefined, ["First paragraph.", "Second sentence."]],
      ["t#2", "Asks", ["Ask for these:", "a cap on the uplift.", "exit rights."]],
    ]);
  });
});
