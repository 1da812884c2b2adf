/**
 * Where the "Change rates" form was opened (team, channel, thread, upload), carried through Slack
 * in the modal's private_metadata, sealed to the user who opened it: a submission by anyone else,
 * from another workspace, or with edited metadata is refused.
 */
import type { ActionBinder } from "../action-state/binder.js";
import { PURPOSE } from "../action-state/purposes.js";
import { peek } from "../action-state/seal.js";

export interface RatesOrigin {
  readonly teamId: string;
  readonly channelId: string;
  readonly threadTs?: string;
  readonly fileId?: string;
}

/** Slack's limit on a view's private_metadata. */
const METADATA_LIMIT = 3000;

export function sealRatesOrigin(binder: ActionBinder, o: RatesOrigin, userId: string): string {
  const state = {
    c: o.channelId,
    ...(o.threadTs ? { th: o.threadTs } : {}),
    ...(o.fileId ? { f: o.fileId } : {}),
  };
  const binding = { teamId: o.teamId, channelId: o.channelId, userId };
  return binder.value(PURPOSE.rates, binding, state, METADATA_LIMIT);
}

/** The origin, when the metadata was sealed for this user in this workspace. */
export async function openRatesOrigin(
  binder: ActionBinder,
  metadata: string,
  submitter: { readonly teamId: string; readonly userId: string },
): Promise<RatesOrigin | undefined> {
  // The channel is inside the sealed state; it is checked by the seal itself.
  const channelId = peek(metadata)?.c;
  if (!channelId) return undefined;
  const binding = { teamId: submitter.teamId, channelId, userId: submitter.userId };
  const state = await binder.open(PURPOSE.rates, binding, metadata);
  if (!state) return undefined;
  return {
    teamId: submitter.teamId,
    channelId,
    ...(state.th ? { threadTs: state.th } : {}),
    ...(state.f ? { fileId: state.f } : {}),
  };
}
