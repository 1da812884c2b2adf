/**
 * End to end: `ask` with the real `openai` client talking to a local OpenAI-compatible server that
 * returns scripted tool calls and final messages, including faulty ones.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type AnswererOptions, createAnswerer } from "../../src/assistant/answerer.js";
import { askCommand } from "../../src/commands/ask/command.js";
import type { QuestionAnswerer } from "../../src/commands/context.js";
import type { Reply } from "../../src/commands/reply.js";
import { parseConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { testContext } from "../commands/context.js";
import {
  type FakeOpenAi,
  finalMessage,
  type Scripted,
  startFakeOpenAi,
  toolCalls,
} from "./fake-openai.js";

const COST_QUESTION =
  "What would 150 named at 70 and 100 concurrent at 140 cost against 500 named at 100?";
// The cost calculator, as the deterministic path runs it: 150 × £70 × 12 = £126,000;
// 100 × £140 × 12 = £168,000; mixed £294,000 against 500 × £100 × 12 = £600,000; saving
// £306,000 = 51% of £600,000.
const COST_HEADLINE = "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%).";
const COST_ARGS = {
  plans: [
    {
      lines: [
        { seats: 150, type: "named", price: 70 },
        { seats: 100, type: "concurrent", price: 140 },
      ],
    },
    { lines: [{ seats: 500, type: "named", price: 100 }] },
  ],
};

let server: FakeOpenAi | undefined;
let logLines: Record<string, unknown>[] = [];

afterEach(async () => {
  await server?.close();
  server = undefined;
  logLines = [];
});

async function answererFor(
  script: readonly Scripted[],
  options: { timeoutMs?: number } & AnswererOptions = {},
): Promise<QuestionAnswerer> {
  server = await startFakeOpenAi(script);
  const config = parseConfig({
    OPENAI_API_KEY: "test-key-123",
    OPENAI_BASE_URL: server.url,
    OPENAI_MODEL: "test-model",
    OPENAI_TIMEOUT_MS: String(options.timeoutMs ?? 500),
  });
  if (!config.ok) throw new Error(config.message);
  const logger = createLogger((line) => logLines.push(JSON.parse(line) as Record<string, unknown>));
  const answerer = createAnswerer(config.config, { maxRetries: 0, logger, ...options });
  if (!answerer) throw new Error("no answerer");
  return answerer;
}

async function ask(question: string, answerer: QuestionAnswerer): Promise<Reply> {
  const out = await askCommand.run(question, testContext({ answerer }));
  if (!out.ok) throw new Error(out.issues.map((i) => i.message).join("; "));
  return out.reply;
}

function events(name: string): Record<string, unknown>[] {
  return logLines.filter((l) => l.event === name);
}

describe("createAnswerer", () => {
  it("is undefined without OPENAI_API_KEY, so ask keeps its deterministic path", () => {
    const config = parseConfig({ OPENAI_BASE_URL: "http://127.0.0.1:9/v1" });
    expect(config.ok && createAnswerer(config.config)).toBeUndefined();
  });
});

describe("ask with a model (local OpenAI-compatible server)", () => {
  it("accepts an answer whose figures come from the cost tool, and shows the calculator's working", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "cost", args: COST_ARGS }),
      finalMessage(
        "The mix of 150 named and 100 concurrent costs £294,000 a year against £600,000, saving £306,000 (51%). Most of it comes from the lower named rate.",
      ),
    ]);
    const r = await ask(COST_QUESTION, answerer);
    expect(r.headline).toBe(
      "The mix of 150 named and 100 concurrent costs £294,000 a year against £600,000, saving £306,000 (51%).",
    );
    expect(r.data).toMatchObject({
      answeredBy: "model",
      model: "test-model",
      noAnswer: false,
      calculations: [{ command: "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100" }],
    });
    expect(r.notes).toEqual([
      "Most of it comes from the lower named rate.",
      "Worked out with: cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
      "Answered by the model (test-model); every figure in it was checked against the calculators' results, the knowledge base and your question.",
    ]);
    expect(r.working).toContain("mixed, named: 150 × £70 × 12 = £126,000 a year");
    expect(r.tables.length).toBeGreaterThan(0);

    const [first, second] = server?.received ?? [];
    expect(server?.received).toHaveLength(2);
    expect(first?.path).toBe("/v1/chat/completions");
    expect(first?.authorization).toBe("Bearer test-key-123");
    expect(first?.body.model).toBe("test-model");
    expect(first?.body.tools?.map((t) => t.function.name)).toEqual([
      "cost",
      "tiers",
      "renewal",
      "impl",
      "search_knowledge",
    ]);
    // The second request carries the tool's result, computed here by the cost calculator.
    const toolMessage = second?.body.messages?.find((m) => m.role === "tool");
    expect(toolMessage?.tool_call_id).toBe("call_1");
    expect(JSON.parse(toolMessage?.content ?? "{}")).toMatchObject({
      ok: true,
      headline: COST_HEADLINE,
    });
  });

  it("logs tokens and latency per request and per answer, without the question or the key", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "cost", args: COST_ARGS }),
      finalMessage("It costs £294,000 a year."),
    ]);
    await ask(COST_QUESTION, answerer);
    const completions = events("llm.completion");
    expect(completions).toHaveLength(2);
    expect(completions[0]).toMatchObject({
      level: "info",
      model: "test-model",
      turn: 1,
      promptTokens: 120,
      completionTokens: 30,
      toolCalls: ["cost"],
    });
    expect(typeof completions[0]?.latencyMs).toBe("number");
    // Two requests of 120 prompt and 30 completion tokens each: 240 + 60 = 300.
    expect(events("llm.answer")[0]).toMatchObject({
      answeredBy: "model",
      turns: 2,
      tools: ["cost"],
      promptTokens: 240,
      completionTokens: 60,
      totalTokens: 300,
    });
    const all = JSON.stringify(logLines);
    expect(all).not.toContain("test-key-123");
    expect(all).not.toContain("150 named at 70");
  });

  it("rejects a reply with an invented figure and gives the deterministic answer instead", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "cost", args: COST_ARGS }),
      // £350,000 and 58% are in no tool result and not in the question.
      finalMessage("The mixed plan costs £294,000, about £350,000 below list: a 58% saving."),
    ]);
    const r = await ask(COST_QUESTION, answerer);
    expect(r.headline).toBe(COST_HEADLINE);
    expect(r.data).toMatchObject({
      answeredBy: "knowledge-base",
      grounding: { rejected: true, figures: ["£350,000", "58%"] },
      routedTo: "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
    });
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model's reply quoted figures that no calculator or source produced (£350,000, 58%), so its reply was not used.",
    );
    expect(events("llm.grounding_rejected")).toEqual([
      expect.objectContaining({ level: "warn", model: "test-model", figures: ["£350,000", "58%"] }),
    ]);
    expect(events("llm.answer")[0]).toMatchObject({
      answeredBy: "knowledge-base",
      reason: "ungrounded",
    });
  });

  it("rejects a figure the model made up without calling any tool", async () => {
    const answerer = await answererFor([finalMessage("A sensible renewal cap is 4% a year.")]);
    const r = await ask("what is a sensible renewal cap?", answerer);
    expect(r.data).toMatchObject({
      answeredBy: "knowledge-base",
      grounding: { rejected: true, figures: ["4%"] },
      noAnswer: false,
    });
    expect((r.data.sources as { id: string }[])[0]?.id).toBe("renewal-caps");
  });

  it("falls back on a response that is not a completion", async () => {
    const answerer = await answererFor([{ json: { hello: "world" } }]);
    const r = await ask(COST_QUESTION, answerer);
    expect(r.headline).toBe(COST_HEADLINE);
    expect(r.data.answeredBy).toBe("knowledge-base");
    expect("grounding" in r.data).toBe(false);
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model's response could not be read.",
    );
  });

  it("falls back on a body that is not JSON, and on an empty message", async () => {
    const broken = await answererFor([{ text: "<html>502 Bad Gateway</html>" }]);
    expect((await ask(COST_QUESTION, broken)).data.answeredBy).toBe("knowledge-base");
    await server?.close();
    const empty = await answererFor([finalMessage("   ")]);
    const r = await ask(COST_QUESTION, empty);
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model's response could not be read.",
    );
  });

  it("retries an HTTP 500 and then falls back, without crashing", async () => {
    const error = {
      json: { error: { message: "boom" } },
      status: 500,
      headers: { "retry-after-ms": "1" },
    };
    const answerer = await answererFor([error, error], { maxRetries: 1 });
    const r = await ask(COST_QUESTION, answerer);
    expect(server?.received).toHaveLength(2);
    expect(r.headline).toBe(COST_HEADLINE);
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model endpoint answered HTTP 500.",
    );
    expect(events("llm.fallback")[0]).toMatchObject({ reason: "endpoint", status: 500 });
  });

  it("recovers when a retried 500 is followed by a good answer", async () => {
    const answerer = await answererFor(
      [
        { json: { error: { message: "busy" } }, status: 503, headers: { "retry-after-ms": "1" } },
        finalMessage("Concurrent suits staff who log in occasionally."),
      ],
      { maxRetries: 1 },
    );
    const r = await ask("is concurrent cheaper for our HR team?", answerer);
    expect(r.data.answeredBy).toBe("model");
    expect(r.headline).toBe("Concurrent suits staff who log in occasionally.");
  });

  it("gives up on a slow endpoint after the timeout and answers from the knowledge base", async () => {
    const answerer = await answererFor([{ hang: true }], { timeoutMs: 300 });
    const started = Date.now();
    const r = await ask(COST_QUESTION, answerer);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.headline).toBe(COST_HEADLINE);
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model did not answer within 300 ms.",
    );
    expect(events("llm.answer")[0]).toMatchObject({ reason: "timeout" });
  });

  it("falls back when the endpoint cannot be reached", async () => {
    const answerer = await answererFor([]);
    await server?.close();
    const r = await ask(COST_QUESTION, answerer);
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model endpoint could not be reached.",
    );
  });

  it("never sends an e-mail address or phone number in the question to the model", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "search_knowledge", args: { query: "concurrent HR team" } }),
      finalMessage("Usually, yes: occasional users share a small concurrent pool."),
    ]);
    const r = await ask(
      "Is concurrent cheaper for our HR team? Send it to jane.doe@acme.co.uk or call +44 20 7946 0958",
      answerer,
    );
    expect(r.data.answeredBy).toBe("model");
    expect(server?.received).toHaveLength(2);
    for (const request of server?.received ?? []) {
      expect(request.raw).not.toContain("jane.doe");
      expect(request.raw).not.toContain("acme.co.uk");
      expect(request.raw).not.toContain("7946");
    }
    const user = server?.received[0]?.body.messages?.find((m) => m.role === "user");
    expect(user?.content).toBe(
      "Is concurrent cheaper for our HR team? Send it to [email] or call [phone]",
    );
    // The knowledge search ran here; its articles are the answer's sources.
    expect((r.data.sources as unknown[]).length).toBeGreaterThan(0);
    expect(r.notes.some((n) => n.startsWith("Sources: "))).toBe(true);
  });

  it("answers a bad tool argument with an error the model can correct", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "renewal", args: { annualAmount: -1, years: 3 } }),
      toolCalls({
        id: "call_2",
        name: "renewal",
        args: { annualAmount: 294000, years: 3, capPercent: 3 },
      }),
      finalMessage("Over 3 years at a 3% cap you pay £908,724.60."),
    ]);
    const r = await ask("renewal of 294k over three years with a 3% cap?", answerer);
    // 294,000 + 302,820 + 311,904.60 = 908,724.60 (the renewal calculator's figure).
    expect(r.data).toMatchObject({
      answeredBy: "model",
      calculations: [{ command: "renewal 294000 --years 3 --cap 3%" }],
    });
    const second = server?.received[1]?.body.messages?.find((m) => m.role === "tool");
    expect(JSON.parse(second?.content ?? "{}")).toEqual({
      ok: false,
      error: "invalid arguments",
      issues: ["annualAmount: Too small: expected number to be >0"],
    });
  });

  it("gives up when the model keeps calling tools past its turn budget", async () => {
    const call = toolCalls({ id: "call_x", name: "search_knowledge", args: { query: "cap" } });
    const answerer = await answererFor([call, call, call], { maxTurns: 2 });
    const r = await ask("what is a sensible renewal cap?", answerer);
    expect(server?.received).toHaveLength(2);
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model gave no final answer after 2 turns.",
    );
  });

  it("tells the model about a tool that does not exist", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "send_email", args: {} }),
      finalMessage("I can only cost plans and search the knowledge base."),
    ]);
    const r = await ask("email the vendor for me", answerer);
    expect(r.data.answeredBy).toBe("model");
    const tool = server?.received[1]?.body.messages?.find((m) => m.role === "tool");
    expect(JSON.parse(tool?.content ?? "{}")).toEqual({
      ok: false,
      error: "there is no tool named send_email",
    });
  });
});
