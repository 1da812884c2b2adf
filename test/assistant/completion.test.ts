import { describe, expect, it } from "vitest";
import { readTurn } from "../../src/assistant/completion.js";

function completion(message: unknown, usage?: unknown) {
  return { choices: [{ index: 0, message }], ...(usage === undefined ? {} : { usage }) };
}

describe("readTurn", () => {
  it("reads a final message and its token counts", () => {
    expect(
      readTurn(
        completion(
          { role: "assistant", content: " Yes. " },
          { prompt_tokens: 9, completion_tokens: 2 },
        ),
      ),
    ).toEqual({ content: "Yes.", toolCalls: [], promptTokens: 9, completionTokens: 2 });
  });

  it("reads function tool calls, counting missing usage as zero tokens", () => {
    const turn = readTurn(
      completion({
        role: "assistant",
        content: null,
        tool_calls: [{ id: "c1", type: "function", function: { name: "cost", arguments: "{}" } }],
      }),
    );
    expect(turn).toEqual({
      content: "",
      toolCalls: [{ id: "c1", name: "cost", arguments: "{}" }],
      promptTokens: 0,
      completionTokens: 0,
    });
  });

  it.each([
    ["no choices", { choices: [] }],
    ["not an object", "<html>"],
    ["an empty message", completion({ role: "assistant", content: "" })],
    [
      "a custom tool call",
      completion({
        role: "assistant",
        tool_calls: [{ id: "c1", type: "custom", custom: { name: "x", input: "" } }],
      }),
    ],
    [
      "negative token counts",
      completion({ content: "Hi" }, { prompt_tokens: -1, completion_tokens: 0 }),
    ],
  ])("is undefined for %s", (_label, response) => {
    expect(readTurn(response)).toBeUndefined();
  });
});
