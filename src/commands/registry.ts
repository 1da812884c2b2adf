/** Every user command, in the order `help` lists them. Adding a command means adding it here. */
import { askCommand } from "./ask.js";
import { briefCommand } from "./brief.js";
import type { Command } from "./command.js";
import { concurrencyCommand } from "./concurrency.js";
import { costCommand } from "./cost.js";
import { draftCommand } from "./draft.js";
import { emailCommand } from "./email.js";
import { implementationCommand } from "./implementation.js";
import { renewalCommand } from "./renewal.js";
import { rightsizeCommand } from "./rightsize.js";
import { splitCommand } from "./split.js";
import { tiersCommand } from "./tiers.js";
import { triageCommand } from "./triage.js";
import { uploadCommand } from "./upload.js";

export const commands: readonly Command[] = [
  costCommand,
  tiersCommand,
  renewalCommand,
  implementationCommand,
  splitCommand,
  concurrencyCommand,
  rightsizeCommand,
  uploadCommand,
  triageCommand,
  draftCommand,
  briefCommand,
  emailCommand,
  askCommand,
];

export function findCommand(word: string): Command | undefined {
  const w = word.toLowerCase();
  return commands.find((c) => c.name === w || c.aliases.includes(w));
}
