/**
 * What `help` and the registry know about `cost`, without loading its calculators. The grammar
 * shares the example, so a hint and the help quote the same plans.
 */
import type { CommandInfo } from "../command.js";

export const NAME = "cost";
export const COST_EXAMPLE = "150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100";
export const USAGE = `cost LINES [vs LINES ...] [for N users] [GBP] [--years N]   e.g. cost ${COST_EXAMPLE} GBP`;

export const COST_INFO: CommandInfo = {
  name: NAME,
  aliases: [],
  summary:
    "Cost licence plans and compare them with a baseline, showing where the saving comes from.",
  usage: USAGE,
  examples: [
    `cost ${COST_EXAMPLE} GBP`,
    "cost 400 named @ 100 vs 500 named @ 100",
    "cost 150 n @ 70, 100 c @ 1,680/yr for 350 users vs 500 n @ 100 --years 3",
    "cost 120 named at £85/mo",
  ],
  help: [
    "Plans are separated by vs; the LAST plan is the baseline and every other plan is compared with it. One plan alone is just costed.",
    "Lines in a plan are joined by +, `plus`, `and`, a comma or a semicolon. A line is SEATS TYPE @ PRICE: 150 named @ 70, 150 named at £70/mo, 100 concurrent @ 140, 100 conc @ 140, 150 n @ 70, 100 c @ 1,680/yr, 150n@70.",
    "Types: named (n, agents) or concurrent (conc, con, c). Words like seats, users or pool after the type are ignored.",
    "Prices are per user per month unless written /yr (or pa, per year, a year); /mo, pm or per month say it explicitly.",
    "End a plan with `for 350 users` to say how many people a plan with a concurrent pool serves. A named-only plan serves its named seats.",
    "Currency: a £, $ or € sign on a price, a code such as GBP (or gbp) anywhere, or --currency GBP; otherwise the default currency is assumed and the reply says so.",
    "--years N (or years N): also show figures over N years, flat (no uplift; the renewal command projects uplift).",
    "The saving is split into users covered (quantity), rates and the licensing model (mix), which add up exactly: one documented convention for the order of the parts — first rescale the baseline to the option's users, then price it at the option's average rate per licence type, then switch to the option's mix.",
    "If only one plan's user count is known, the other is assumed to cover the same users; if neither is known, seats are compared when both plans buy the same licence types, else the users are assumed equal. Each assumption is stated in the notes.",
  ],
};
