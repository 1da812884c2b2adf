/**
 * `impl`: a fixed-price implementation against time and materials, with the first-year total cost
 * of ownership. `impl fixed 45k days 60 rate 1200 overrun 10-40% annual 294k GBP`.
 */
import { compareImplementation } from "../../core/implementation.js";
import type { SyncCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { parseImplementation } from "./grammar.js";
import { EXAMPLE, IMPL_INFO, NAME } from "./info.js";
import { reply } from "./reply.js";

function run(text: string, ctx: CommandContext): CommandOutcome {
  const request = parseImplementation(text, ctx);
  if (!request.ok) return rejected(NAME, request.issues, EXAMPLE);
  const comparison = compareImplementation(request.value);
  if (!comparison.ok) return rejected(NAME, comparison.issues, EXAMPLE);
  return replied(reply(text, request.value, comparison.value));
}

export const implementationCommand: SyncCommand = {
  ...IMPL_INFO,
  run,
};
