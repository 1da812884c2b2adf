import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { appHomeHandler } from "../../handlers/app-home.js";
import { fileSharedHandler } from "../../handlers/file-shared.js";
import { directMessageHandler, mentionHandler } from "../../handlers/mention.js";

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event("app_mention", mentionHandler(deps));
  app.event("message", directMessageHandler(deps));
  app.event("file_shared", fileSharedHandler(deps));
  app.event("app_home_opened", appHomeHandler(deps));
}
