/**
 * The forget prompt's button value: the channel, sealed to the team, the channel and the user who
 * asked, so only the requester can confirm, and only in that channel.
 */
import type { ActionBinder } from "../action-state/binder.js";
import { PURPOSE } from "../action-state/purposes.js";
import type { DealScope } from "../deal-context.js";

export function sealForget(binder: ActionBinder, scope: DealScope, userId: string): string {
  return binder.value(PURPOSE.forget, { ...scope, userId }, { c: scope.channelId });
}

/** True when the value was sealed for this user in this team and channel. */
export async function forgetIsFor(
  binder: ActionBinder,
  scope: DealScope,
  userId: string,
  raw: string | undefined,
): Promise<boolean> {
  const state = await binder.open(PURPOSE.forget, { ...scope, userId }, raw);
  return state?.c === scope.channelId;
}
