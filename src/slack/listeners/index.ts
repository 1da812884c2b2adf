/**
 * Registers every listener; each folder's index.ts only registers its handlers. First, one global
 * middleware makes each delivery act once, whichever listener takes it (src/slack/exactly-once/).
 */
import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { exactlyOnce } from "../exactly-once/middleware.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerViews } from "./views/index.js";

export function registerListeners(app: App, deps: SlackDeps): void {
  app.use(exactlyOnce(deps));
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
