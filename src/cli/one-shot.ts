/**
 * `dealdesk COMMAND ARGS…`: one command, printed as text or JSON. Exit codes: 0 answered,
 * 2 the input was wrong (the message says how to fix it), 1 dealdesk itself failed.
 */

import type { CommandContext } from "../commands/context.js";
import { dispatch } from "../commands/dispatch.js";
import { joinArgs } from "../commands/tokens.js";
import type { CliArgs } from "./args.js";
import { outcomeJson, renderErrorText, renderReplyText } from "./render-text.js";

export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1 | 2;
}

export function runOneShot(args: CliArgs, ctx: CommandContext): CliOutput {
  const words = args.help ? ["help", ...args.rest.slice(0, 1)] : args.rest;
  const outcome = dispatch(joinArgs(words), ctx);
  if (args.json) {
    const text = `${JSON.stringify(outcomeJson(outcome), null, 2)}\n`;
    return outcome.ok
      ? { stdout: text, stderr: "", exitCode: 0 }
      : { stdout: text, stderr: renderErrorText(outcome), exitCode: 2 };
  }
  if (!outcome.ok) return { stdout: "", stderr: renderErrorText(outcome), exitCode: 2 };
  return {
    stdout: renderReplyText(outcome.reply, {
      working: args.working,
      workingHint: "Add --working to see the arithmetic behind every figure.",
    }),
    stderr: "",
    exitCode: 0,
  };
}
