/** `rightsize PATH`: how many licences a roster really needs, and what the rest cost a year. */
import type { Command } from "../command.js";
import { fileCommand } from "./file-command.js";
import { RIGHTSIZE_INFO } from "./info.js";

export const rightsizeCommand: Command = fileCommand({
  ...RIGHTSIZE_INFO,
  mode: "rightsize",
});
