import type { CommandContext } from "./context.js";
import type { CommandOutcome } from "./reply.js";

/**
 * What `help`, "did you mean" and dispatch need to know about a command without loading it: kept in
 * each command's info.ts so the registry can list every command and load only the one that runs.
 */
export interface CommandInfo {
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
}

/** One user command: parses its own text (without the command word) and returns a reply. */
export interface Command extends CommandInfo {
  /** Calculators answer at once; work that needs I/O (a DOCX, a solver, a model) may be async. */
  run(text: string, ctx: CommandContext): CommandOutcome | Promise<CommandOutcome>;
}

/** A command that answers at once, without I/O: every calculator. Tests call it directly. */
export interface SyncCommand extends Command {
  run(text: string, ctx: CommandContext): CommandOutcome;
}
