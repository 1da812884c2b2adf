/** Every user command, in the order `help` lists them. Adding a command means adding it here. */
import { askCommand } from "./ask/command.js";
import type { Command } from "./command.js";
import { costCommand } from "./cost/command.js";
import { briefCommand } from "./deal/brief.js";
import { emailCommand } from "./deal/email.js";
import { triageCommand } from "./deal/triage.js";
import { draftCommand } from "./draft/command.js";
import { concurrencyCommand } from "./file-analysis/concurrency.js";
import { rightsizeCommand } from "./file-analysis/rightsize.js";
import { splitCommand } from "./file-analysis/split.js";
import { uploadCommand } from "./file-analysis/upload.js";
import { implementationCommand } from "./impl/command.js";
import { renewalCommand } from "./renewal/command.js";
import { tiersCommand } from "./tiers/command.js";

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
