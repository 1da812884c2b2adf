import { describe, expect, it } from "vitest";
import { column, type Reply } from "../../src/commands/reply.js";
import { outcomeJson, renderReplyText } from "../../src/commands/reply-text.js";

const reply: Reply = {
  command: "draft",
  headline: "Renewal cap, preferred.",
  tables: [{ columns: [column("variable"), column("value", "right")], rows: [["cap", "3%"]] }],
  body: "1. First paragraph.\n\n2. Second paragraph.\n",
  notes: ["Protects against: uncapped rises."],
  working: ["3% of £100 = £3"],
  next: ["draft list"],
  data: { id: "renewal-cap", headline: "not allowed to override" },
};

describe("renderReplyText", () => {
  it("prints headline, tables, body, notes, then the hints, in that order", () => {
    const text = renderReplyText(reply, { working: false, workingHint: "Add --working." });
    const order = [
      "Renewal cap",
      "│ cap",
      "1. First",
      "2. Second",
      "• Protects",
      "Add --working.",
      "Next: draft list",
    ];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain("3% of £100");
  });

  it("shows the working when asked", () => {
    expect(renderReplyText(reply, { working: true })).toContain("Working:\n  3% of £100 = £3");
  });
});

describe("outcomeJson", () => {
  it("puts the command's data beside the reply fields, which data cannot override", () => {
    const json = outcomeJson({ ok: true, reply });
    expect(json).toMatchObject({
      ok: true,
      command: "draft",
      headline: "Renewal cap, preferred.",
      id: "renewal-cap",
      body: "1. First paragraph.\n\n2. Second paragraph.\n",
    });
  });

  it("gives the issues and usage of a failure", () => {
    const json = outcomeJson({
      ok: false,
      command: "cost",
      issues: [{ code: "price.not_positive", message: "bad", hint: "150 named @ 70" }],
      usage: "cost …",
    });
    expect(json).toEqual({
      ok: false,
      command: "cost",
      issues: [{ code: "price.not_positive", message: "bad", hint: "150 named @ 70" }],
      usage: "cost …",
    });
  });
});
