/**
 * App Home: published fresh each time the user opens it, with the user's channels' deals and the
 * recent analyses in them (what is listed: src/slack/home/home-contents.ts). When the lists can't
 * be made (Slack won't say which channels the user is in, or the store is unavailable) no channel
 * is listed, and the tab says why and what to do; the log has the error.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from "@slack/bolt";
import { isStorageUnavailable } from "../../store/unavailable.js";
import { homeView } from "../blocks/home.js";
import type { SlackDeps } from "../deps.js";
import { channelsOf, storedAnalyses } from "../home/home-contents.js";
import { memberChannels } from "../home/memberships.js";
import { logFailure } from "../log-failure.js";
import { slackErrorCode } from "../send/post.js";

export function appHomeHandler(deps: SlackDeps) {
  return async ({
    event,
    body,
    client,
    logger,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    const publish = (view: ReturnType<typeof homeView>) =>
      client.views.publish({ user_id: event.user, view: view as unknown as types.HomeView });
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
      await publish(view);
    } catch (error) {
      logFailure(logger, "publishing App Home", error);
      await publish(homeView([], [], undefined, homeNotice(error))).catch((again: unknown) =>
        logFailure(logger, "publishing App Home's notice", again),
      );
    }
  };
}

/** Why App Home lists nothing this time, in the user's terms. */
export function homeNotice(error: unknown): string {
  if (slackErrorCode(error) === "missing_scope") {
    return "I can't check which channels you're in, so I list none: dealdesk's Slack app needs the channels:read, groups:read and mpim:read scopes. Ask whoever installed it to reinstall it from its manifest.";
  }
  if (isStorageUnavailable(error)) {
    return "dealdesk's storage is unavailable right now, so I can't list your channels. Open this tab again in a minute.";
  }
  return "I couldn't list your channels just now (the details are in dealdesk's log). Open this tab again to retry.";
}
