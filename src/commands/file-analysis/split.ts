/** `split PATH`: the cost-optimal named/concurrent split of a session or event log. */
import type { Command } from "../command.js";
import { fileCommand } from "./file-command.js";
import { SPLIT_INFO } from "./info.js";

export const splitCommand: Command = fileCommand({
  ...SPLIT_INFO,
  mode: "split",
});
