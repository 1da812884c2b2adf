/**
 * One question answered by the model: the model picks tools, the tools run here (calculators on
 * this machine, knowledge search over our articles), and the model phrases the answer. The final
 * reply is used only if every figure in it appears in a tool result or in the question.
 */
import type OpenAI from "openai";
import type { Calculation, ModelAnswer } from "../commands/ask/model-answer.js";
import type { CommandContext } from "../commands/context.js";
import type { Source } from "../knowledge/answer.js";
import type { Logger } from "../log.js";
import { redactText } from "../redact.js";
import { readTurn } from "./completion.js";
import { checkGrounding } from "./grounding.js";
import { type Message, wireMessages, wireTools } from "./messages.js";
import { SYSTEM_PROMPT } from "./prompt.js";
import { type ModelTool, type ToolOutput, toolContent } from "./tools/tool.js";

/** Articles cited under a model answer: the first found, as many as a deterministic answer cites. */
const MAX_SOURCES = 3;

export interface ConversationDeps {
  readonly client: OpenAI;
  readonly model: string;
  readonly tools: readonly ModelTool[];
  readonly logger: Logger;
  /** Model turns allowed, tool rounds included, before giving up. */
  readonly maxTurns: number;
}

/** Token and turn counts across one answer, for the summary log line. */
export interface Usage {
  turns: number;
  promptTokens: number;
  completionTokens: number;
  readonly tools: string[];
}

async function runTool(
  tools: readonly ModelTool[],
  name: string,
  args: string,
  ctx: CommandContext,
): Promise<ToolOutput> {
  const tool = tools.find((t) => t.name === name);
  if (!tool)
    return { content: toolContent({ ok: false, error: `there is no tool named ${name}` }) };
  try {
    return await tool.call(args, ctx);
  } catch {
    // A calculator that throws is a bug in dealdesk; the model is told the tool failed, not why.
    return { content: toolContent({ ok: false, error: `the ${name} tool failed` }) };
  }
}

export async function converse(
  question: string,
  ctx: CommandContext,
  deps: ConversationDeps,
  request: { readonly signal: AbortSignal; readonly deadline: number },
  usage: Usage,
): Promise<ModelAnswer> {
  const asked = redactText(question);
  const messages: Message[] = [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: asked },
  ];
  /** What the model was given that figures may come from: the question and every tool result. */
  const evidence: string[] = [asked];
  const calculations: Calculation[] = [];
  const sources = new Map<string, Source>();
  const tools = wireTools(deps.tools);

  for (let turn = 1; turn <= deps.maxTurns; turn++) {
    const remaining = request.deadline - Date.now();
    if (remaining <= 0) throw new DeadlineReached();
    const started = Date.now();
    const response: unknown = await deps.client.chat.completions.create(
      { model: deps.model, messages: wireMessages(messages), tools },
      { signal: request.signal, timeout: remaining },
    );
    const read = readTurn(response);
    usage.turns = turn;
    usage.promptTokens += read?.promptTokens ?? 0;
    usage.completionTokens += read?.completionTokens ?? 0;
    deps.logger.log("info", "llm.completion", {
      model: deps.model,
      turn,
      promptTokens: read?.promptTokens ?? 0,
      completionTokens: read?.completionTokens ?? 0,
      latencyMs: Date.now() - started,
      toolCalls: read?.toolCalls.map((c) => c.name) ?? [],
      readable: read !== undefined,
    });
    if (!read) {
      return { ok: false, reason: "malformed", detail: "the model's response could not be read" };
    }
    if (read.toolCalls.length === 0) {
      const check = checkGrounding(read.content, evidence);
      if (!check.grounded) {
        deps.logger.log("warn", "llm.grounding_rejected", {
          model: deps.model,
          figures: check.figures,
        });
        return {
          ok: false,
          reason: "ungrounded",
          detail: `the model's reply quoted figures that no calculator or source produced (${check.figures.join(", ")})`,
          figures: check.figures,
        };
      }
      return {
        ok: true,
        text: read.content,
        model: deps.model,
        sources: [...sources.values()].slice(0, MAX_SOURCES),
        calculations,
      };
    }
    messages.push({ role: "assistant", content: read.content, toolCalls: read.toolCalls });
    for (const call of read.toolCalls) {
      usage.tools.push(call.name);
      const out = await runTool(deps.tools, call.name, call.arguments, ctx);
      messages.push({ role: "tool", toolCallId: call.id, content: out.content });
      evidence.push(redactText(out.content));
      if (out.calculation) calculations.push(out.calculation);
      for (const s of out.sources ?? []) sources.set(s.id, s);
    }
  }
  return {
    ok: false,
    reason: "malformed",
    detail: `the model gave no final answer after ${deps.maxTurns} turns`,
  };
}

/** The whole answer's time budget ran out between requests. */
export class DeadlineReached extends Error {
  constructor() {
    super("the answer's time budget ran out");
    this.name = "DeadlineReached";
  }
}
