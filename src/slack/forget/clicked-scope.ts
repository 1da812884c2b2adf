/**
 * Which channel a "Delete this channel's data" click may forget: the button carries the channel
 * the prompt was made for, and it must be the channel the click came from.
 */
import { z } from "zod";
import type { ButtonArgs } from "../buttons/clicked.js";
import type { DealScope } from "../deal-context.js";

const valueSchema = z.object({ c: z.string().min(1).max(64) });

/** The channel the click came from, when it matches the channel the prompt was made for. */
export function clickedScope(args: ButtonArgs): DealScope | undefined {
  const { body, action } = args;
  const channelId = body.channel?.id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channelId || !teamId) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(action.value ?? "");
  } catch {
    return undefined;
  }
  const parsed = valueSchema.safeParse(value);
  if (!parsed.success || parsed.data.c !== channelId) return undefined;
  return { teamId, channelId };
}
