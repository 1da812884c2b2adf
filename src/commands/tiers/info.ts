/** What `help` and the registry know about `tiers`; the grammar's hints quote the same example. */
import type { CommandInfo } from "../command.js";

export const NAME = "tiers";
export const EXAMPLE = 'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode all-units';
export const USAGE =
  'tiers SEATS --tiers "FROM-TO @ RATE, …, FROM+ @ RATE" [--mode all-units|graduated] [--forecast SEATS --within MONTHS] [--currency GBP]';

export const TIERS_INFO: CommandInfo = {
  name: NAME,
  aliases: ["tier", "breaks", "volume"],
  summary:
    "Price a quantity on a volume price book: the next break, what to ask for, and whether buying up is cheaper.",
  usage: USAGE,
  examples: [
    EXAMPLE,
    "tiers 240 1-99@75, 100-249@70, 250+@62 graduated GBP",
    'tiers 95 --tiers "1-99 @ 50, 100+ @ 45" --currency USD',
    "tiers 240 1-99@75, 100-249@70, 250+@62 GBP forecast 260 in 6 months",
  ],
  help: [
    "The quantity comes first: the number of seats priced today (or --seats 240).",
    'Tiers: FROM-TO @ RATE separated by commas, the last one may be open: 250+ @ 62. Also 1-99@75 (no spaces), `1 to 99 at £75`, `250 and up @ 62`, `;` between tiers. Give them with --tiers "…" or just after the quantity.',
    "Tiers must be in order from the smallest quantity, touch without gaps or overlaps, and have rates above zero; only the last may be open-ended (250+). A quantity above a closed last tier is an error. An all-units book may start above 1 (a minimum purchase); a graduated one starts at 1.",
    "Rates are per user per month unless written /yr (then every rate must be /yr).",
    "--mode all-units (default; the whole population at the rate of the tier reached) or graduated (each band at its own rate, like tax bands). Bare words work too: `graduated`, `all-units`.",
    "The ask: the next tier's rate granted without buying up. Under all-units that prices every seat at the next rate; under graduated it prices your current band (from the start of your tier to your quantity) at the next rate, lower bands unchanged.",
    "Buying up: the cost of buying exactly up to the next break. Under all-units it can be cheaper than staying; the buy-up point is the smallest quantity from which it costs no more. Under graduated it never is.",
    "--forecast 260 --within 6 (or `forecast 260 in 6 months`): if the forecast crosses a break, the reply recommends asking for that tier's rate now and says what it saves on today's quantity.",
    "The headline is the ask when a forecast crosses a break to a lower rate, else the buy-up when buying up is strictly cheaper, else the cost and the distance to the next break; the other sentences lead the notes.",
    "Currency: a £, $ or € sign on a rate, a code such as GBP anywhere, or --currency GBP; otherwise the default currency is assumed and the reply says so.",
  ],
};
