/**
 * `upload PATH` (the console's `/upload PATH`): analyse a file the way Slack does when one is
 * dropped in a channel — the kind of file decides: a roster is right-sized, a session or event log
 * gets concurrency and, with rates, the cheapest split.
 */
import type { Command } from "../command.js";
import { fileCommand } from "./file-command.js";
import { UPLOAD_INFO } from "./info.js";

export const uploadCommand: Command = fileCommand({
  ...UPLOAD_INFO,
  mode: "auto",
});
