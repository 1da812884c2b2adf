/**
 * The channel's deal: `/deal set vendor HaloITSM currency GBP named 70 concurrent 140` stores it,
 * and later commands in that channel start from it (today: its currency is their default). The
 * grammar and the reply are src/commands/deal/set.ts; this is the per-channel side of it.
 * The store interface is deliberately two methods so the PostgreSQL store (src/store/deals.ts)
 * can stand behind it; the in-memory one serves in tests and without a database.
 */
import type { CommandContext } from "../commands/context.js";
import {
  applySet,
  type ChannelDeal,
  dealReply,
  SET_USAGE,
  showDeal,
} from "../commands/deal/set.js";
import { type CommandOutcome, rejected } from "../commands/reply.js";

/** Same shape as the store's Scope: one workspace, one channel. */
export interface DealScope {
  readonly teamId: string;
  readonly channelId: string;
}

export interface DealContextStore {
  get(scope: DealScope): Promise<ChannelDeal | undefined>;
  /** `by`: the Slack user who set it, for the store's audit trail (the memory store ignores it). */
  set(scope: DealScope, deal: ChannelDeal, by?: string): Promise<void>;
}

export function createMemoryDealStore(): DealContextStore {
  const deals = new Map<string, ChannelDeal>();
  const key = (s: DealScope) => `${s.teamId}/${s.channelId}`;
  return {
    async get(scope) {
      return deals.get(key(scope));
    },
    async set(scope, deal) {
      deals.set(key(scope), deal);
    },
  };
}

/**
 * What a command run from chat may use: never the disk (a path typed in Slack is not read from the
 * server), and progress only where a handler shows it (file analyses update their own message).
 * The deal is left for the caller to add as the channel's (typed) deal.
 */
export function chatContext(
  ctx: CommandContext,
): Omit<CommandContext, "files" | "progress" | "deal"> {
  const { files: _disk, progress: _progress, deal: _deal, ...chat } = ctx;
  return chat;
}

/**
 * The context a command in this channel runs with: the deal's currency replaces the default and
 * its rates ride along as `deal`.
 */
export function contextFor(base: CommandContext, deal: ChannelDeal | undefined): CommandContext {
  return deal ? { ...base, defaultCurrency: deal.currency, deal } : base;
}

/** Runs `set …` (or bare `set`, which shows the deal) against the store. */
export async function runSet(
  text: string,
  scope: DealScope,
  store: DealContextStore,
  base: CommandContext,
): Promise<CommandOutcome> {
  const current = await store.get(scope);
  if (text.trim() === "") return showDeal(current);
  const r = applySet(text, current, base.defaultCurrency);
  if (!r.ok) return rejected("set", r.issues, SET_USAGE);
  await store.set(scope, r.deal);
  return dealReply(r.deal, r.currencyAssumed);
}
