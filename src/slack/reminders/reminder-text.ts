/** The reminder as posted to the channel: what is due when, and how to stop the reminders. */
import type { DeadlineKind } from "../../core/reminders.js";
import { formatDate } from "../../drafting/dates.js";

export interface ReminderMessage {
  readonly kind: DeadlineKind;
  readonly deadline: string;
  readonly daysBefore: number;
  readonly vendor?: string;
  readonly renewalDate?: string;
}

export function reminderText(m: ReminderMessage): string {
  const left = `${m.daysBefore} day${m.daysBefore === 1 ? "" : "s"}`;
  const deal = `the${m.vendor ? ` ${m.vendor}` : ""} renewal${m.renewalDate ? ` on ${formatDate(m.renewalDate)}` : ""}`;
  const what =
    m.kind === "notice"
      ? `${left} to the notice deadline of ${deal}: notice of non-renewal is due by ${formatDate(m.deadline)}, or the contract renews on the vendor's terms.`
      : `${left} to the start-by date of ${deal}, ${formatDate(m.deadline)}: time to gather usage, get a competing quote and start talks while walking away is still possible.`;
  return `:alarm_clock: ${what} \`/deal reminders\` lists the reminders; \`/deal reminders off\` stops them.`;
}
