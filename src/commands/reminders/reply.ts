/**
 * The reply to `reminders`: the dates, each reminder with what it is for and where it stands, and
 * everything the plan left out, said. `data` contract: renewalDate, noticeDays, noticeAssumed,
 * noticeBy, startBy (ISO dates), off, listedOnly, reminders: [{ kind ("start-by" | "notice"),
 * deadline, daysBefore, dueAt (ISO instant), status ("due" | "posted" | "not-posted" | "off"),
 * why (or null) }].
 */
import {
  type DeadlineKind,
  REMINDER_HOUR_UTC,
  type ReminderNote,
  type ReminderPlan,
} from "../../core/reminders.js";
import { formatDate } from "../../drafting/dates.js";
import { type CommandOutcome, column, replied } from "../reply.js";
import type { ListedReminder, ReminderListing } from "./listing.js";
import { DEFAULT_NOTICE_DAYS } from "./plan.js";

const DEADLINE: Record<DeadlineKind, string> = {
  "start-by": "the start-by date",
  notice: "the notice deadline",
};

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
const dayOf = (d: Date) => formatDate(d.toISOString().slice(0, 10));
const listDays = (ns: readonly number[]) => ns.map((n) => days(n)).join(" and ");

function purpose(r: ListedReminder): string {
  return `${days(r.daysBefore)} before ${DEADLINE[r.kind]} (${formatDate(r.deadline)})`;
}

function status(r: ListedReminder): string {
  if (r.status === "not-posted") return `not posted (${r.why ?? "unknown"})`;
  return r.status;
}

/** The plan's notes, less reminders the table already shows (posted before they became past). */
function noteText(note: ReminderNote, listed: readonly ListedReminder[]): string | undefined {
  switch (note.code) {
    case "reminders.notice_passed":
      return `The notice deadline, ${formatDate(note.noticeBy)}, is today or has passed, so no reminders are scheduled; ask for a short extension at today's prices before negotiating the renewal.`;
    case "reminders.start_by_passed":
      return `The start-by date, ${formatDate(note.startBy)}, is today or has passed: start now. Only the notice deadline's reminders are left.`;
    case "reminders.deadlines_coincide":
      return `The start-by date is the notice deadline (${formatDate(note.date)}), so there is one set of reminders.`;
    case "reminders.some_past": {
      const shown = new Set(listed.filter((r) => r.kind === note.kind).map((r) => r.daysBefore));
      const left = note.daysBefore.filter((d) => !shown.has(d));
      if (left.length === 0) return undefined;
      return `The reminder${left.length === 1 ? "" : "s"} ${listDays(left)} before ${DEADLINE[note.kind]} ${left.length === 1 ? "was" : "were"} already past, so ${left.length === 1 ? "it is" : "they are"} not scheduled.`;
    }
  }
}

function headline(plan: ReminderPlan, listing: ReminderListing): string {
  if (listing.off) return "Reminders are off in this channel: none is posted until `reminders on`.";
  const next = listing.reminders.find((r) => r.status === "due");
  if (next) return `Next reminder ${dayOf(next.dueAt)}: ${purpose(next)}.`;
  if (plan.notes.some((n) => n.code === "reminders.notice_passed"))
    return `The notice deadline, ${formatDate(plan.noticeBy)}, has passed: no reminders are due.`;
  return `No reminders are left to post; the notice deadline is ${formatDate(plan.noticeBy)}.`;
}

export function remindersReply(
  plan: ReminderPlan,
  listing: ReminderListing,
  options: { readonly listedOnly: boolean },
): CommandOutcome {
  // The dates table has each deadline's date, so a row names only which one it is.
  const rows = listing.reminders.map((r) => [
    `${dayOf(r.dueAt)} ${String(REMINDER_HOUR_UTC).padStart(2, "0")}:00 UTC`,
    `${days(r.daysBefore)} before ${DEADLINE[r.kind]}`,
    status(r),
  ]);
  const notes = [
    ...(listing.noticeAssumed
      ? [
          `No notice period is set, so I assumed ${DEFAULT_NOTICE_DAYS} days (set notice N to change it).`,
        ]
      : []),
    ...plan.notes
      .map((n) => noteText(n, listing.reminders))
      .filter((t): t is string => t !== undefined),
    `Reminders are posted at ${String(REMINDER_HOUR_UTC).padStart(2, "0")}:00 UTC, each once.`,
    ...(options.listedOnly
      ? [
          "Listed only: nothing is stored or posted from here. In Slack, `/deal set renews DATE notice DAYS` schedules them for the channel.",
        ]
      : []),
  ];
  return replied({
    command: "reminders",
    headline: headline(plan, listing),
    tables: [
      {
        title: "Dates",
        columns: [column("date"), column("what")],
        rows: [
          [formatDate(plan.startBy), `start by (${plan.leadDays} days before the notice deadline)`],
          [
            formatDate(plan.noticeBy),
            `notice deadline (${days(plan.noticeDays)} before the renewal)`,
          ],
          [formatDate(plan.renewalDate), "renewal"],
        ],
      },
      ...(rows.length > 0
        ? [
            {
              title: "Reminders",
              columns: [column("when"), column("for"), column("status")],
              rows,
            },
          ]
        : []),
    ],
    notes,
    working: [
      `notice deadline = ${plan.renewalDate} − ${plan.noticeDays} days = ${plan.noticeBy}`,
      `start-by date = ${plan.noticeBy} − ${plan.leadDays} days = ${plan.startBy}`,
      "each reminder = its date − 30, 7 or 1 days, at 09:00 UTC; those not after now are left out",
    ],
    next: options.listedOnly
      ? ["brief examples/deal.json"]
      : listing.off
        ? ["reminders on"]
        : ["reminders off"],
    data: {
      renewalDate: plan.renewalDate,
      noticeDays: plan.noticeDays,
      noticeAssumed: listing.noticeAssumed,
      noticeBy: plan.noticeBy,
      startBy: plan.startBy,
      off: listing.off,
      listedOnly: options.listedOnly,
      reminders: listing.reminders.map((r) => ({
        kind: r.kind,
        deadline: r.deadline,
        daysBefore: r.daysBefore,
        dueAt: r.dueAt.toISOString(),
        status: r.status,
        why: r.why ?? null,
      })),
    },
  });
}
