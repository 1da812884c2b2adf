/** `concurrency PATH`: how many people are online at once, and what a smaller pool would refuse. */
import type { Command } from "../command.js";
import { fileCommand } from "./file-command.js";
import { CONCURRENCY_INFO } from "./info.js";

export const concurrencyCommand: Command = fileCommand({
  ...CONCURRENCY_INFO,
  mode: "concurrency",
});
