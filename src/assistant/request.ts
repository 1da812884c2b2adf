/**
 * One Chat Completions request, with dealdesk's own retries inside the answer's deadline. The
 * SDK's retries are off (maxRetries 0): its sleeps cannot be cut short, so a `Retry-After: 200`
 * would hold a three-second answer for 200 s. Here a wait that would end past the deadline is not
 * started — the answer falls back at once — and every attempt is logged with an id, its outcome,
 * token counts and latency, never the messages and never the key.
 */
import type OpenAI from "openai";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { Logger } from "../log.js";
import type { Clock } from "./clock.js";

/** The whole answer's time budget ran out, or a retry would have to wait past it. */
export class DeadlineReached extends Error {
  constructor() {
    super("the answer's time budget ran out");
    this.name = "DeadlineReached";
  }
}

export interface RequestDeps {
  readonly client: OpenAI;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Retries after the first attempt (connection errors, 408, 409, 429, 5xx). */
  readonly maxRetries: number;
}

export interface RequestBudget {
  readonly signal: AbortSignal;
  /** Clock time by which the whole answer must be done. */
  readonly deadline: number;
  /** Names this request in the log: `<answer id>.<turn>`; attempts add `.<n>`. */
  readonly id: string;
}

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8000;

function retryable(error: unknown): boolean {
  if (error instanceof APIConnectionTimeoutError) return false;
  if (error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError) || error.status === undefined) return false;
  const s = error.status;
  return s === 408 || s === 409 || s === 429 || s >= 500;
}

/** The server's requested wait in ms (`retry-after-ms`, `retry-after` seconds or HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now: number): number | undefined {
  const ms = headers?.get("retry-after-ms");
  if (ms != null && ms.trim() !== "" && Number.isFinite(Number(ms))) {
    return Math.max(0, Number(ms));
  }
  const after = headers?.get("retry-after")?.trim();
  if (after === undefined || after === "") return undefined;
  if (/^\d+(?:\.\d+)?$/.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

function usageOf(data: unknown): { promptTokens: number | null; completionTokens: number | null } {
  const usage = (data as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } })
    ?.usage;
  const count = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    promptTokens: count(usage?.prompt_tokens),
    completionTokens: count(usage?.completion_tokens),
  };
}

export async function requestCompletion(
  deps: RequestDeps,
  body: ChatCompletionCreateParamsNonStreaming,
  budget: RequestBudget,
): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const id = `${budget.id}.${attempt}`;
    const started = deps.clock.now();
    const remaining = budget.deadline - started;
    if (remaining <= 0) throw new DeadlineReached();
    try {
      const { data, request_id } = await deps.client.chat.completions
        .create(body, { signal: budget.signal, timeout: remaining, maxRetries: 0 })
        .withResponse();
      deps.logger.log("info", "llm.request", {
        id,
        attempt,
        outcome: "ok",
        status: 200,
        ...usageOf(data),
        latencyMs: deps.clock.now() - started,
        ...(request_id ? { serverRequestId: request_id } : {}),
      });
      return data;
    } catch (error) {
      const now = deps.clock.now();
      const status = error instanceof APIError ? (error.status ?? null) : null;
      const base = {
        id,
        attempt,
        status,
        promptTokens: null,
        completionTokens: null,
        latencyMs: now - started,
        error: error instanceof Error ? error.name : typeof error,
      };
      const canRetry = retryable(error) && attempt <= deps.maxRetries;
      if (!canRetry) {
        deps.logger.log("warn", "llm.request", { ...base, outcome: "failed" });
        throw error;
      }
      const headers = error instanceof APIError ? error.headers : undefined;
      const wait = retryAfterMs(headers, now) ?? backoffMs(attempt - 1);
      if (now + wait >= budget.deadline) {
        deps.logger.log("warn", "llm.request", {
          ...base,
          outcome: "gave-up",
          waitMs: wait,
          reason: "the retry wait would end past the answer's deadline",
        });
        throw new DeadlineReached();
      }
      deps.logger.log("warn", "llm.request", { ...base, outcome: "retry", waitMs: wait });
      await deps.clock.sleep(wait, budget.signal);
    }
  }
}
