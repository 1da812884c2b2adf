/**
 * The OpenAI client: the real `openai` package, Chat Completions, pointed at OPENAI_BASE_URL when
 * set (Azure, Ollama, vLLM and other compatible servers) and given our timeout and retry budget.
 * The SDK's own logging is off: the answerer logs what matters, without message contents.
 */
import OpenAI from "openai";

export interface ChatClientSettings {
  /** Secret. */
  readonly apiKey: string;
  readonly baseUrl?: string;
  /** Per HTTP request; the answerer also bounds the whole answer by the same budget. */
  readonly timeoutMs: number;
  /** Retries on connection errors, 408, 409, 429 and 5xx, with the SDK's backoff. */
  readonly maxRetries: number;
}

export const DEFAULT_MAX_RETRIES = 2;

export function createChatClient(settings: ChatClientSettings): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey,
    ...(settings.baseUrl === undefined ? {} : { baseURL: settings.baseUrl }),
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    logLevel: "off",
  });
}
