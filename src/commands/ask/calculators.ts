/**
 * The calculators a question can be routed to, by name. `ask` runs them directly rather than
 * through dispatch: dispatch imports the registry, which imports `ask`, and that circle would
 * leave one side uninitialised depending on which module loads first.
 */
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { costCommand } from "../cost/command.js";
import { renewalCommand } from "../renewal/command.js";
import type { CommandOutcome } from "../reply.js";
import { tiersCommand } from "../tiers/command.js";
import type { Route, RoutedCommand } from "./route.js";

const CALCULATORS: Readonly<Record<RoutedCommand, Command>> = {
  cost: costCommand,
  tiers: tiersCommand,
  renewal: renewalCommand,
};

/** Runs a routed question's command text (its first word is the command's name). */
export async function runRoute(route: Route, ctx: CommandContext): Promise<CommandOutcome> {
  const rest = route.text.replace(/^\S+\s*/, "");
  return CALCULATORS[route.command].run(rest, ctx);
}
