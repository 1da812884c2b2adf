/**
 * One question answered by the model: the model picks tools, the tools run here (calculators on
 * this machine, knowledge search over our articles), and the model phrases the answer — without
 * writing a single figure. It cites calculator figures by reference (`{{cost.saving}}`) and code
 * renders them (figures/render.ts); a reply with a figure of its own, or a reference to nothing,
 * is not used. Tool arguments must hold only the user's own numbers (provenance.ts), at most
 * MAX_TOOL_CALLS calls are run per answer, and the turn count and deadline bound any loop.
 */
import type { Calculation, ModelAnswer } from "../commands/ask/model-answer.js";
import type { CommandContext } from "../commands/context.js";
import type { Source } from "../knowledge/answer.js";
import { redactText } from "../redact.js";
import { readTurn, type ToolCall } from "./completion.js";
import type { LabelledFigure } from "./figures/figure.js";
import { type RenderProblem, renderFinalText } from "./figures/render.js";
import { type Message, wireMessages, wireTools } from "./messages.js";
import { SYSTEM_PROMPT } from "./prompt.js";
import { checkProvenance, consumedValues, unusedFigures, userNumbers } from "./provenance.js";
import { type RequestDeps, requestCompletion } from "./request.js";
import { type ModelTool, type ToolOutput, toolContent } from "./tools/tool.js";

/** Articles cited under a model answer: the first found, as many as a deterministic answer cites. */
const MAX_SOURCES = 3;

/** Tool calls one answer may run, all turns together; a model asking for more is not used. */
export const MAX_TOOL_CALLS = 8;

