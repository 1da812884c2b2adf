import type { CommandContext } from "./context.js";
import type { CommandOutcome } from "./reply.js";

/** One user command: parses its own text (without the command word) and returns a reply. */
export interface Command {
  readonly name: string;
  readonly aliases: readonly string[];
  /** One line for `help`. */
  readonly summary: string;
  /** The shape of the command, e.g. `cost LINES vs LINES [--currency GBP] [--years 3]`. */
  readonly usage: string;
  /** Real examples, each runnable as typed. */
  readonly examples: readonly string[];
  /** Longer help: every option and the assumptions the command makes. */
  readonly help: readonly string[];
  run(text: string, ctx: CommandContext): CommandOutcome;
}
