/**
 * The single entry point every front end calls with what the user typed. The first word picks the
 * command; `/deal` and `dealdesk` prefixes are dropped so text pasted from Slack or a shell works.
 * A message with no command word that reads as a quote (a vendor's e-mail pasted into the console)
 * goes to `ask`, which reads it; anything else unknown gets "did you mean".
 */

import { didYouMean } from "../core/did-you-mean.js";
import type { CommandContext } from "./context.js";
import { helpFor, helpOverview, unknownCommand } from "./help.js";
import { readQuote } from "./quote/read.js";
import { commands, findCommand } from "./registry.js";
import type { CommandOutcome } from "./reply.js";

export async function dispatch(text: string, ctx: CommandContext): Promise<CommandOutcome> {
  const trimmed = text.trim().replace(/^(?:\/deal|dealdesk)(?:\s+|$)/i, "");
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  // `/help` and `/upload PATH` in the console, `--help` from a shell: the same words.
  const word = match?.[1]?.toLowerCase().replace(/^(?:--?|\/)/, "") ?? "help";
  const rest = match?.[2] ?? "";
  if (word === "help" || word === "h" || word === "?") {
    const topic = rest.trim().split(/\s+/)[0];
    return topic ? helpFor(topic.toLowerCase(), commands) : helpOverview(commands);
  }
  const command = findCommand(word);
  if (!command) {
    // A mistyped command word followed by its numbers ("cots 150 named @ 70") is a typo to point
    // out, not a quote; "Here is our quote: …" (prose after the first word) is not a typo.
    const names = commands.flatMap((c) => [c.name, ...c.aliases]);
    const typo =
      /^[a-z]{3,}$/.test(word) &&
      /^[\d£$€]/.test(rest) &&
      didYouMean(word, names, { maxEdits: 2 }) !== undefined;
    const ask = findCommand("ask");
    if (ask && !typo && readQuote(trimmed).isQuote) return ask.run(trimmed, ctx);
    return unknownCommand(word, commands);
  }
  return command.run(rest, ctx);
}
