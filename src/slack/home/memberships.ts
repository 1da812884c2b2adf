/**
 * Which of some channels a user is still a member of, asked of Slack (users.conversations: the
 * public channels the user is in and the private ones the bot shares with them), a bounded number
 * of pages, stopping once every channel asked about is found. A DM with dealdesk is the user's own
 * and can't be left, so it is not asked about.
 */
import type { webApi } from "@slack/bolt";

/** Pages of users.conversations read at most; a channel beyond them is treated as not joined. */
export const MEMBERSHIP_PAGES = 5;
const PAGE_SIZE = 200;

const isDm = (channelId: string) => channelId.startsWith("D");

/** The channel ids among `channelIds` that `userId` is a member of. Throws when Slack refuses. */
export async function memberChannels(
  client: webApi.WebClient,
  userId: string,
  channelIds: readonly string[],
): Promise<Set<string>> {
  const found = new Set(channelIds.filter(isDm));
  const wanted = new Set(channelIds.filter((c) => !isDm(c)));
  let cursor: string | undefined;
  for (let page = 0; page < MEMBERSHIP_PAGES && wanted.size > 0; page++) {
    const res = await client.users.conversations({
      user: userId,
      types: "public_channel,private_channel,mpim",
      exclude_archived: true,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const channel of res.channels ?? []) {
      if (channel.id && wanted.delete(channel.id)) found.add(channel.id);
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return found;
}
