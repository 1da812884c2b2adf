/**
 * Renewal reminders: from a renewal date, a notice period and the start-by lead (the runway the
 * brief keeps before the notice deadline), the two deadlines and the instants to remind a channel
 * of each, 30, 7 and 1 days before it.
 *
 *   notice deadline = renewal date − notice period (the last day to say we will not roll over)
 *   start-by date   = notice deadline − lead        (the brief's start-by date, lead = 90 days)
 *
 * Dates are calendar days without a time zone, counted in UTC (the deal has no time zone); every
 * reminder is due at 09:00 UTC on its day. A reminder whose instant is not after `now` is not
 * scheduled; the plan says which were dropped and why. `now` is always an argument: no clock here.
 */
import { fail, failAll, type Issue, ok, type Result } from "./result.js";

export const REMINDER_DAYS_BEFORE = [30, 7, 1] as const;
export type DaysBefore = (typeof REMINDER_DAYS_BEFORE)[number];
/** The hour of the day, UTC, at which a reminder is due. */
export const REMINDER_HOUR_UTC = 9;
export const MAX_NOTICE_DAYS = 365;

export type DeadlineKind = "start-by" | "notice";

export interface PlannedReminder {
  readonly kind: DeadlineKind;
  /** The deadline it reminds of, `YYYY-MM-DD`. */
  readonly deadline: string;
  readonly daysBefore: DaysBefore;
  readonly dueAt: Date;
}

/** Something about the plan a reader should be told, worded at the edge. */
export type ReminderNote =
  /** The lead is 0, so the start-by date is the notice deadline: one set of reminders, for notice. */
  | { readonly code: "reminders.deadlines_coincide"; readonly date: string }
  /** The notice deadline is today or past: no reminders at all. */
  | { readonly code: "reminders.notice_passed"; readonly noticeBy: string }
  /** The start-by date is today or past (notice still ahead): only notice reminders remain. */
  | { readonly code: "reminders.start_by_passed"; readonly startBy: string }
  /** Some reminders of a deadline still ahead fell before now and were not scheduled. */
  | {
      readonly code: "reminders.some_past";
      readonly kind: DeadlineKind;
      readonly daysBefore: readonly DaysBefore[];
    };

export interface ReminderPlan {
  readonly renewalDate: string;
  readonly noticeDays: number;
  readonly leadDays: number;
  readonly noticeBy: string;
  readonly startBy: string;
  /** Due after `now`, earliest first. */
  readonly reminders: readonly PlannedReminder[];
  readonly notes: readonly ReminderNote[];
}

export interface ReminderInput {
  /** `YYYY-MM-DD`. */
  readonly renewalDate: string;
  readonly noticeDays: number;
  /** Days between the start-by date and the notice deadline (the brief's runway). */
  readonly leadDays: number;
  readonly now: Date;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a real `YYYY-MM-DD` date, or undefined (2026-02-30 is not a date). */
export function utcDay(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return ms;
}

const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function checkDays(value: number, code: string, what: string, hint: string): Issue | undefined {
  if (!Number.isInteger(value) || value < 0 || value > MAX_NOTICE_DAYS) {
    return { code, message: `${what} must be a whole number of days from 0 to 365`, hint };
  }
  return undefined;
}

export function planReminders(input: ReminderInput): Result<ReminderPlan> {
  const renewal = utcDay(input.renewalDate);
  if (renewal === undefined) {
    return fail(
      "reminders.bad_renewal_date",
      `the renewal date "${input.renewalDate}" is not a date`,
      "renews 2027-03-31",
    );
  }
  const issues = [
    checkDays(input.noticeDays, "reminders.bad_notice", "the notice period", "notice 90"),
    checkDays(input.leadDays, "reminders.bad_lead", "the start-by lead", "90"),
  ].filter((i): i is Issue => i !== undefined);
  if (issues.length > 0) return failAll(issues);
  if (Number.isNaN(input.now.getTime())) throw new RangeError("reminders need a valid now");

  const noticeMs = renewal - input.noticeDays * DAY_MS;
  const startMs = noticeMs - input.leadDays * DAY_MS;
  const now = input.now.getTime();
  const notes: ReminderNote[] = [];
  const reminders: PlannedReminder[] = [];
  // A deadline counts as passed once its own day has begun: reminding "1 day before" is too late.
  const deadlines: { kind: DeadlineKind; ms: number }[] = [];
  if (noticeMs <= now) {
    notes.push({ code: "reminders.notice_passed", noticeBy: isoOf(noticeMs) });
  } else {
    if (startMs === noticeMs) {
      notes.push({ code: "reminders.deadlines_coincide", date: isoOf(noticeMs) });
    } else if (startMs <= now) {
      notes.push({ code: "reminders.start_by_passed", startBy: isoOf(startMs) });
    } else {
      deadlines.push({ kind: "start-by", ms: startMs });
    }
    deadlines.push({ kind: "notice", ms: noticeMs });
  }
  for (const { kind, ms } of deadlines) {
    const past: DaysBefore[] = [];
    for (const daysBefore of REMINDER_DAYS_BEFORE) {
      const due = ms - daysBefore * DAY_MS + REMINDER_HOUR_UTC * 3_600_000;
      if (due <= now) past.push(daysBefore);
      else reminders.push({ kind, deadline: isoOf(ms), daysBefore, dueAt: new Date(due) });
    }
    if (past.length > 0) notes.push({ code: "reminders.some_past", kind, daysBefore: past });
  }
  reminders.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return ok({
    renewalDate: input.renewalDate,
    noticeDays: input.noticeDays,
    leadDays: input.leadDays,
    noticeBy: isoOf(noticeMs),
    startBy: isoOf(startMs),
    reminders,
    notes,
  });
}
