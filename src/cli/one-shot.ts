/**
 * `dealdesk COMMAND ARGS…`: one command, printed as text or JSON. Exit codes: 0 answered,
 * 2 the input was wrong (the message says how to fix it), 1 dealdesk itself failed.
 */

import type { CommandContext } from "../commands/context.js";
import { dispatch } from "../commands/dispatch.js";
import { joinArgs } from "../commands/grammar/tokens.js";
import type { CommandOutcome } from "../commands/reply.js";
import { outcomeJson, renderErrorText, renderReplyText } from "../commands/reply-text.js";
import type { CliArgs } from "./args.js";
import { notSavedLine, saveFiles } from "./save-files.js";
import { type TerminalWidths, terminalWidths } from "./terminal-width.js";

export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

export async function runOneShot(
  args: CliArgs,
  ctx: CommandContext,
  outDir: string,
  widths: TerminalWidths = terminalWidths(process.stdout, process.stderr),
): Promise<CliOutput> {
  const errorText = (o: Extract<CommandOutcome, { ok: false }>) =>
    renderErrorText(o, widths.errors === undefined ? {} : { width: widths.errors });
  const words = args.help ? ["help", ...args.rest.slice(0, 1)] : args.rest;
  const outcome = await dispatch(joinArgs(words), args.json ? { ...ctx, dataOnly: true } : ctx);
  if (args.json) {
    const text = `${JSON.stringify(outcomeJson(outcome), null, 2)}\n`;
    return outcome.ok
      ? { stdout: text, stderr: "", exitCode: 0 }
      : { stdout: text, stderr: errorText(outcome), exitCode: 2 };
  }
  if (!outcome.ok) return { stdout: "", stderr: errorText(outcome), exitCode: 2 };
  const saved = await saveFiles(outcome.reply.files ?? [], outDir);
  const text = renderReplyText(outcome.reply, {
    working: args.working,
    workingHint: "Add --working to see the arithmetic behind every figure.",
    width: widths.reply,
  });
  if (!saved.ok) {
    // The answer stands; only the file could not go where --out said, so nothing was written.
    const lines = saved.issues.map((i) => `${outcome.reply.command}: ${notSavedLine(i)}`);
    return { stdout: text, stderr: `${lines.join("\n")}\n`, exitCode: 2 };
  }
  return {
    stdout: saved.value.length > 0 ? `${text}\n${saved.value.join("\n")}\n` : text,
    stderr: "",
    exitCode: 0,
  };
}
