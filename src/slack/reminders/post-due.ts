/**
 * Posts the reminders that are due. Any replica may run this at any time, as often as it likes:
 * each reminder is claimed in the store (one UPDATE that succeeds only while `sent_at` is NULL)
 * BEFORE it is posted, so exactly one caller ever posts it — whether two replicas sweep at once
 * or a restarted process sweeps again. The price of that order is at most once, not at least
 * once: a process killed between the claim and the post loses that one reminder, and a post that
 * Slack refuses is recorded (`post_error`) rather than retried, because a retry after an answer
 * that never arrived could post it twice.
 *
 * A reminder found late (the app was down) is posted only when it is still the latest one due of
 * its deadline and that deadline's day has not begun; the others are claimed and recorded as
 * `superseded` or `too_late`, never posted.
 */
import type { Logger, webApi } from "@slack/bolt";
import { utcDay } from "../../core/reminders.js";
import type { StoredReminder } from "../../store/reminders.js";
import type { Store } from "../../store/store.js";
import { renderNotice } from "../blocks/reply-blocks.js";
import { logFailure } from "../log-failure.js";
import { postMessage, slackErrorCode } from "../send/post.js";
import { reminderText } from "./reminder-text.js";

/** The actor of the audit events the sweep records. */
export const REMINDER_ACTOR = "system:reminders";

export interface PostDueOptions {
  readonly store: Store;
  readonly client: webApi.WebClient;
  readonly now: () => Date;
  readonly logger: Logger;
}

const groupKey = (r: StoredReminder) =>
  `${r.scope.teamId}/${r.scope.channelId}/${r.kind}/${r.deadline}`;

/** Why a due reminder is not posted now, or undefined to post it. */
function skipReason(
  r: StoredReminder,
  due: readonly StoredReminder[],
  now: Date,
): string | undefined {
  const deadline = utcDay(r.deadline) ?? 0;
  if (now.getTime() >= deadline) return "too_late";
  const later = due.some((o) => groupKey(o) === groupKey(r) && o.daysBefore < r.daysBefore);
  return later ? "superseded" : undefined;
}

/** Posts what is due now; returns how many this call posted. */
export async function postDueReminders(o: PostDueOptions): Promise<number> {
  const now = o.now();
  const due = await o.store.reminders.due(now);
  let posted = 0;
  for (const r of due) {
    if (!(await o.store.reminders.claim(r.id, now))) continue; // another replica has it
    const skip = skipReason(r, due, now);
    if (skip !== undefined) {
      await o.store.reminders.recordNotPosted(r.id, skip);
      continue;
    }
    const deal = await o.store.deals.get(r.scope);
    const text = reminderText({
      kind: r.kind,
      deadline: r.deadline,
      daysBefore: r.daysBefore,
      ...(deal?.vendor ? { vendor: deal.vendor } : {}),
      ...(deal?.renewalDate ? { renewalDate: deal.renewalDate } : {}),
    });
    try {
      await postMessage(o.client, { channel: r.scope.channelId }, renderNotice(text));
      posted++;
      await o.store.audit.record(
        r.scope,
        {
          action: "reminder.posted",
          detail: { reminder: r.id, kind: r.kind, daysBefore: r.daysBefore },
        },
        { by: REMINDER_ACTOR, at: now },
      );
    } catch (error) {
      const code = slackErrorCode(error);
      await o.store.reminders.recordNotPosted(
        r.id,
        typeof code === "string" && /^[a-z0-9_]{1,100}$/.test(code) ? code : "post_failed",
      );
      logFailure(o.logger, `posting reminder ${r.id} in ${r.scope.channelId}`, error);
    }
  }
  return posted;
}
