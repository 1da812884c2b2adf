/**
 * The right-sizing reply for a roster: how many licences real usage needs, why the others are
 * flagged, what removing them saves a year, and flagged-users.csv with every flagged person.
 */
import { formatMoney, moneyJson, times } from "../../core/money.js";
import type { FlagReason, RightsizeReport } from "../../core/rightsize.js";
import { column, type ReplyFile, type Table } from "../reply.js";
import { csvFile } from "../reply-csv.js";
import { count, iso, plural } from "./format.js";
import { type RateUse, rateText } from "./rates.js";

const REASONS: readonly FlagReason[] = [
  "departed",
  "disabled",
  "never_logged_in",
  "inactive",
  "occasional",
];

function reasonLabel(reason: FlagReason, r: RightsizeReport): string {
  switch (reason) {
    case "never_logged_in":
      return "never logged in";
    case "inactive":
      return `no login in ${r.inactiveDays} days`;
    case "occasional":
      return `occasional (activity below ${r.occasionalBelow})`;
    default:
      return reason;
  }
}

/**
 * The day inactivity was measured to and why that day: typed (`--as-of 2026-10-01`), today
 * (`--as-of today`, or a file with no dates), or by default the newest date in the file.
 */
export interface AsOfUse {
  readonly ms: number;
  readonly source: "typed" | "today" | "file" | "no-dates";
  /** Dates in the file later than today, not taken as its date. */
  readonly afterToday: number;
}

/** `2 Oct 2026`. The day is midnight UTC, as --as-of gives it. */
function dayText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Inactivity measured to 2 Oct 2026, the newest date in the file; --as-of to change.` */
export function asOfLine(a: AsOfUse): string {
  const day = dayText(a.ms);
  switch (a.source) {
    case "typed":
      return `Inactivity measured to ${day} (--as-of).`;
    case "today":
      return `Inactivity measured to today, ${day} (--as-of today).`;
    case "no-dates":
      return `Inactivity measured to today, ${day}: the file has no dates; --as-of to change.`;
    case "file":
      return `Inactivity measured to ${day}, the newest date in the file; --as-of to change.`;
  }
}

/** ` (2 more rows could not be read: see skipped-rows.csv)`, or nothing when every row was read. */
function unreadText(r: RightsizeReport): string {
  if (r.unreadRows === 0) return "";
  return ` (${plural(r.unreadRows, "more row", "more rows")} could not be read: see skipped-rows.csv)`;
}

/**
 * `Licence 212 active fulfillers, not 260 provisioned: £40,320 a year.` Rows that could not be read
 * are not in "provisioned", so the headline says how many there were.
 */
export function rightsizeHeadline(
  r: RightsizeReport,
  rate: RateUse | undefined,
  asOf: AsOfUse,
): string {
  return `${answerText(r, rate)} ${asOfLine(asOf)}`;
}

function answerText(r: RightsizeReport, rate: RateUse | undefined): string {
  const unread = unreadText(r);
  if (r.removable === 0) {
    return `All ${plural(r.provisioned, "provisioned licence is", "provisioned licences are")} in use${unread}: none to remove.`;
  }
  const what = rate
    ? `${formatMoney(r.annualSaving)} a year`
    : `${plural(r.removable, "licence", "licences")} unused`;
  return `Licence ${count(r.recommended)} active fulfillers, not ${count(r.provisioned)} provisioned${unread}: ${what}.`;
}

function unpricedTotal(r: RightsizeReport): number {
  return REASONS.reduce((n, reason) => n + r.unpriced[reason], 0);
}

export function reasonsTable(r: RightsizeReport, rate: RateUse | undefined): Table {
  const rows = REASONS.filter((reason) => r.counts[reason] > 0).map((reason) => {
    const n = r.counts[reason];
    const remove = reason !== "occasional";
    return [
      reasonLabel(reason, r),
      count(n),
      remove ? "remove" : "keep; pool candidate",
      remove && rate ? formatMoney(times(r.annualRate, n - r.unpriced[reason])) : "",
    ];
  });
  rows.push(["total to remove", count(r.removable), "", rate ? formatMoney(r.annualSaving) : ""]);
  return {
    title: `${plural(r.provisioned, "licence", "licences")} provisioned; ${count(r.active)} in regular use`,
    columns: [
      column("reason"),
      column("users", "right"),
      column("action"),
      column("annual", "right"),
    ],
    rows,
  };
}

export function rightsizeNotes(
  r: RightsizeReport,
  rate: RateUse | undefined,
  asOf: AsOfUse,
): string[] {
  const notes: string[] = [];
  if (rate)
    notes.push(
      `Rate: ${rateText(rate)} per licence${rate.source === "channel" ? " (the channel's deal)" : ""}.`,
    );
  if (r.counts.occasional > 0) {
    notes.push(
      `${plural(r.counts.occasional, "occasional user keeps", "occasional users keep")} access: ${r.counts.occasional === 1 ? "a candidate" : "candidates"} for a concurrent pool, not for removal.`,
    );
  }
  if (r.skippedChecks.includes("last_login")) {
    notes.push("No last-login column: nobody was flagged as inactive or never logged in.");
  }
  if (r.skippedChecks.includes("activity")) {
    notes.push("No activity column: nobody was flagged as occasional.");
  }
  const unpriced = unpricedTotal(r);
  if (unpriced > 0) {
    notes.push(
      `${plural(unpriced, "user to remove holds", "users to remove hold")} a concurrent or occasional licence, not a named one: removing ${unpriced === 1 ? "it" : "them"} frees no named licence, so ${unpriced === 1 ? "it is" : "they are"} not priced in the saving.`,
    );
  }
  if (r.invitedNeverLoggedIn > 0) {
    notes.push(
      `${plural(r.invitedNeverLoggedIn, "invited user has", "invited users have")} never accepted: counted as never logged in (invited more than ${r.inactiveDays} days ago, or no created date).`,
    );
  }
  if (r.counts.disabled > 0) {
    notes.push(
      `Disabled accounts (suspended, locked, deactivated) are counted as licences to remove: check the vendor still bills them. Atlassian, for one, stops billing suspended and deactivated users, so that part of the saving may be made already.`,
    );
  }
  if (r.newNotYetLoggedIn > 0) {
    notes.push(
      `${plural(r.newNotYetLoggedIn, "new user has", "new users have")} not logged in yet (created within ${r.inactiveDays} days): not flagged.`,
    );
  }
  if (asOf.afterToday > 0) {
    notes.push(
      `${plural(asOf.afterToday, "date in the file is", "dates in the file are")} after today, so not taken as the file's date: check ${asOf.afterToday === 1 ? "it" : "them"} (a typing slip?).`,
    );
  }
  notes.push(
    `--inactive ${r.inactiveDays} and --occasional ${r.occasionalBelow} set the thresholds.`,
  );
  return notes;
}

