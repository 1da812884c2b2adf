/**
 * `reminders`: in Slack, the channel's renewal reminders (listed, turned off, turned on) through
 * the ChannelReminders port the app hands in; anywhere, `reminders renews DATE [notice DAYS]`
 * lists what would be scheduled, storing and posting nothing.
 */
import type { Issue } from "../../core/result.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { parseNoticeDays, parseRenewalDate } from "../deal/set-renewal.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, rejected } from "../reply.js";
import { REMINDERS_EXAMPLE, REMINDERS_INFO } from "./info.js";
import type { ReminderListing } from "./listing.js";
import { planForDeal } from "./plan.js";
import { remindersReply } from "./reply.js";

const NAME = "reminders";
const SLACK_SET = "/deal set renews 2027-03-31 notice 90";

const refuse = (code: string, message: string, hint = REMINDERS_EXAMPLE): CommandOutcome =>
  rejected(NAME, [{ code, message, hint }], REMINDERS_EXAMPLE);

function fromListing(listing: ReminderListing): CommandOutcome {
  if (listing.plan === undefined) {
    return refuse(
      "reminders.no_renewal_date",
      "this channel's deal has no renewal date, so there is nothing to remind of",
      SLACK_SET,
    );
  }
  return remindersReply(listing.plan, listing, { listedOnly: false });
}

/** `renews DATE [notice DAYS]`, in any order. */
function preview(tokens: readonly string[], ctx: CommandContext): CommandOutcome {
  let renewal: string | undefined;
  let notice: number | undefined;
  const issues: Issue[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const word = (tokens[i] ?? "").toLowerCase().replace(/^--?/, "");
    const value = tokens[i + 1];
    if (word !== "renews" && word !== "notice") {
      issues.push({
        code: "reminders.unknown_word",
        message: `I don't know "${tokens[i]}" here: reminders takes off, on, or renews DATE notice DAYS`,
        hint: REMINDERS_EXAMPLE,
      });
      break;
    }
    if (value === undefined) {
      issues.push({
        code: "reminders.missing_value",
        message: `${word} needs a value`,
        hint: REMINDERS_EXAMPLE,
      });
      break;
    }
    const r = word === "renews" ? parseRenewalDate(value) : parseNoticeDays(value);
    // The date readers are shared with `/deal set`; here the example to copy is this command's.
    if (!r.ok) issues.push({ ...r.issue, hint: REMINDERS_EXAMPLE });
    else if (typeof r.value === "string") renewal = r.value;
    else notice = r.value;
  }
  if (issues.length > 0) return rejected(NAME, issues, REMINDERS_EXAMPLE);
  if (renewal === undefined) {
    return refuse("reminders.no_renewal_date", "reminders needs the renewal date: renews DATE");
  }
  const plan = planForDeal(renewal, notice, ctx.now());
  if (!plan.ok) return rejected(NAME, plan.issues, REMINDERS_EXAMPLE);
  return remindersReply(
    plan.value,
    {
      plan: plan.value,
      noticeAssumed: notice === undefined,
      off: false,
      reminders: plan.value.reminders.map((r) => ({ ...r, status: "due" as const })),
    },
    { listedOnly: true },
  );
}

export const remindersCommand: Command = {
  ...REMINDERS_INFO,
  async run(text, ctx) {
    const tokens = tokenize(text);
    const first = (tokens[0] ?? "").toLowerCase();
    if (tokens.length > 0 && first !== "off" && first !== "on") return preview(tokens, ctx);
    if (tokens.length > 1) {
      return refuse(
        "reminders.extra_words",
        `reminders ${first} takes nothing after it`,
        `reminders ${first}`,
      );
    }
    const port = ctx.reminders;
    if (port === undefined) {
      return refuse(
        "reminders.not_here",
        tokens.length === 0
          ? "reminders are kept per Slack channel; here, give the renewal date to list them"
          : `reminders ${first} works in a Slack channel, where reminders are posted; nothing is scheduled here`,
      );
    }
    if (first === "off") return fromListing(await port.turnOff());
    if (first === "on") return fromListing(await port.turnOn());
    return fromListing(await port.list());
  },
};
