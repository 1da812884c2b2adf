import { describe, expect, it } from "vitest";
import { passagesOf, plainText, sentencesOf } from "../../src/knowledge/passages.js";
import { articleFrom } from "./article-text.js";

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
  it("makes one passage per unit: its questions, its answer first, then the detail with a list kept whole", () => {
    const passages = passagesOf(
      articleFrom(
        "t",
        "Test",
        ["x"],
        [
          "## Q: What is a cap?",
          "Also: What does a **cap** do? | Is a cap worth having?",
          "A: A cap limits the yearly uplift.",
          "",
          "First detail. Second detail.",
          "",
          "## Q: What should we ask for?",
          "A: Ask for two things.",
          "",
          "Ask for these:",
          "",
          "- a cap on the uplift",
          "- exit rights.",
        ].join("\n"),
      ),
    );
    expect(passages.map((p) => [p.id, p.heading, p.questions, p.answer, p.detail])).toEqual([
      [
        "t#1",
        "What is a cap?",
        ["What is a cap?", "What does a cap do?", "Is a cap worth having?"],
        "A cap limits the yearly uplift.",
        ["First detail.", "Second detail."],
      ],
      [
        "t#2",
        "What should we ask for?",
        ["What should we ask for?"],
        "Ask for two things.",
        ["Ask for these:", "a cap on the uplift.", "exit rights."],
      ],
    ]);
    expect(passages[0]?.sentences).toEqual([
      "A cap limits the yearly uplift.",
      "First detail.",
      "Second detail.",
    ]);
    expect(passages[1]?.text).toBe(
      "Ask for two things. Ask for these: a cap on the uplift. exit rights.",
    );
  });
});
