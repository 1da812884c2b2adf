/**
 * The OpenAI client: the real `openai` package, Chat Completions, pointed at OPENAI_BASE_URL when
 * set (Azure, Ollama, vLLM and other compatible servers). The SDK's own retries are off: its waits
 * (Retry-After included) cannot be cut short by the answer's deadline, so request.ts retries
 * instead. The SDK's own logging is off too: the answerer logs what matters, without contents.
 */
import OpenAI from "openai";

export interface ChatClientSettings {
  /** Secret. */
  readonly apiKey: string;
  readonly baseUrl?: string;
  /** Per HTTP request; the answerer also bounds the whole answer by the same budget. */
  readonly timeoutMs: number;
}

/** Retries after a first attempt (connection errors, 408, 409, 429, 5xx), within the deadline. */
export const DEFAULT_MAX_RETRIES = 2;

export function createChatClient(settings: ChatClientSettings): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey,
    ...(settings.baseUrl === undefined ? {} : { baseURL: settings.baseUrl }),
    timeout: settings.timeoutMs,
    maxRetries: 0,
    logLevel: "off",
  });
}
