import { describe, expect, it } from "vitest";
import { questionForm } from "../../src/knowledge/question-form.js";

describe("questionForm", () => {
  it.each([
    ["What is a true-up?", "definition"],
    ["what's an uplift", "definition"],
    ["What does ESM stand for?", "definition"],
    ["What's the difference between named and concurrent?", "difference"],
    ["How quickly must the vendor notify us of a breach?", "how-long"],
    ["How much notice before an audit?", "how-long"],
    ["When should we start the renewal?", "how-long"],
    ["How many concurrent licences do we need?", "how-many"],
    ["How often can they audit us?", "how-many"],
    ["What should we ask for on exit?", "ask-for"],
    ["What should the contract say about true-ups?", "ask-for"],
    ["Should we accept a CPI clause?", "should"],
    ["Is a three-year deal worth it?", "should"],
    ["Fixed price or time and materials?", "should"],
    ["What happens when the pool is full?", "what-happens"],
    ["How do we right-size agents?", "how-to"],
    ["Can we mix licence types?", "other"],
  ])("reads %j as %s", (question, form) => {
    expect(questionForm(question)).toBe(form);
  });

  it("does not take a longer what-question for a definition", () => {
    expect(questionForm("What is a reasonable cap on yearly price increases at renewal?")).not.toBe(
      "definition",
    );
  });
});
