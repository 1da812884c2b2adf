/**
 * `upload PATH` (the console's `/upload PATH`): analyse a file the way Slack does when one is
 * dropped in a channel — the kind of file decides: a roster is right-sized, a session or event log
 * gets concurrency and, with rates, the cheapest split.
 */
import type { Command } from "../command.js";
import { FILE_OPTIONS_HELP, fileCommand } from "./file-command.js";

export const uploadCommand: Command = fileCommand({
  name: "upload",
  aliases: ["file", "analyse", "analyze"],
  summary: "Analyse a roster, session log or event log, whichever it is (like a Slack upload).",
  usage: "upload PATH [--named 70 --concurrent 140] [--rate 70] [--roster roster.csv]",
  examples: [
    "upload examples/sessions.csv --named 70 --concurrent 140",
    "upload examples/roster.csv --rate 70",
    "upload examples/logon.csv",
  ],
  help: [
    "Detects the kind of file from its columns: a roster (one row per user) is right-sized; a session or event log gets its concurrency and, when rates are known, the cheapest named/concurrent split.",
    ...FILE_OPTIONS_HELP,
  ],
  mode: "auto",
});
