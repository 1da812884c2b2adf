import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { dealCommandHandler } from "../../handlers/slash-command.js";

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command("/deal", dealCommandHandler(deps));
}
