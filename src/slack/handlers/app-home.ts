/** App Home: published fresh each time the user opens it. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, types } from "@slack/bolt";
import { homeView } from "../blocks/home.js";
import type { SlackDeps } from "../deps.js";
import { logFailure } from "./post.js";

export function appHomeHandler(deps: SlackDeps) {
  return async ({
    event,
    client,
    logger,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    try {
      const scopes = deps.memory.channels(event.user);
      const deals = await Promise.all(
        scopes.map(async (scope) => {
          const deal = await deps.deals.get(scope);
          return deal ? { scope, deal } : { scope };
        }),
      );
      const view = homeView(deals, deps.memory.analyses(event.user));
      await client.views.publish({ user_id: event.user, view: view as unknown as types.HomeView });
    } catch (error) {
      logFailure(logger, "publishing App Home", error);
    }
  };
}
