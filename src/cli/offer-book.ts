/**
 * The offer book of the terminal (console chat and one-shot commands): the configured database —
 * embedded PGlite in DEALDESK_DATA_DIR unless DATABASE_URL is set — in the scope `local` /
 * `console`, opened on the first `offer` or `history` (so no other command pays for PGlite) and
 * kept open for the session. `dealdesk forget --team local --channel console` deletes it.
 */
import type { OfferBook } from "../commands/context.js";
import { describeDb, type StoreConfig } from "../store/open-db.js";
import type { Store } from "../store/store.js";

export const CONSOLE_SCOPE = { teamId: "local", channelId: "console" } as const;
/** The actor the audit trail records for the terminal. */
export const CONSOLE_ACTOR = "console";

export interface ClosableOfferBook extends OfferBook {
  /** Closes the database if it was opened; a no-op otherwise. */
  close(): Promise<void>;
}

export function terminalOfferBook(config: StoreConfig, now: () => Date): ClosableOfferBook {
  let store: Promise<Store> | undefined;
  const book = async (): Promise<OfferBook> => {
    // Loaded here, not at import: a one-shot `cost` never loads the store or its drivers.
    store ??= import("../store/store.js").then((m) => m.openStore(config));
    const [{ channelOfferBook }, opened] = await Promise.all([import("../store/offers.js"), store]);
    return channelOfferBook(opened.offers, CONSOLE_SCOPE, CONSOLE_ACTOR, now, keptIn);
  };
  const keptIn = `${describeDb(config)} (dealdesk forget --team ${CONSOLE_SCOPE.teamId} --channel ${CONSOLE_SCOPE.channelId} deletes it)`;
  return {
    keptIn,
    ledger: async () => (await book()).ledger(),
    addRound: async (round) => (await book()).addRound(round),
    setPosition: async (kind, position) => (await book()).setPosition(kind, position),
    async close() {
      const opened = store;
      store = undefined;
      // A database that never opened has nothing to close.
      if (opened)
        await opened.then(
          (s) => s.close(),
          () => undefined,
        );
    },
  };
}
