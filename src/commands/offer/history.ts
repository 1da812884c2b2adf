/** `history`: the channel's offer rounds against our target and walk-away (history-reply.ts). */
import { offerHistory } from "../../core/offer-history.js";
import type { Command } from "../command.js";
import { type CommandOutcome, rejected, replied } from "../reply.js";
import { historyReply } from "./history-reply.js";
import { HISTORY_INFO, OFFER_EXAMPLE } from "./info.js";
import { noBookReply } from "./offer-reply.js";

export const historyCommand: Command = {
  ...HISTORY_INFO,
  async run(text, ctx): Promise<CommandOutcome> {
    if (text.trim() !== "") {
      return rejected(
        "history",
        [
          {
            code: "history.takes_nothing",
            message: `history takes no words, but got "${text.trim()}"`,
            hint: "type history alone",
          },
        ],
        "history",
      );
    }
    if (ctx.offers === undefined) return noBookReply("history");
    const ledger = await ctx.offers.ledger();
    if (ledger.rounds.length === 0) {
      return rejected(
        "history",
        [
          {
            code: "history.no_rounds",
            message: `no offer rounds are recorded in ${ctx.offers.keptIn} yet`,
            hint: `record one with ${OFFER_EXAMPLE}`,
          },
        ],
        OFFER_EXAMPLE,
      );
    }
    return replied(historyReply(offerHistory(ledger), ctx.offers.keptIn));
  },
};
