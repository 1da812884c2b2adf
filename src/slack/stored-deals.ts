/**
 * The channel deals kept in the store (PostgreSQL or PGlite), behind the Slack app's two-method
 * DealContextStore. Saving keeps what `/deal set` does not touch (tiers, term, cap, notes) and
 * records the change in the audit trail.
 */

import type { ChannelDeal } from "../commands/deal/set.js";
import type { Store } from "../store/store.js";
import type { DealContextStore } from "./deal-context.js";

export function storedDealContext(store: Store, now: () => Date): DealContextStore {
  return {
    async get(scope) {
      const deal = await store.deals.get(scope);
      if (!deal) return undefined;
      const channelDeal: ChannelDeal = {
        vendor: deal.vendor,
        currency: deal.currency,
        ...(deal.namedRate ? { namedRate: deal.namedRate } : {}),
        ...(deal.concurrentRate ? { concurrentRate: deal.concurrentRate } : {}),
        ...(deal.renewalDate ? { renewalDate: deal.renewalDate } : {}),
        ...(deal.noticeDays !== undefined ? { noticeDays: deal.noticeDays } : {}),
      };
      return channelDeal;
    },
    async set(scope, deal, by = "slack") {
      const previous = await store.deals.get(scope);
      const stamp = { by, at: now() };
      await store.deals.save(
        scope,
        {
          // Fields `/deal set` does not edit are kept; the rates are replaced as given.
          ...(previous?.tiers ? { tiers: previous.tiers } : {}),
          ...(previous?.termYears !== undefined ? { termYears: previous.termYears } : {}),
          ...(previous?.cap ? { cap: previous.cap } : {}),
          ...(previous?.notes !== undefined ? { notes: previous.notes } : {}),
          vendor: deal.vendor,
          currency: deal.currency,
          ...(deal.namedRate ? { namedRate: deal.namedRate } : {}),
          ...(deal.concurrentRate ? { concurrentRate: deal.concurrentRate } : {}),
          // The rates form sends no renewal: the stored date and notice period stay (neither
          // can be cleared, only changed).
          ...withRenewal(
            deal.renewalDate ?? previous?.renewalDate,
            deal.noticeDays ?? previous?.noticeDays,
          ),
        },
        stamp,
      );
      await store.audit.record(
        scope,
        { action: "deal.saved", detail: { vendor: deal.vendor } },
        stamp,
      );
    },
  };
}

function withRenewal(renewalDate: string | undefined, noticeDays: number | undefined) {
  return {
    ...(renewalDate === undefined ? {} : { renewalDate }),
    ...(noticeDays === undefined ? {} : { noticeDays }),
  };
}
