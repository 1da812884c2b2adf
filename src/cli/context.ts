/**
 * The command context each front end started from the shell hands in: the Slack server gets the
 * solver and the clock; the terminal (one-shot commands and the console) also gets the disk, for
 * paths typed with a command, and progress on stderr.
 */
import type { CommandContext, Progress, QuestionAnswerer } from "../commands/context.js";
import type { CurrencyCode } from "../core/money.js";
import type { SolveMip } from "../core/split/solver.js";
import { createHighsSolver } from "../solver/highs.js";
import { diskFiles } from "./disk.js";

let highs: Promise<SolveMip> | undefined;
/** HiGHS (WASM) loads on the first split and is reused by every analysis after it. */
export function highsOnce(): Promise<SolveMip> {
  highs ??= createHighsSolver();
  return highs;
}

/** The context without a disk: what the Slack server analyses with. */
export function serverContext(
  defaultCurrency: CurrencyCode,
  answerer?: QuestionAnswerer,
): CommandContext {
  return {
    defaultCurrency,
    ...(answerer ? { answerer } : {}),
    solver: highsOnce,
    now: () => new Date(),
  };
}

/** Stages on one line each on a terminal's stderr; nothing when piped, so `--json` stays clean. */
export const stderrProgress: Progress = async (text) => {
  if (!process.stderr.isTTY) return;
  const lines = text.split("\n");
  process.stderr.write(`${lines[lines.length - 1] ?? ""}\n`);
};

/** The terminal's context: paths typed with a command are read from this machine's disk. */
export function terminalContext(base: CommandContext): CommandContext {
  return { ...base, files: diskFiles, progress: stderrProgress };
}
