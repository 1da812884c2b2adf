/**
 * The buttons under a result and what each carries. A button's value says where its answer came
 * from: a remembered reply (`r`), the typed command to run again (`t`), an upload (`f`). The value
 * is sealed to its team and channel by `origin.seal` (src/slack/action-state/result-seal.ts).
 */
import { z } from "zod";
import type { Reply } from "../../commands/reply.js";
import { analysisFigures } from "../../drafting/deal-from-analysis.js";
import { LIMITS } from "./limits.js";
import { clip } from "./text.js";
import { type ActionsBlock, type ButtonElement, plain } from "./types.js";

export const ACTIONS = {
  working: "dealdesk.working",
  next: "dealdesk.next",
  rates: "dealdesk.rates",
  asks: "dealdesk.asks",
  brief: "dealdesk.brief",
} as const;

/** Action ids of the follow-up buttons are `dealdesk.next.0`, `.1`: unique within the block. */
export const NEXT_ACTION = /^dealdesk\.next\.\d+$/;

const valueSchema = z.object({
  r: z.string().max(64).optional(),
  // Any length: a command too long for a button value is kept server-side by the seal.
  t: z.string().optional(),
  f: z.string().max(64).optional(),
});
export type ButtonValue = z.infer<typeof valueSchema>;

/** Turns a button's state into the value Slack carries; sealed in the app, plain JSON in tests. */
export type SealValue = (value: ButtonValue) => string;

/** An opened (already checked) state as a button value; anything unexpected reads as empty. */
export function readValue(state: unknown): ButtonValue {
  const parsed = valueSchema.safeParse(state);
  return parsed.success ? parsed.data : {};
}

function button(actionId: string, label: string, value: string): ButtonElement {
  return {
    type: "button",
    action_id: actionId,
    text: plain(clip(label, LIMITS.buttonText)),
    value,
  };
}

export interface ButtonOrigin {
  /** Id of the remembered reply. */
  readonly replyId?: string;
  /** The text that produced the reply, when it was a typed command. */
  readonly commandText?: string;
  /** The upload the reply analysed, for "Change rates". */
  readonly uploadId?: string;
  /** Where the reply is posted, when the caller knows it: its buttons are sealed to it. */
  readonly scope?: { readonly teamId: string; readonly channelId: string };
  /** Seals each button's value (src/slack/action-state/result-seal.ts). */
  readonly seal?: SealValue;
}

/**
 * Show working, up to two follow-up commands, and on uploads Draft the asks and Brief as DOCX (when
 * the analysis was priced, which in Slack means the channel's deal had the rates) and Change rates.
 */
export function resultButtons(reply: Reply, origin: ButtonOrigin): ActionsBlock | undefined {
  const seal = origin.seal ?? JSON.stringify;
  const source = seal({
    ...(origin.replyId ? { r: origin.replyId } : {}),
    ...(origin.commandText ? { t: origin.commandText } : {}),
    ...(origin.uploadId ? { f: origin.uploadId } : {}),
  });
  const elements: ButtonElement[] = [];
  if (reply.working.length > 0) elements.push(button(ACTIONS.working, "Show working", source));
  reply.next.slice(0, 2).forEach((next, i) => {
    elements.push(button(`${ACTIONS.next}.${i}`, nextLabel(next), seal({ t: next })));
  });
  // Drafting needs a priced split or rightsize of a file: a typed command or an unpriced analysis
  // gets no drafting buttons, as a button that can only apologise is worse than none.
  if (origin.uploadId && analysisFigures(reply.data)) {
    elements.push(button(ACTIONS.asks, "Draft the asks", source));
    elements.push(button(ACTIONS.brief, "Brief as DOCX", source));
  }
  if (origin.uploadId) elements.push(button(ACTIONS.rates, "Change rates", source));
  // Slack refuses an actions block with no elements.
  return elements.length > 0
    ? { type: "actions", block_id: "dealdesk.result", elements }
    : undefined;
}

/** "renewal 294000 GBP years 3 cap 3%" → "Renewal 294000 GBP years 3 cap 3%", clipped to fit. */
function nextLabel(command: string): string {
  const text = command.charAt(0).toUpperCase() + command.slice(1);
  return clip(text, LIMITS.buttonText);
}
