/**
 * App Home: published fresh each time the user opens it, with the user's channels' deals and the
 * recent analyses in them (what is listed: src/slack/home/home-contents.ts). When Slack can't say
 * which channels the user is in, nothing is published: the log says why.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from "@slack/bolt";
import { homeView } from "../blocks/home.js";
import type { SlackDeps } from "../deps.js";
import { channelsOf, storedAnalyses } from "../home/home-contents.js";
import { memberChannels } from "../home/memberships.js";
import { logFailure } from "../log-failure.js";

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
      const scopes = await channelsOf(deps, store, teamId, event.user, (ids) =>
        memberChannels(client, event.user, ids),
      );
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
