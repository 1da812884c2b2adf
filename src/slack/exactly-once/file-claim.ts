/**
 * A shared file is analysed once per share: per team and channel (the same file shared in a
 * second channel is analysed there too), and per share message, so sharing the same file again
 * later (as our error texts suggest) is a new share and is analysed again. The two announcements
 * of one share, `file_shared` and a DM's `file_share` message (and their retries), agree on the
 * share's message ts, so only one of them acts.
 */
import type { Attempt } from "./attempt.js";
import { type ClaimDeps, claimOnce, FILE_HOLD_MS } from "./claim.js";

export interface FileShare {
  readonly fileId: string;
  readonly teamId: string;
  readonly channelId: string;
  /** The ts of the message that shared the file, when the event was that message. */
  readonly shareTs?: string;
  /** `file_shared`'s event_ts, to tell which of the file's shares in the channel it announces. */
  readonly eventTs?: string;
  /** The delivery's event id, the key's last resort when no share ts is known. */
  readonly eventId?: string;
}

/**
 * The share being announced: the message's own ts, else the file's share in this channel (from
 * files.info) nearest in time to the event — `file_shared` is sent as the message is posted.
 */
export function shareTsOf(file: FileShare, channelShares: readonly string[]): string | undefined {
  if (file.shareTs) return file.shareTs;
  if (file.eventTs === undefined) return channelShares[0];
  const at = Number(file.eventTs);
  let nearest: string | undefined;
  for (const ts of channelShares) {
    if (nearest === undefined || Math.abs(Number(ts) - at) < Math.abs(Number(nearest) - at)) {
      nearest = ts;
    }
  }
  return nearest;
}

const SAFE = /^[A-Za-z0-9.]{1,40}$/;

export function fileClaimKey(file: FileShare, shareTs: string | undefined): string {
  const which =
    shareTs && SAFE.test(shareTs)
      ? shareTs
      : file.eventId && SAFE.test(file.eventId)
        ? `event:${file.eventId}`
        : "any";
  return `file:${file.fileId}:${which}`;
}

/** True when this delivery may analyse the share (and now holds it for FILE_HOLD_MS). */
export async function claimFileShare(
  deps: ClaimDeps,
  file: FileShare,
  shareTs: string | undefined,
  attempt: Attempt,
): Promise<boolean> {
  const key = fileClaimKey(file, shareTs);
  const scope = { teamId: file.teamId, channelId: file.channelId };
  const taken = await claimOnce(deps, scope, key, FILE_HOLD_MS, attempt);
  if (!taken) deps.logger.info(`dealdesk: ${key} in ${file.channelId} is already being handled`);
  return taken;
}
