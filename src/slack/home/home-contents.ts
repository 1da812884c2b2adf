/**
 * What App Home lists for a user: with a store, the channels where the user did something with
 * dealdesk (from the audit trail, so they survive a restart) and the newest analyses saved in
 * those channels. Without one, both come from the app's bounded memory.
 */
import type { Store } from "../../store/store.js";
import type { DealScope } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import type { Analysis } from "../memory.js";
import { describeStoredAnalysis } from "../saving/describe.js";

/** Channels listed, and analyses shown (newest first across them). */
export const HOME_CHANNELS = 20;
export const HOME_ANALYSES = 10;

const key = (s: DealScope) => `${s.teamId}/${s.channelId}`;

/**
 * The user's channels: the store's (newest activity first), then any only memory knows, keeping
 * only this workspace's channels the user is still a member of (a channel they left is not theirs).
 */
export async function channelsOf(
  deps: SlackDeps,
  store: Store | undefined,
  teamId: string | undefined,
  userId: string,
  isMember: (channelIds: readonly string[]) => Promise<Set<string>>,
): Promise<DealScope[]> {
  const stored = store && teamId ? await store.audit.channelsOf(teamId, userId) : [];
  const seen = new Set(stored.map(key));
  const remembered = deps.memory.channels(userId).filter((s) => !seen.has(key(s)));
  const candidates = [...stored, ...remembered]
    .filter((s) => teamId === undefined || s.teamId === teamId)
    .slice(0, HOME_CHANNELS);
  if (candidates.length === 0) return [];
  const members = await isMember(candidates.map((s) => s.channelId));
  return candidates.filter((s) => members.has(s.channelId));
}

/** The newest analyses saved in those channels, each read with its own channel's scope. */
export async function storedAnalyses(
  store: Store,
  scopes: readonly DealScope[],
): Promise<Analysis[]> {
  const lists = await Promise.all(
    scopes.map((scope) => store.analyses.list(scope, { limit: HOME_ANALYSES })),
  );
  return lists
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, HOME_ANALYSES)
    .map((a) => ({ scope: a.scope, headline: describeStoredAnalysis(a), at: a.createdAt }));
}
