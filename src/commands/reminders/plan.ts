/**
 * The reminder plan of a deal: its renewal date, its notice period (90 days when not set, the
 * brief's default) and the brief's runway before the notice deadline as the start-by lead, so the
 * start-by date is the one the brief prints.
 */
import { planReminders, type ReminderPlan } from "../../core/reminders.js";
import type { Result } from "../../core/result.js";
import { RUNWAY_DAYS } from "../../drafting/timing.js";

/** The notice period assumed when the deal has none (the deal file's default too). */
export const DEFAULT_NOTICE_DAYS = 90;

export function planForDeal(
  renewalDate: string,
  noticeDays: number | undefined,
  now: Date,
): Result<ReminderPlan> {
  return planReminders({
    renewalDate,
    noticeDays: noticeDays ?? DEFAULT_NOTICE_DAYS,
    leadDays: RUNWAY_DAYS,
    now,
  });
}
