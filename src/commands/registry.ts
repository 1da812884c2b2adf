/** Every user command, in the order `help` lists them. Adding a command means adding it here. */
import { askCommand } from "./ask.js";
import type { Command } from "./command.js";
import { costCommand } from "./cost.js";
import { implementationCommand } from "./implementation.js";
import { renewalCommand } from "./renewal.js";
import { tiersCommand } from "./tiers.js";

export const commands: readonly Command[] = [
  costCommand,
  tiersCommand,
  renewalCommand,
  implementationCommand,
  askCommand,
];

export function findCommand(word: string): Command | undefined {
  const w = word.toLowerCase();
  return commands.find((c) => c.name === w || c.aliases.includes(w));
}
