/**
 * What `help` and the registry know about `draft`, without loading the template catalogue or
 * handlebars.
 */
import type { CommandInfo } from "../command.js";

export const NAME = "draft";
export const EXAMPLE =
  "draft renewal-cap --position fallback --set cap=3% --set years=3 --currency GBP";

export const DRAFT_INFO: CommandInfo = {
  name: NAME,
  aliases: ["clause", "clauses"],
  summary:
    "Clause language at a negotiating position (preferred, fallback, walk-away), filled with your numbers.",
  usage:
    "draft list | draft ID [--position preferred|fallback|fallback-2|walk-away] [--set name=value …] [--currency GBP]",
  examples: [
    "draft list",
    EXAMPLE,
    "draft breach-notification --position walk-away",
    "draft audit-rights lookBackMonths=6",
  ],
  help: [
    "draft list: every template with its id, title, category and positions.",
    "--position: preferred (default), fallback (the first fallback), fallback-2, …, walk-away.",
    "--set name=value: fill a variable; repeat for each (a bare name=value works too). Unset variables take their documented defaults, listed under Filled in.",
    "Money variables are written like 45000 or 45k in the --currency (default: the channel's currency); percentages like 3%; dates YYYY-MM-DD.",
    "The clause text is plain: paste it into an e-mail or a redline. The same templates feed the brief.",
  ],
};
