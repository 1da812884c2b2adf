/**
 * Refusing an action whose state was not made where it came from: one line to the person alone,
 * and a log line with ids only (never the value, which can hold a typed command).
 */
import type { Logger, webApi } from "@slack/bolt";
import { renderNotice } from "../blocks/reply-blocks.js";
import { logFailure } from "../log-failure.js";
import { postEphemeral } from "../send/post.js";

export const NOT_FROM_HERE =
  "That button wasn't made for you here, so I did nothing. Run the command in this channel to get buttons of your own.";

export interface Refused {
  readonly client: webApi.WebClient;
  readonly logger: Logger;
  readonly action: string;
  readonly teamId: string;
  readonly channelId: string;
  readonly userId: string;
}

export function logRefusal(logger: Logger, r: Omit<Refused, "client" | "logger">): void {
  logger.warn(
    `dealdesk: refused ${r.action} from ${r.userId} in ${r.teamId}/${r.channelId}: its state was not made there`,
  );
}

export async function refuseAction(r: Refused, text = NOT_FROM_HERE): Promise<void> {
  logRefusal(r.logger, r);
  await postEphemeral(r.client, { channel: r.channelId }, r.userId, renderNotice(text)).catch(
    (error) => logFailure(r.logger, `telling ${r.userId} a ${r.action} was refused`, error),
  );
}
