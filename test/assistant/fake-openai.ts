/**
 * A local OpenAI-compatible HTTP server for tests: node:http on 127.0.0.1 with an ephemeral port.
 * Each POST /v1/chat/completions gets the next scripted response (a JSON body, an HTTP error, a
 * body that is not JSON, or no answer at all); every request is recorded as received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Scripted =
  | { readonly json: unknown; readonly status?: number; readonly headers?: Record<string, string> }
  | { readonly text: string; readonly status?: number; readonly headers?: Record<string, string> }
  | { readonly hang: true };

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  /** The raw body, for checking what left the machine. */
  readonly raw: string;
  readonly body: {
    model?: string;
    messages?: { role: string; content?: string | null; tool_call_id?: string }[];
    tools?: { type: string; function: { name: string } }[];
  };
}

export interface FakeOpenAi {
  /** Base URL for the client, e.g. http://127.0.0.1:41234/v1 */
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function respond(res: ServerResponse, step: Scripted | undefined): void {
  if (step === undefined) {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "the test script has no more responses" } }));
    return;
  }
  if ("hang" in step) return;
  const status = step.status ?? 200;
  if ("json" in step) {
    res.writeHead(status, { "content-type": "application/json", ...step.headers });
    res.end(JSON.stringify(step.json));
  } else {
    res.writeHead(status, { "content-type": "application/json", ...step.headers });
    res.end(step.text);
  }
}

export async function startFakeOpenAi(script: readonly Scripted[]): Promise<FakeOpenAi> {
  const queue = [...script];
  const received: Received[] = [];
  const server = createServer((req, res) => {
    readBody(req).then(
      (raw) => {
        let body: Received["body"] = {};
        try {
          body = JSON.parse(raw) as Received["body"];
        } catch {
          body = {};
        }
        received.push({
          method: req.method ?? "",
          path: req.url ?? "",
          authorization: req.headers.authorization,
          raw,
          body,
        });
        respond(res, queue.shift());
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const USAGE = { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 };

/** A completion whose assistant message calls tools. */
export function toolCalls(
  ...calls: readonly { id: string; name: string; args: unknown }[]
): Scripted {
  return {
    json: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 0,
      model: "test-model",
      choices: [
        {
          index: 0,
          finish_reason: "tool_calls",
          message: {
            role: "assistant",
            content: null,
            tool_calls: calls.map((c) => ({
              id: c.id,
              type: "function",
              function: {
                name: c.name,
                arguments: typeof c.args === "string" ? c.args : JSON.stringify(c.args),
              },
            })),
          },
        },
      ],
      usage: USAGE,
    },
  };
}

/** A completion whose assistant message is the final answer. */
export function finalMessage(content: string): Scripted {
  return {
    json: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 0,
      model: "test-model",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
      usage: USAGE,
    },
  };
}

/** A completion with any body the test wants in `choices` (empty, odd shapes). */
export function rawCompletion(choices: unknown): Scripted {
  return {
    json: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 0,
      model: "test-model",
      choices,
      usage: USAGE,
    },
  };
}

/** An HTTP error with an OpenAI-style body and optional headers (Retry-After…). */
export function httpError(status: number, headers: Record<string, string> = {}): Scripted {
  return {
    status,
    headers,
    json: { error: { message: `scripted ${status}`, type: "server_error" } },
  };
}
