/**
 * The ChannelReminders port (src/commands/reminders/listing.ts) for one channel, over the store:
 * the plan made from the stored deal, the stored reminders, and off / on.
 */
import type {
  ChannelReminders,
  ListedReminder,
  ReminderListing,
} from "../../commands/reminders/listing.js";
import { planForDeal } from "../../commands/reminders/plan.js";
import type { PlannedReminder, ReminderPlan } from "../../core/reminders.js";
import type { StoredReminder } from "../../store/reminders.js";
import type { Scope } from "../../store/scope.js";
import type { Store } from "../../store/store.js";

function listed(r: StoredReminder): ListedReminder {
  const base = { kind: r.kind, deadline: r.deadline, daysBefore: r.daysBefore, dueAt: r.dueAt };
  if (r.postError !== undefined) return { ...base, status: "not-posted", why: r.postError };
  if (r.sentAt !== undefined) return { ...base, status: "posted" };
  if (r.cancelledAt !== undefined) return { ...base, status: "off" };
  return { ...base, status: "due" };
}

/** The deal's plan now, or undefined when it has no renewal date (or a stored one is unusable). */
export async function currentPlan(
  store: Store,
  scope: Scope,
  now: Date,
): Promise<{ plan?: ReminderPlan; noticeAssumed: boolean }> {
  const deal = await store.deals.get(scope);
  if (deal?.renewalDate === undefined) return { noticeAssumed: false };
  const plan = planForDeal(deal.renewalDate, deal.noticeDays, now);
  return { ...(plan.ok ? { plan: plan.value } : {}), noticeAssumed: deal.noticeDays === undefined };
}

export function channelReminders(
  store: Store,
  scope: Scope,
  userId: string,
  now: () => Date,
): ChannelReminders {
  const list = async (): Promise<ReminderListing> => {
    const at = now();
    const [{ plan, noticeAssumed }, off, stored] = [
      await currentPlan(store, scope, at),
      await store.reminders.isOff(scope),
      await store.reminders.list(scope),
    ];
    return {
      ...(plan ? { plan } : {}),
      noticeAssumed,
      off,
      reminders: stored.map(listed),
    };
  };
  return {
    list,
    async turnOff() {
      await store.reminders.turnOff(scope, { by: userId, at: now() });
      return list();
    },
    async turnOn() {
      const at = now();
      const { plan } = await currentPlan(store, scope, at);
      await store.reminders.turnOn(scope, plan?.reminders ?? [], { by: userId, at });
      return list();
    },
  };
}

/**
 * Plans the channel's reminders again from its deal (after `/deal set` changed the renewal date
 * or the notice period) and says in one line what is now scheduled.
 */
export async function rescheduleReminders(
  store: Store,
  scope: Scope,
  userId: string,
  at: Date,
): Promise<string | undefined> {
  const { plan } = await currentPlan(store, scope, at);
  if (plan === undefined) return undefined;
  const planned: readonly PlannedReminder[] = plan.reminders;
  await store.reminders.schedule(scope, planned, { by: userId, at });
  if (await store.reminders.isOff(scope))
    return "Reminders are off in this channel (`/deal reminders on` turns them on).";
  const first = planned[0];
  if (first === undefined)
    return "No reminders are scheduled: the dates they would remind of are past (`/deal reminders`).";
  const n = planned.length;
  return `${n} reminder${n === 1 ? "" : "s"} scheduled for this channel, the first on ${first.dueAt.toISOString().slice(0, 10)} at 09:00 UTC (\`/deal reminders\` lists them).`;
}
