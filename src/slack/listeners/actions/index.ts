import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTIONS, NEXT_ACTION } from "../../blocks/buttons.js";
import { FORGET_ACTIONS } from "../../blocks/forget-blocks.js";
import type { SlackDeps } from "../../deps.js";
import {
  briefDocxHandler,
  draftAsksHandler,
  nextCommandHandler,
  openRatesHandler,
  showWorkingHandler,
} from "../../handlers/actions.js";
import { forgetCancelHandler, forgetConfirmHandler } from "../../handlers/forget.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.working, showWorkingHandler(deps));
  app.action<BlockButtonAction>(NEXT_ACTION, nextCommandHandler(deps));
  app.action<BlockButtonAction>(ACTIONS.rates, openRatesHandler(deps));
  app.action<BlockButtonAction>(ACTIONS.asks, draftAsksHandler(deps));
  app.action<BlockButtonAction>(ACTIONS.brief, briefDocxHandler(deps));
  app.action<BlockButtonAction>(FORGET_ACTIONS.confirm, forgetConfirmHandler(deps));
  app.action<BlockButtonAction>(FORGET_ACTIONS.cancel, forgetCancelHandler(deps));
}
