/**
 * Where the console runs a line. A file analysis (split, concurrency, rightsize, upload) can keep
 * the main thread busy for seconds inside the solver, and a busy main thread reads no keys, so
 * Ctrl-C would wait for the answer it was meant to stop. On a terminal those commands therefore
 * run in an analysis thread (pool.run), which Ctrl-C stops outright; everything else (calculators
 * answer in milliseconds, `ask` waits on the network) runs inline, where dropping the answer is
 * enough.
 */
import type { CommandContext } from "../../commands/context.js";
import { dispatch } from "../../commands/dispatch.js";
import {
  CONCURRENCY_INFO,
  RIGHTSIZE_INFO,
  SPLIT_INFO,
  UPLOAD_INFO,
} from "../../commands/file-analysis/info.js";
import { findCommand } from "../../commands/registry.js";
import type { CommandOutcome } from "../../commands/reply.js";

export type RunLine = (line: string, ctx: CommandContext) => Promise<CommandOutcome>;

const ANALYSES = new Set(
  [SPLIT_INFO, CONCURRENCY_INFO, RIGHTSIZE_INFO, UPLOAD_INFO].map((i) => i.name),
);

/** Whether the line is a file analysis, read as dispatch reads it (`/deal` prefix, `/upload`). */
export function isFileAnalysis(line: string): boolean {
  const trimmed = line.trim().replace(/^(?:\/deal|dealdesk)(?:\s+|$)/i, "");
  const word = (trimmed.split(/\s+/)[0] ?? "").toLowerCase().replace(/^(?:--?|\/)/, "");
  const command = findCommand(word);
  return command !== undefined && ANALYSES.has(command.name);
}

/** File analyses to `analyses` when given (a thread), the rest, and all without one, inline. */
export function consoleRunner(analyses?: RunLine): RunLine {
  return (line, ctx) =>
    analyses !== undefined && isFileAnalysis(line) ? analyses(line, ctx) : dispatch(line, ctx);
}
