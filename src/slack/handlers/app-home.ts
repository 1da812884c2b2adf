/**
 * App Home: published fresh each time the user opens it. With a store, the channels are those
 * where the user did something with dealdesk (from the audit trail, so they survive a restart)
 * and the analyses are the newest saved in those channels — each read with that channel's scope.
 * Without one, both come from the app's bounded memory.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from "@slack/bolt";
import type { Store } from "../../store/store.js";
import { homeView } from "../blocks/home.js";
import type { DealScope } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import type { Analysis } from "../memory.js";
import { describeStoredAnalysis } from "../saving/describe.js";

/** Channels listed, and analyses shown (newest first across them). */
export const HOME_CHANNELS = 20;
export const HOME_ANALYSES = 10;

const key = (s: DealScope) => `${s.teamId}/${s.channelId}`;

/** The user's channels: the store's (newest activity first), then any only memory knows. */
async function channelsOf(
  deps: SlackDeps,
  store: Store | undefined,
  teamId: string | undefined,
  userId: string,
): Promise<DealScope[]> {
  const stored = store && teamId ? await store.audit.channelsOf(teamId, userId) : [];
  const seen = new Set(stored.map(key));
  const remembered = deps.memory.channels(userId).filter((s) => !seen.has(key(s)));
  return [...stored, ...remembered].slice(0, HOME_CHANNELS);
}

async function storedAnalyses(store: Store, scopes: readonly DealScope[]): Promise<Analysis[]> {
  const lists = await Promise.all(
    scopes.map((scope) => store.analyses.list(scope, { limit: HOME_ANALYSES })),
  );
  return lists
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id))
    .slice(0, HOME_ANALYSES)
    .map((a) => ({ scope: a.scope, headline: describeStoredAnalysis(a), at: a.createdAt }));
}

export function appHomeHandler(deps: SlackDeps) {
  return async ({
    event,
    body,
    client,
    logger,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    try {
      const { store } = deps;
      const teamId = (body as { team_id?: string }).team_id;
      const scopes = await channelsOf(deps, store, teamId, event.user);
      const deals = await Promise.all(
        scopes.map(async (scope) => {
          const deal = await deps.deals.get(scope);
          return deal ? { scope, deal } : { scope };
        }),
      );
      const view = store
        ? homeView(deals, await storedAnalyses(store, scopes), "Recent analyses in your channels")
        : homeView(deals, deps.memory.analyses(event.user));
      await client.views.publish({ user_id: event.user, view: view as unknown as types.HomeView });
    } catch (error) {
      logFailure(logger, "publishing App Home", error);
    }
  };
}
