import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTIONS, NEXT_ACTION } from "../../blocks/buttons.js";
import type { SlackDeps } from "../../deps.js";
import {
  nextCommandHandler,
  openRatesHandler,
  showWorkingHandler,
} from "../../handlers/actions.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.working, showWorkingHandler(deps));
  app.action<BlockButtonAction>(NEXT_ACTION, nextCommandHandler(deps));
  app.action<BlockButtonAction>(ACTIONS.rates, openRatesHandler(deps));
}
