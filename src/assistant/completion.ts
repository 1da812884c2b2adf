/**
 * Reading a Chat Completions response defensively. A compatible server may return anything: no
 * choices, a message without content or tool calls, a tool call of another kind. Anything that is
 * not a readable assistant turn is "malformed", and the caller falls back.
 */
import { z } from "zod";

const toolCallSchema = z.object({
  id: z.string().min(1),
  type: z.literal("function"),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z.array(toolCallSchema).nullish(),
        }),
      }),
    )
    .min(1),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative(),
      completion_tokens: z.number().int().nonnegative(),
    })
    .nullish(),
});

export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

export interface Turn {
  readonly content: string;
  readonly toolCalls: readonly ToolCall[];
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** The assistant's turn, or undefined when the response is not one. */
export function readTurn(response: unknown): Turn | undefined {
  const parsed = completionSchema.safeParse(response);
  if (!parsed.success) return undefined;
  const message = parsed.data.choices[0]?.message;
  if (!message) return undefined;
  const toolCalls = (message.tool_calls ?? []).map((c) => ({
    id: c.id,
    name: c.function.name,
    arguments: c.function.arguments,
  }));
  const content = (message.content ?? "").trim();
  if (content === "" && toolCalls.length === 0) return undefined;
  return {
    content,
    toolCalls,
    promptTokens: parsed.data.usage?.prompt_tokens ?? 0,
    completionTokens: parsed.data.usage?.completion_tokens ?? 0,
  };
}
