/**
 * The model answerer `ask` uses when OPENAI_API_KEY is set. `createAnswerer(config)` returns
 * undefined without a key, so front ends can put its result straight into the command context.
 * Every failure — HTTP error, unreachable endpoint, slow answer, unreadable response, a reply that
 * writes its own figures — becomes a fallback the caller answers deterministically; nothing
 * throws. The whole answer, every request and retry and Retry-After wait included, is bounded by
 * OPENAI_TIMEOUT_MS.
 */
import { randomUUID } from "node:crypto";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { ModelAnswer } from "../commands/ask/model-answer.js";
import type { CommandContext, QuestionAnswerer } from "../commands/context.js";
import type { Config } from "../config.js";
import { createLogger, type Logger } from "../log.js";
import { createChatClient, DEFAULT_MAX_RETRIES } from "./client.js";
import { type Clock, systemClock } from "./clock.js";
import { type ConversationDeps, converse, type Usage } from "./conversation.js";
import { DeadlineReached } from "./request.js";
import { modelTools } from "./tools/index.js";

export { DeadlineReached } from "./request.js";

export interface AnswererOptions {
  /** Where log lines go; JSON lines on stderr by default. */
  readonly logger?: Logger;
  /** Retries per request (connection errors, 408, 409, 429, 5xx); 2 by default. */
  readonly maxRetries?: number;
  /** Model turns per answer, tool rounds included; 5 by default. */
  readonly maxTurns?: number;
  /** The clock and the wait between retries; the system's by default (tests inject their own). */
  readonly clock?: Clock;
}

const DEFAULT_MAX_TURNS = 5;

/** A failure to reach or read the model, as a fallback with a short reason for the user. */
function fallbackFor(error: unknown, timeoutMs: number): Extract<ModelAnswer, { ok: false }> {
  if (
    error instanceof DeadlineReached ||
    error instanceof APIUserAbortError ||
    error instanceof APIConnectionTimeoutError ||
    (error instanceof Error && error.name === "AbortError")
  ) {
    return {
      ok: false,
      reason: "timeout",
      detail: `the model did not answer within ${timeoutMs} ms`,
    };
  }
  if (error instanceof APIConnectionError) {
    return { ok: false, reason: "endpoint", detail: "the model endpoint could not be reached" };
  }
  if (error instanceof APIError && error.status !== undefined) {
    return {
      ok: false,
      reason: "endpoint",
      detail: `the model endpoint answered HTTP ${error.status}`,
    };
  }
  return { ok: false, reason: "malformed", detail: "the model's response could not be read" };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof APIError ? error.status : undefined;
}

export interface ModelAnswererSettings extends ConversationDeps {
  readonly timeoutMs: number;
}

/** The answerer over an existing client; `createAnswerer` builds one from config. */
export function modelAnswerer(settings: ModelAnswererSettings): QuestionAnswerer {
  const { logger, model, timeoutMs, clock } = settings;
  return {
    model,
    async answer(question: string, ctx: CommandContext): Promise<ModelAnswer> {
      const id = `ans-${randomUUID().slice(0, 8)}`;
      const started = clock.now();
      const usage: Usage = { turns: 0, promptTokens: 0, completionTokens: 0, tools: [] };
      // The backstop: whatever the clock says, no request outlives the budget in real time.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let outcome: ModelAnswer;
      try {
        outcome = await converse(
          question,
          ctx,
          settings,
          { signal: controller.signal, deadline: started + timeoutMs, id },
          usage,
        );
      } catch (error) {
        outcome = fallbackFor(controller.signal.aborted ? new DeadlineReached() : error, timeoutMs);
        logger.log("warn", "llm.fallback", {
          id,
          model,
          reason: outcome.reason,
          status: statusOf(error),
          error: error instanceof Error ? error.name : typeof error,
        });
      } finally {
        clearTimeout(timer);
      }
      logger.log(outcome.ok ? "info" : "warn", "llm.answer", {
        id,
        model,
        answeredBy: outcome.ok ? "model" : "knowledge-base",
        ...(outcome.ok ? {} : { reason: outcome.reason }),
        turns: usage.turns,
        tools: usage.tools,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        totalTokens: usage.promptTokens + usage.completionTokens,
        latencyMs: clock.now() - started,
      });
      return outcome;
    },
  };
}

/**
 * The answerer for `ask`, or undefined when OPENAI_API_KEY is not set. Front ends put it in the
 * command context: `{ defaultCurrency, answerer: createAnswerer(config) }`.
 */
export function createAnswerer(
  config: Config,
  options: AnswererOptions = {},
): QuestionAnswerer | undefined {
  const openai = config.openai;
  if (openai === undefined) return undefined;
  const client = createChatClient({
    apiKey: openai.apiKey,
    ...(openai.baseUrl === undefined ? {} : { baseUrl: openai.baseUrl }),
    timeoutMs: openai.timeoutMs,
  });
  return modelAnswerer({
    client,
    model: openai.model,
    tools: modelTools,
    logger: options.logger ?? createLogger(),
    maxTurns: options.maxTurns ?? DEFAULT_MAX_TURNS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    clock: options.clock ?? systemClock,
    timeoutMs: openai.timeoutMs,
  });
}
