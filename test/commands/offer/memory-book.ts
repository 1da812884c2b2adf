/** An offer book in memory, shaped as the store's: for the command tests (no database). */
import type { OfferBook } from "../../../src/commands/context.js";
import type { OfferPosition, OfferRound } from "../../../src/core/offer-terms.js";

export function memoryBook(keptIn = "this channel"): OfferBook & { readonly rounds: OfferRound[] } {
  const rounds: OfferRound[] = [];
  let target: OfferPosition | undefined;
  let walkAway: OfferPosition | undefined;
  return {
    keptIn,
    rounds,
    async ledger() {
      return {
        rounds: [...rounds],
        ...(target ? { target } : {}),
        ...(walkAway ? { walkAway } : {}),
      };
    },
    async addRound(round) {
      const saved = { ...round, round: rounds.length + 1 };
      rounds.push(saved);
      return saved;
    },
    async setPosition(kind, position) {
      if (kind === "target") target = position;
      else walkAway = position;
      return position;
    },
  };
}
