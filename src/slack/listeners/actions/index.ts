import type { App, BlockButtonAction } from "@slack/bolt";
import { ACTIONS, NEXT_ACTION } from "../../blocks/buttons.js";
import type { SlackDeps } from "../../deps.js";
import {
  BRIEF_DOCX,
  commandButtonHandler,
  DRAFT_ASKS,
  nextCommandHandler,
  openRatesHandler,
  showWorkingHandler,
} from "../../handlers/actions.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.working, showWorkingHandler(deps));
  app.action<BlockButtonAction>(NEXT_ACTION, nextCommandHandler(deps));
  app.action<BlockButtonAction>(
    ACTIONS.draft,
    commandButtonHandler(deps, DRAFT_ASKS, "Drafting the asks"),
  );
  app.action<BlockButtonAction>(
    ACTIONS.brief,
    commandButtonHandler(deps, BRIEF_DOCX, "The DOCX brief"),
  );
  app.action<BlockButtonAction>(ACTIONS.rates, openRatesHandler(deps));
}
