/**
 * The calculators a question can be routed to, by name. `ask` runs them directly rather than
 * through dispatch: dispatch imports the registry, which imports `ask`, and that circle would
 * leave one side uninitialised depending on which module loads first.
 */
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { costCommand } from "../cost/command.js";
import { implementationCommand } from "../impl/command.js";
import { renewalCommand } from "../renewal/command.js";
import type { CommandOutcome } from "../reply.js";
import { tiersCommand } from "../tiers/command.js";
import type { Route, RoutedCommand } from "./route.js";

const CALCULATORS: Readonly<Record<RoutedCommand, Command>> = {
  cost: costCommand,
  tiers: tiersCommand,
  renewal: renewalCommand,
  impl: implementationCommand,
};

function isRouted(word: string): word is RoutedCommand {
  return Object.hasOwn(CALCULATORS, word);
}

/** Runs a routed question's command text (its first word is the command's name). */
export async function runRoute(route: Route, ctx: CommandContext): Promise<CommandOutcome> {
  const rest = route.text.replace(/^\S+\s*/, "");
  return CALCULATORS[route.command].run(rest, ctx);
}

/**
 * Runs a calculator command text the quote reader built (`cost …`, `renewal …`). Only the routed
 * calculators can run: the reader never builds any other command.
 */
export async function runCalculatorText(
  text: string,
  ctx: CommandContext,
): Promise<CommandOutcome> {
  const word = /^\S+/.exec(text)?.[0] ?? "";
  if (!isRouted(word)) {
    const issue = { code: "ask.not_a_calculator", message: `"${word}" is not a calculator` };
    return { ok: false, command: "ask", issues: [issue], usage: "cost, tiers, renewal or impl" };
  }
  return runRoute({ command: word, text }, ctx);
}
