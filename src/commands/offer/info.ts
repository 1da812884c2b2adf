/** What `help` and the registry know about `offer` and `history`; the grammar's hints quote these. */
import type { CommandInfo } from "../command.js";

export const OFFER_EXAMPLE =
  "offer vendor 2026-11-20 named 240 @ £72/user/month cap 3% term 3y impl £10,000";
export const TARGET_EXAMPLE = "offer target named @ £65 cap 2% impl £5,000";
export const WALK_AWAY_EXAMPLE = "offer walk-away named @ £75 cap 4% impl £12,000";
export const OFFER_USAGE =
  'offer vendor|us|by "NAME"|target|walk-away [YYYY-MM-DD] [named SEATS @ RATE] [concurrent SEATS @ RATE] [tiers "1-99 @ 75, 100+ @ 70" [graduated]] [cap 3% | cap lesser-of 3%] [term 3y] [impl £10,000] [CURRENCY]';

export const OFFER_INFO: CommandInfo = {
  name: "offer",
  aliases: ["round"],
  summary:
    "Records a round of offers in this channel (who, when, seats, rates, tiers, cap, term, implementation), or our target and walk-away.",
  usage: OFFER_USAGE,
  examples: [
    OFFER_EXAMPLE,
    "offer us named @ £65 cap 2% impl £5,000",
    TARGET_EXAMPLE,
    WALK_AWAY_EXAMPLE,
  ],
  help: [
    'Who comes first: vendor, us, or by "NAME" (a reseller or competitor, quoted when it has spaces). target and walk-away set our own positions instead of a round.',
    "The date is YYYY-MM-DD (or today); without one the round is dated today (UTC) and the reply says so. A date such as 03/04/2026 is refused: it reads two ways.",
    "named 240 @ £72: seats and the rate per user per month; named @ £72 the rate alone, named 240 seats the seats alone. A bare named 72 is refused: seats or a rate?",
    'tiers "1-99 @ 75, 100+ @ 70": the price book (all-units unless graduated is typed); it prices the named seats when no named rate is given.',
    "cap 3% (a fixed yearly cap), cap lesser-of 3% (CPI, at most 3%) or cap greater-of 3% (CPI, at least 3%); term 3y (1 to 10 years); impl £10,000 the one-off implementation fee.",
    "A round records what was said; levers it does not mention carry forward from earlier rounds, and history says which.",
    "target and walk-away: the levers given replace the stored ones, the rest stay.",
    "Rounds are kept per channel in dealdesk's database (in the console: its embedded database) and deleted by forget; without a database nothing is recorded and the reply says so.",
  ],
};

export const HISTORY_INFO: CommandInfo = {
  name: "history",
  aliases: ["offers", "rounds"],
  summary:
    "The offer rounds of this channel: what moved on each lever since the first offer, and what is left to our target and walk-away.",
  usage: "history",
  examples: ["history"],
  help: [
    "Rates, the renewal cap, the implementation fee and the yearly cost are better for us when lower; seats and term are shown as they differ.",
    "The yearly cost is seats × rate × 12 for named and concurrent seats; a round without seats or a price for them has no yearly figure.",
    "The target and walk-away are priced on the latest round with their levers laid on it (its seats, unless they name seats), so the gap is money per year.",
    "Record rounds with offer, and the target and walk-away with offer target … and offer walk-away ….",
  ],
};
