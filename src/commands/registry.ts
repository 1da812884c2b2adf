/**
 * Every user command, in the order `help` lists them. Adding a command means adding it here.
 *
 * Each entry is the command's metadata (its info.ts) with a `run` that imports the command module
 * on first use: listing, help and "did you mean" need only the metadata, and a one-shot `cost`
 * then never loads file analysis (csv-parse, the roster readers), drafting (handlebars, the
 * template catalogue) or the knowledge base, and answers within 4× a bare `node -e 0`.
 */
import { ASK_INFO } from "./ask/info.js";
import type { Command, CommandInfo } from "./command.js";
import { COMPARE_INFO } from "./compare/info.js";
import type { CommandContext } from "./context.js";
import { COST_INFO } from "./cost/info.js";
import { BRIEF_INFO, EMAIL_INFO, TRIAGE_INFO } from "./deal/info.js";
import { DRAFT_INFO } from "./draft/info.js";
import { CONCURRENCY_INFO, RIGHTSIZE_INFO, SPLIT_INFO, UPLOAD_INFO } from "./file-analysis/info.js";
import { IMPL_INFO } from "./impl/info.js";
import { HISTORY_INFO, OFFER_INFO } from "./offer/info.js";
import { REMINDERS_INFO } from "./reminders/info.js";
import { RENEWAL_INFO } from "./renewal/info.js";
import type { CommandOutcome } from "./reply.js";
import { TIERS_INFO } from "./tiers/info.js";

/** A command known by its metadata, whose module `load` imports the first time it runs. */
export function lazyCommand(info: CommandInfo, load: () => Promise<Command>): Command {
  return {
    ...info,
    async run(text: string, ctx: CommandContext): Promise<CommandOutcome> {
      return (await load()).run(text, ctx);
    },
  };
}

// Each import() names its module literally, so tsc checks the path and the architecture test
// (which follows dynamic imports when it looks for circles) sees the edge.
export const commands: readonly Command[] = [
  lazyCommand(COST_INFO, async () => (await import("./cost/command.js")).costCommand),
  lazyCommand(COMPARE_INFO, async () => (await import("./compare/command.js")).compareCommand),
  lazyCommand(TIERS_INFO, async () => (await import("./tiers/command.js")).tiersCommand),
  lazyCommand(RENEWAL_INFO, async () => (await import("./renewal/command.js")).renewalCommand),
  lazyCommand(IMPL_INFO, async () => (await import("./impl/command.js")).implementationCommand),
  lazyCommand(SPLIT_INFO, async () => (await import("./file-analysis/split.js")).splitCommand),
  lazyCommand(
    CONCURRENCY_INFO,
    async () => (await import("./file-analysis/concurrency.js")).concurrencyCommand,
  ),
  lazyCommand(
    RIGHTSIZE_INFO,
    async () => (await import("./file-analysis/rightsize.js")).rightsizeCommand,
  ),
  lazyCommand(UPLOAD_INFO, async () => (await import("./file-analysis/upload.js")).uploadCommand),
  lazyCommand(TRIAGE_INFO, async () => (await import("./deal/triage.js")).triageCommand),
  lazyCommand(DRAFT_INFO, async () => (await import("./draft/command.js")).draftCommand),
  lazyCommand(BRIEF_INFO, async () => (await import("./deal/brief.js")).briefCommand),
  lazyCommand(EMAIL_INFO, async () => (await import("./deal/email.js")).emailCommand),
  lazyCommand(
    REMINDERS_INFO,
    async () => (await import("./reminders/command.js")).remindersCommand,
  ),
  lazyCommand(OFFER_INFO, async () => (await import("./offer/command.js")).offerCommand),
  lazyCommand(HISTORY_INFO, async () => (await import("./offer/history.js")).historyCommand),
  lazyCommand(ASK_INFO, async () => (await import("./ask/command.js")).askCommand),
];

export function findCommand(word: string): Command | undefined {
  const w = word.toLowerCase();
  return commands.find((c) => c.name === w || c.aliases.includes(w));
}