export interface ConversationDeps extends RequestDeps {
  readonly model: string;
  readonly tools: readonly ModelTool[];
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

export interface AnswerBudget {
  readonly signal: AbortSignal;
  readonly deadline: number;
  /** Names the answer in every log line. */
  readonly id: string;
}

type Fallback = Extract<ModelAnswer, { ok: false }>;

const PROBLEM_DETAIL: Readonly<Record<RenderProblem, string>> = {
  numeral: "the model's reply wrote a figure itself instead of citing a calculator's result",
  "number-word": "the model's reply wrote a figure itself instead of citing a calculator's result",
  "figure-symbol":
    "the model's reply wrote a figure itself instead of citing a calculator's result",
  "hidden-characters": "the model's reply held hidden characters that could disguise a figure",
  markup: "the model's reply held markup that could disguise a figure",
  "unknown-figure": "the model's reply cited a figure no calculator produced",
  "unit-added": "the model's reply gave a calculator's figure another unit, period or currency",
  misattributed: "the model's reply described a calculator's figure as something else",
};

function rejectedReply(problems: readonly RenderProblem[]): Fallback {
  const details = [...new Set(problems.map((p) => PROBLEM_DETAIL[p]))];
  return { ok: false, reason: "ungrounded", detail: details.join("; "), problems };
}

async function runTool(
  tools: readonly ModelTool[],
  call: ToolCall,
  ctx: CommandContext,
): Promise<ToolOutput> {
  const tool = tools.find((t) => t.name === call.name);
  if (!tool)
    return { content: toolContent({ ok: false, error: `there is no tool named ${call.name}` }) };
  try {
    return await tool.call(call.arguments, ctx);
  } catch {
    // A calculator that throws is a bug in dealdesk; the model is told the tool failed, not why.
    return { content: toolContent({ ok: false, error: `the ${call.name} tool failed` }) };
  }
}

function parsedArguments(raw: string): unknown {
  try {
    return raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** What the model is told when a call used numbers the user never gave. */
function refusal(numbers: readonly number[], fractionForPercent: boolean): string {
  return toolContent({
    ok: false,
    error: "refused: these numbers are not in the user's message or the channel's deal",
    numbers,
    fix: [
      "Pass only numbers the user wrote, exactly as values (a price per month stays per month; set its period).",
      ...(fractionForPercent
        ? ["Percent fields take whole percents: three for a three per cent cap, not a fraction."]
        : []),
      "If the user has not given a figure the calculation needs, ask them for it instead of assuming one.",
    ],
  });
}

/**
 * The answer with the user's unused numbers named after it, in code's words: a figure the
 * question held that no calculation used (a dropped uplift, say) is never silently lost.
 */
function withUnusedNamed(text: string, unused: readonly string[]): string {
  if (unused.length === 0) return text;
  const separator = /[.!?]$/.test(text) ? " " : ". ";
  return `${text}${separator}Not used in any calculation: ${unused.join(", ")}.`;
}

/** The tool result with the figures the model may cite, each under its reference. */
function withFigures(content: string, figures: readonly LabelledFigure[]): string {
  const parsed = JSON.parse(content) as Record<string, unknown>;
  return toolContent({
    ...parsed,
    figures: figures.map((f) => ({ cite: `{{${f.ref}}}`, is: f.meaning, shows: f.text })),
  });
}

export async function converse(
  question: string,
  ctx: CommandContext,
  deps: ConversationDeps,
  budget: AnswerBudget,
  usage: Usage,
): Promise<ModelAnswer> {
  const asked = redactText(question);
  const given = userNumbers(asked, ctx.deal);
  const messages: Message[] = [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: asked },
  ];
  const figures: LabelledFigure[] = [];
  const resultsPerTool = new Map<string, number>();
  const calculations: Calculation[] = [];
  const sources = new Map<string, Source>();
  const tools = wireTools(deps.tools);
  let toolCallsRun = 0;
  /** Values of the user's that a calculator consumed, to name the ones it did not. */
  const consumed = new Set<string>();

  for (let turn = 1; turn <= deps.maxTurns; turn++) {
    const response = await requestCompletion(
      deps,
      { model: deps.model, messages: wireMessages(messages), tools },
      { signal: budget.signal, deadline: budget.deadline, id: `${budget.id}.${turn}` },
    );
    const read = readTurn(response);
    usage.turns = turn;
    usage.promptTokens += read?.promptTokens ?? 0;
    usage.completionTokens += read?.completionTokens ?? 0;
    deps.logger.log("info", "llm.turn", {
      id: `${budget.id}.${turn}`,
      toolCalls: read?.toolCalls.map((c) => c.name) ?? [],
      readable: read !== undefined,
    });
    if (!read) {
      return { ok: false, reason: "malformed", detail: "the model's response could not be read" };
    }
    if (read.toolCalls.length === 0) {
      const rendered = renderFinalText(read.content, figures);
      if (!rendered.ok) {
        deps.logger.log("warn", "llm.reply_rejected", {
          id: budget.id,
          problems: rendered.problems,
        });
        return rejectedReply(rendered.problems);
      }
      return {
        ok: true,
        text: withUnusedNamed(rendered.text, unusedFigures(asked, consumed)),
        model: deps.model,
        sources: [...sources.values()].slice(0, MAX_SOURCES),
        calculations,
      };
    }
    if (toolCallsRun + read.toolCalls.length > MAX_TOOL_CALLS) {
      deps.logger.log("warn", "llm.too_many_tool_calls", {
        id: budget.id,
        asked: toolCallsRun + read.toolCalls.length,
        limit: MAX_TOOL_CALLS,
      });
      return {
        ok: false,
        reason: "malformed",
        detail: `the model asked for more than ${MAX_TOOL_CALLS} tool calls`,
      };
    }
    messages.push({ role: "assistant", content: read.content, toolCalls: read.toolCalls });
    for (const call of read.toolCalls) {
      toolCallsRun++;
      usage.tools.push(call.name);
      const args = parsedArguments(call.arguments);
      const provenance =
        args === undefined ? { ok: true as const } : checkProvenance(call.name, args, given);
      if (!provenance.ok) {
        deps.logger.log("warn", "llm.tool_refused", {
          id: budget.id,
          tool: call.name,
          unsupportedNumbers: provenance.numbers.length,
        });
        const content = refusal(provenance.numbers, provenance.fractionForPercent);
        messages.push({ role: "tool", toolCallId: call.id, content });
        continue;
      }
      const out = await runTool(deps.tools, call, ctx);
      let content = out.content;
      if (out.calculation) {
        calculations.push(out.calculation);
        for (const value of consumedValues(args)) consumed.add(value);
        const n = (resultsPerTool.get(call.name) ?? 0) + 1;
        resultsPerTool.set(call.name, n);
        const label = n === 1 ? call.name : `${call.name}#${n}`;
        const labelled = (out.figures ?? []).map((f) => ({ ...f, ref: `${label}.${f.name}` }));
        figures.push(...labelled);
        content = withFigures(out.content, labelled);
      }
      messages.push({ role: "tool", toolCallId: call.id, content });
      for (const s of out.sources ?? []) sources.set(s.id, s);
    }
  }
  return {
    ok: false,
    reason: "malformed",
    detail: `the model gave no final answer after ${deps.maxTurns} turns`,
  };
}
