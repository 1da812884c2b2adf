/**
 * `/deal set renews 2027-03-31 notice 90`: the deal's renewal date and notice period, which the
 * channel's renewal reminders are planned from (src/core/reminders.ts). Kept apart from the rates
 * grammar in set.ts, which only routes the two words here.
 */
import { MAX_NOTICE_DAYS, utcDay } from "../../core/reminders.js";
import type { Issue } from "../../core/result.js";
import { formatDate } from "../../drafting/dates.js";

export const RENEWAL_SET_EXAMPLE = "set renews 2027-03-31 notice 90";

type Read<T> = { ok: true; value: T } | { ok: false; issue: Issue };

/** `2027-03-31`, and only that: 03/04/2027 reads two ways, so it is refused rather than guessed. */
export function parseRenewalDate(text: string): Read<string> {
  if (utcDay(text) !== undefined) return { ok: true, value: text };
  return {
    ok: false,
    issue: {
      code: "set.renewal_date",
      message: /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? `the renewal date ${text} is not a date`
        : `write the renewal date as year-month-day, not "${text}" (a date like 03/04/2027 reads two ways)`,
      hint: RENEWAL_SET_EXAMPLE,
    },
  };
}

/** Days of notice: `90`, `90d`, `90days`; months are refused (30 or 31 days?). */
export function parseNoticeDays(text: string): Read<number> {
  const m = /^(\d{1,4})(?:d|days?)?$/i.exec(text);
  const days = m ? Number(m[1]) : Number.NaN;
  if (Number.isInteger(days) && days <= MAX_NOTICE_DAYS) return { ok: true, value: days };
  return {
    ok: false,
    issue: {
      code: "set.notice_days",
      message: /^\d+(?:d|days?)?$/i.test(text)
        ? `the notice period must be at most ${MAX_NOTICE_DAYS} days, not ${text}`
        : `the notice period is a number of days, not "${text}"`,
      hint: "notice 90",
    },
  };
}

/** The reply's lines about the renewal, when the deal has a renewal date or a notice period. */
export function renewalNotes(renewalDate?: string, noticeDays?: number): string[] {
  if (renewalDate === undefined) {
    return noticeDays === undefined
      ? []
      : [`Notice period ${noticeDays} days; no renewal date yet (set renews 2027-03-31).`];
  }
  const notice =
    noticeDays === undefined
      ? "no notice period set, so reminders assume 90 days (set notice N to change it)"
      : `notice of non-renewal ${noticeDays} days before`;
  return [`Renews ${formatDate(renewalDate)}; ${notice}. \`reminders\` lists the reminders.`];
}
