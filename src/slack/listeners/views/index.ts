import type { App } from "@slack/bolt";
import { RATES_CALLBACK } from "../../blocks/rates-modal.js";
import type { SlackDeps } from "../../deps.js";
import { ratesSubmitHandler } from "../../handlers/rates-submit.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view({ type: "view_submission", callback_id: RATES_CALLBACK }, ratesSubmitHandler(deps));
}
