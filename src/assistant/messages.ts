/**
 * The conversation sent to the model, built only from strings we control, and scrubbed again just
 * before every request: the last guard that no e-mail address or phone number leaves.
 */
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from "openai/resources/chat/completions";
import { redactText } from "../redact.js";
import type { ToolCall } from "./completion.js";
import type { ModelTool } from "./tools/tool.js";

/** The four kinds of message this answerer sends, with string content only. */
export type Message =
  | { readonly role: "system"; readonly content: string }
  | { readonly role: "user"; readonly content: string }
  | {
      readonly role: "assistant";
      readonly content: string;
      readonly toolCalls: readonly ToolCall[];
    }
  | { readonly role: "tool"; readonly toolCallId: string; readonly content: string };

function wireMessage(m: Message): ChatCompletionMessageParam {
  const content = redactText(m.content);
  if (m.role === "system") return { role: "system", content };
  if (m.role === "user") return { role: "user", content };
  if (m.role === "tool") return { role: "tool", tool_call_id: m.toolCallId, content };
  if (m.toolCalls.length === 0) return { role: "assistant", content };
  return {
    role: "assistant",
    content: content === "" ? null : content,
    tool_calls: m.toolCalls.map((c) => ({
      id: c.id,
      type: "function" as const,
      function: { name: c.name, arguments: redactText(c.arguments) },
    })),
  };
}

/** The messages in the wire format, every text and tool argument redacted. */
export function wireMessages(messages: readonly Message[]): ChatCompletionMessageParam[] {
  return messages.map(wireMessage);
}

export function wireTools(tools: readonly ModelTool[]): ChatCompletionTool[] {
  return tools.map((t) => ({
    type: "function" as const,
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}
