/**
 * Which channel a "Delete this channel's data" click may forget: the channel the click came from,
 * when the button was sealed for it and for the clicker (the requester). Anything else is refused
 * with one line to the clicker.
 */
import { refuseAction } from "../action-state/refuse.js";
import type { ButtonArgs } from "../buttons/clicked.js";
import type { DealScope } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import { forgetIsFor } from "./forget-seal.js";

export const NOT_YOUR_FORGET =
  "Only the person who typed /deal forget can confirm it, in the channel it was typed in. Type /deal forget yourself to see the prompt.";

/** The channel the click came from, when the prompt was made there for the clicker. */
export async function clickedScope(
  args: ButtonArgs,
  deps: SlackDeps,
): Promise<DealScope | undefined> {
  const { body, action } = args;
  const channelId = body.channel?.id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channelId || !teamId) return undefined;
  const scope = { teamId, channelId };
  if (await forgetIsFor(deps.binder, scope, body.user.id, action.value)) return scope;
  const who = { action: action.action_id, teamId, channelId, userId: body.user.id };
  await refuseAction({ client: args.client, logger: args.logger, ...who }, NOT_YOUR_FORGET);
  return undefined;
}
