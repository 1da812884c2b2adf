/**
 * What `/deal reminders` shows, as a front end hands it over: the deal's renewal, the plan made
 * from it and each reminder with where it stands. Declared here, by its consumer; the Slack app
 * fills it from the store (src/slack/reminders/).
 */
import type { DaysBefore, DeadlineKind, ReminderPlan } from "../../core/reminders.js";

export type ReminderStatus = "due" | "posted" | "not-posted" | "off";

export interface ListedReminder {
  readonly kind: DeadlineKind;
  readonly deadline: string;
  readonly daysBefore: DaysBefore;
  readonly dueAt: Date;
  readonly status: ReminderStatus;
  /** Why it was not posted: a Slack error code, `superseded`, `too_late`. */
  readonly why?: string;
}

export interface ReminderListing {
  /** Absent: the deal has no renewal date, so there is nothing to remind of. */
  readonly plan?: ReminderPlan;
  /** True when the notice period is not set and the plan assumed the default. */
  readonly noticeAssumed: boolean;
  readonly off: boolean;
  /** Stored reminders of the channel, earliest first: those posted and those to come. */
  readonly reminders: readonly ListedReminder[];
}

/** The channel's reminders, handed in by the Slack app; the console and the CLI have none. */
export interface ChannelReminders {
  list(): Promise<ReminderListing>;
  turnOff(): Promise<ReminderListing>;
  turnOn(): Promise<ReminderListing>;
}
