/**
 * When to start. A renewal date gives two dates: the notice deadline (renewal − notice period, the
 * last day to say we will not roll over) and the "start by" date, a runway before that deadline to
 * gather usage, get a competing quote and run the five steps while walking away is still possible.
 * `today` is always given by the caller; nothing here reads the clock.
 */
import { addDays, daysBetween, formatDate } from "./dates.js";

/** Days before the notice deadline to start: usage data, a competing quote, two rounds of talks. */
export const RUNWAY_DAYS = 90;

export interface Timing {
  readonly renewalDate: string;
  readonly noticeBy: string;
  readonly startBy: string;
  readonly today: string;
  /** Days from today to the start-by date; negative when it has passed. */
  readonly daysToStart: number;
  readonly daysToNotice: number;
}

export function timingFor(renewalDate: string, noticeDays: number, today: string): Timing {
  const noticeBy = addDays(renewalDate, -noticeDays);
  const startBy = addDays(noticeBy, -RUNWAY_DAYS);
  return {
    renewalDate,
    noticeBy,
    startBy,
    today,
    daysToStart: daysBetween(today, startBy),
    daysToNotice: daysBetween(today, noticeBy),
  };
}

const days = (n: number): string => `${n} day${n === 1 ? "" : "s"}`;

/** The timing notes, in the order a negotiator acts on them. */
export function timingNotes(t: Timing): string[] {
  const start =
    t.daysToStart > 0
      ? `Start by ${formatDate(t.startBy)} (${days(t.daysToStart)} from today): ${RUNWAY_DAYS} days before the notice deadline, enough to gather usage, get a competing quote and still walk away.`
      : t.daysToNotice > 0
        ? `Start now: the start-by date, ${formatDate(t.startBy)}, passed ${days(-t.daysToStart)} ago, and notice is due in ${days(t.daysToNotice)}.`
        : `The notice deadline, ${formatDate(t.noticeBy)}, has passed: ask for a short extension at today's prices before negotiating the renewal.`;
  return [
    start,
    `Notice of non-renewal is due by ${formatDate(t.noticeBy)}; the renewal date is ${formatDate(t.renewalDate)}.`,
  ];
}
