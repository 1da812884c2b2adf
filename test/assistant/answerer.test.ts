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
    // Generous: a loaded machine must not turn a normal answer into a timeout. The hang test
    // sets its own small budget.
    OPENAI_TIMEOUT_MS: String(options.timeoutMs ?? 30_000),
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
  it("works a pasted quote out with the quote reader and does not ask the model", async () => {
    // The model would invent a figure if it were asked; it must not be.
    const answerer = await answererFor([finalMessage("You pay 195.46.")]);
    const r = await ask(
      "Quote: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift",
      answerer,
    );
    // 260 × £62 × 12 = £193,440; × 1.05 = £203,112; × 1.05² = £213,267.60; total £609,819.60.
    expect(JSON.stringify([r.headline, r.tables])).toContain("£609,819.60");
    expect(r.data).not.toMatchObject({ answeredBy: "model" });
    expect(server?.received).toHaveLength(0);
  });

  it("renders the figures the model cites from the cost tool, and shows the calculator's working", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "cost", args: COST_ARGS }),
      finalMessage(
        "The mix costs {{cost.optionAnnual}} against {{cost.baselineAnnual}}, saving {{cost.saving}} ({{cost.savingPercent}}). Most of it comes from the lower named rate.",
      ),
    ]);
    const r = await ask(COST_QUESTION, answerer);
    expect(r.headline).toBe(
      "The mix costs £294,000 a year against £600,000 a year, saving £306,000 a year (51%).",
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
      "Answered by the model (test-model); every figure in it was inserted by code from the calculators' results, never written by the model.",
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
    const toolResult = JSON.parse(toolMessage?.content ?? "{}") as {
      figures?: { cite: string; shows: string }[];
    };
    expect(toolResult).toMatchObject({ ok: true, headline: COST_HEADLINE });
    // The model is told which figures it may cite and how each will read.
    expect(toolResult.figures).toContainEqual(
      expect.objectContaining({ cite: "{{cost.saving}}", shows: "£306,000 a year" }),
    );
  });

  it("logs each request with an id, tokens and latency, and the answer's totals, without contents or the key", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "cost", args: COST_ARGS }),
      finalMessage("It costs {{cost.optionAnnual}}."),
    ]);
    await ask(COST_QUESTION, answerer);
    const requests = events("llm.request");
    expect(requests).toHaveLength(2);
    const answerId = String(requests[0]?.id).replace(/\.1\.1$/, "");
    expect(answerId).toMatch(/^ans-[0-9a-f]{8}$/);
    expect(requests.map((r) => r.id)).toEqual([`${answerId}.1.1`, `${answerId}.2.1`]);
    for (const line of requests) {
      expect(line).toMatchObject({
        level: "info",
        attempt: 1,
        outcome: "ok",
        status: 200,
        promptTokens: 120,
        completionTokens: 30,
      });
      expect(typeof line.latencyMs).toBe("number");
    }
    // Two requests of 120 prompt and 30 completion tokens each: 240 + 60 = 300.
    expect(events("llm.answer")[0]).toMatchObject({
      id: answerId,
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
    expect(all).not.toContain("It costs");
  });

  it("logs a retry under the same request id, with its wait, then the attempt that answered", async () => {
    const answerer = await answererFor(
      [
        { json: { error: { message: "busy" } }, status: 503, headers: { "retry-after-ms": "1" } },
        finalMessage("Concurrent suits staff who log in occasionally."),
      ],
      { maxRetries: 1 },
    );
    await ask("is concurrent cheaper for our HR team?", answerer);
    const [retry, answered] = events("llm.request");
    expect(retry).toMatchObject({
      level: "warn",
      attempt: 1,
      outcome: "retry",
      status: 503,
      waitMs: 1,
      promptTokens: null,
      completionTokens: null,
    });
    expect(answered).toMatchObject({ attempt: 2, outcome: "ok", promptTokens: 120 });
    expect(String(answered?.id)).toBe(String(retry?.id).replace(/\.1$/, ".2"));
  });

  it("rejects a reply with an invented figure and gives the deterministic answer instead", async () => {
    const answerer = await answererFor([
      toolCalls({ id: "call_1", name: "cost", args: COST_ARGS }),
      // The model writes figures itself (even a right one, £294,000): none of it is used.
      finalMessage("The mixed plan costs £294,000, about £350,000 below list: a 58% saving."),
    ]);
    const r = await ask(COST_QUESTION, answerer);
    expect(r.headline).toBe(COST_HEADLINE);
    expect(r.data).toMatchObject({
      answeredBy: "knowledge-base",
      grounding: { rejected: true, problems: expect.arrayContaining(["numeral"]) },
      routedTo: "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
    });
    expect(r.notes.at(-1)).toBe(
      "Answered from the knowledge base: the model's reply wrote a figure itself instead of citing a calculator's result, so its reply was not used.",
    );
    // The reason is logged as codes; the reply's content is not.
    expect(events("llm.reply_rejected")).toEqual([
      expect.objectContaining({ level: "warn", problems: ["numeral", "figure-symbol"] }),
    ]);
    expect(JSON.stringify(logLines)).not.toContain("350,000");
    expect(events("llm.answer")[0]).toMatchObject({
      answeredBy: "knowledge-base",
      reason: "ungrounded",
    });
  });

  it("refuses a cap laundered through the renewal tool, and the user never sees it", async () => {
    const answerer = await answererFor([
      // The user gave no cap; the model calls renewal with a "market standard" 7%.
      toolCalls({
        id: "call_1",
        name: "renewal",
        args: { annualAmount: 294000, years: 3, capPercent: 7 },
      }),
      finalMessage("Ask for a {{renewal.capPercent}} cap; that is the market standard."),
    ]);
    const r = await ask(
      "What cap should we ask for on our £294,000 renewal over 3 years?",
      answerer,
    );
    expect(r.data).toMatchObject({ answeredBy: "knowledge-base" });
    // The model's reply is not shown (the knowledge base may quote caps of its own, with sources).
    expect(JSON.stringify([r.headline, r.notes, r.tables])).not.toContain("market standard");
    const refusal = server?.received[1]?.body.messages?.find((m) => m.role === "tool");
    expect(JSON.parse(refusal?.content ?? "{}")).toMatchObject({ ok: false, numbers: [7] });
    expect(events("llm.tool_refused")).toEqual([
      expect.objectContaining({ tool: "renewal", unsupportedNumbers: 1 }),
    ]);
  });

  it("rejects a figure the model made up without calling any tool", async () => {
    const answerer = await answererFor([finalMessage("A sensible renewal cap is 4% a year.")]);
    const r = await ask("what is a sensible renewal cap?", answerer);
    expect(r.data).toMatchObject({
      answeredBy: "knowledge-base",
      grounding: { rejected: true, problems: expect.arrayContaining(["numeral"]) },
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
    const r = await ask(COST_QUESTION, answerer);
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
      toolCalls({ id: "call_1", name: "renewal", args: { annualAmount: "294k", years: 3 } }),
      toolCalls({
        id: "call_2",
        name: "renewal",
        args: { annualAmount: 294000, years: 3, capPercent: 3 },
      }),
      finalMessage("Over the term at the cap you pay {{renewal.termTotal}}."),
    ]);
    const r = await ask("renewal of 294k over three years with a 3% cap?", answerer);
    // 294,000 + 302,820 + 311,904.60 = 908,724.60 (the renewal calculator's figure).
    expect(r.headline).toBe("Over the term at the cap you pay £908,724.60 over 3 years.");
    expect(r.data).toMatchObject({
      answeredBy: "model",
      calculations: [{ command: "renewal 294000 --years 3 --cap 3%" }],
    });
    const second = server?.received[1]?.body.messages?.find((m) => m.role === "tool");
    expect(JSON.parse(second?.content ?? "{}")).toEqual({
      ok: false,
      error: "invalid arguments",
      issues: ["annualAmount: Invalid input: expected number, received string"],
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
