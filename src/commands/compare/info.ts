/** What `help` and the registry know about `compare`; the grammar's hints quote the same example. */
import type { CommandInfo } from "../command.js";

export const NAME = "compare";
export const EXAMPLE =
  "compare HaloITSM: named £70 3y uplift 5% impl £12,000; Rival: concurrent £140 3y cap 3% impl £20,000 --users 240 --pool 60";
export const USAGE =
  "compare VENDOR: QUOTE; VENDOR: QUOTE … [--users N] [--pool N] [--split NAMED+POOL] [--over YEARS] [--for VENDOR]   or   compare PATH.json [--users N] [--pool N] [--split NAMED+POOL]";

export const COMPARE_INFO: CommandInfo = {
  name: NAME,
  aliases: ["quotes", "versus"],
  summary:
    "Competing quotes side by side: each vendor priced on the same usage, year by year, with the cheapest marked.",
  usage: USAGE,
  examples: [
    EXAMPLE,
    "compare halo: named 70 3y uplift 5%; ivanti: named 1-99@75, 100-249@65, 250+@60 concurrent 130 3y uplift 4% impl 15k; rival: concurrent 140 3y GBP --users 240 --pool 60 --split 150+25",
    "compare examples/quotes.json",
  ],
  help: [
    "Each quote starts with the vendor's name and a colon (HaloITSM:); a semicolon between quotes is optional. The first vendor is the one the headline is about; --for NAME picks another.",
    "A quote prices named seats (named £70), a concurrent pool (concurrent £140) or both (mixed). A price is per user per month unless written /yr; instead of one price, give volume tiers: named 1-99@75, 100-249@65, 250+@60, with all-units (the default) or graduated.",
    "Also in a quote: the term (3y or term 3), the yearly uplift (uplift 5% every year; cap 3% priced at the full cap; cpi 4.1,3.2 with lesser-of 3% or greater-of 3%; floor 1%), implementation (impl £12,000) and one-off fees (fee, training, setup, onboarding or migration £3,000), all charged in year 1, and a currency code.",
    "Usage, the same for every vendor: --users (the people: a named-only vendor licenses each of them), --pool (the measured peak: an all-concurrent vendor is priced on it) and --split 150+25 (named seats + pool: a mixed vendor is priced on it; split on the session log finds the cheapest). In Slack, the channel's last split or rightsize gives these when they are not typed.",
    "Terms: quotes for different terms are not compared until you say over how many years (--over 5); a shorter quote is then priced as renewed on the same terms. A quote without a term takes the others'.",
    "Currencies: every quote must be in one currency; I never convert. A quote with no currency mark takes the others' currency.",
    "A quote pasted as prose (Rival: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift) is read by the quote reader: its prices, term, uplift and fixed implementation are used, its seat count is not (every quote is priced on the same usage), and a total, a T&M estimate, a discount or a number it can't place is refused.",
    "A quote without an uplift is priced flat, and the reply says so. A JSON file (compare quotes.json, CLI and console only) holds the same: see the README.",
  ],
};