export function rightsizeWorking(r: RightsizeReport, rate: RateUse | undefined): string[] {
  const parts = REASONS.filter((x) => x !== "occasional" && r.counts[x] > 0).map(
    (x) => `${count(r.counts[x])} ${reasonLabel(x, r)}`,
  );
  const lines = [
    `to remove: ${parts.length > 0 ? parts.join(" + ") : "0"} = ${count(r.removable)}`,
    `licences needed: ${count(r.provisioned)} provisioned − ${count(r.removable)} = ${count(r.recommended)}`,
  ];
  if (rate) {
    const per =
      rate.period === "month" ? `${formatMoney(rate.given)} × 12` : `${formatMoney(rate.given)}/yr`;
    const unpriced = unpricedTotal(r);
    const priced =
      unpriced === 0
        ? count(r.removable)
        : `(${count(r.removable)} − ${count(unpriced)} on a concurrent licence)`;
    lines.push(`saving: ${priced} × ${per} = ${formatMoney(r.annualSaving)}`);
  }
  return lines;
}

/**
 * flagged-users.csv: every flagged person (their id as written in the roster, via `showUser`) with
 * the reason and what to do.
 */
export function flaggedUsersFile(
  r: RightsizeReport,
  showUser: (key: string) => string = (key) => key,
): ReplyFile | undefined {
  if (r.flagged.length === 0) return undefined;
  return csvFile(
    "flagged-users.csv",
    `The ${plural(r.flagged.length, "flagged user", "flagged users")}, each with the reason and the action`,
    ["user", "name", "reason", "action", "days since last login", "activity"],
    r.flagged.map((f) => [
      showUser(f.user),
      f.name ?? "",
      reasonLabel(f.reason, r),
      f.action === "remove" ? "remove" : "keep; pool candidate",
      f.daysSinceLogin === undefined ? "" : String(f.daysSinceLogin),
      f.activity === undefined ? "" : String(f.activity),
    ]),
  );
}

/**
 * The `rightsize` block of the JSON contract (counts only; the people are in flagged-users.csv):
 * `provisioned`, `active` (no flag), `recommended` (provisioned − removable), `removable`,
 * `flagged` `{ departed, disabled, never_logged_in, inactive, occasional }`, `annualRate` and
 * `annualSaving` (money, null without a rate), `inactiveDays`, `occasionalBelow`, `asOf` (ISO),
 * `asOfSource` ("file": the newest date in it, the default; "typed"; "today"; "no-dates"),
 * `skippedChecks` (["last_login" | "activity"]), `newNotYetLoggedIn`, `invitedNeverLoggedIn`,
 * `unreadRows` (roster rows not read, so not in `provisioned`), `unpricedConcurrent` (removals on a
 * concurrent licence, not priced at the named rate).
 */
export function rightsizeData(
  r: RightsizeReport,
  rate: RateUse | undefined,
  asOf: AsOfUse,
): Record<string, unknown> {
  return {
    provisioned: r.provisioned,
    active: r.active,
    recommended: r.recommended,
    removable: r.removable,
    flagged: { ...r.counts },
    annualRate: rate ? moneyJson(r.annualRate) : null,
    annualSaving: rate ? moneyJson(r.annualSaving) : null,
    inactiveDays: r.inactiveDays,
    occasionalBelow: r.occasionalBelow,
    asOf: iso(asOf.ms),
    asOfSource: asOf.source,
    skippedChecks: [...r.skippedChecks],
    newNotYetLoggedIn: r.newNotYetLoggedIn,
    invitedNeverLoggedIn: r.invitedNeverLoggedIn,
    unpricedConcurrent: unpricedTotal(r),
    unreadRows: r.unreadRows,
  };
}
