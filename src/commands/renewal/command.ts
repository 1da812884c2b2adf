/**
 * `renewal`: what a term costs under a yearly uplift policy, against the uncapped case.
 * `renewal $2m 3y cap 3%` · `renewal 294k GBP years 3 cpi 4.1,3.2 lesser-of 3% floor 1%`.
 */
import { projectRenewal } from "../../core/renewal.js";
import type { SyncCommand } from "../command.js";
import type { CommandContext } from "../context.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { parseRenewal } from "./grammar.js";
import { EXAMPLE, NAME, RENEWAL_INFO } from "./info.js";
import { renewalReply } from "./reply.js";

function run(text: string, ctx: CommandContext): CommandOutcome {
  const request = parseRenewal(text, ctx);
  if (!request.ok) return rejected(NAME, request.issues, EXAMPLE);
  const projection = projectRenewal(request.value);
  if (!projection.ok) return rejected(NAME, projection.issues, EXAMPLE);
  return replied(renewalReply(request.value, projection.value));
}

export const renewalCommand: SyncCommand = {
  ...RENEWAL_INFO,
  run,
};
