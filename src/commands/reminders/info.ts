/** What `help` and the registry know about `reminders`. */
import type { CommandInfo } from "../command.js";

export const REMINDERS_EXAMPLE = "reminders renews 2027-03-31 notice 90";
export const REMINDERS_USAGE = "reminders [off | on] | reminders renews YYYY-MM-DD [notice DAYS]";

export const REMINDERS_INFO: CommandInfo = {
  name: "reminders",
  aliases: ["reminder"],
  summary:
    "Renewal reminders: the start-by date and the notice deadline, with reminders 30, 7 and 1 days before each.",
  usage: REMINDERS_USAGE,
  // Each example runs anywhere (the dispatch test runs them with no channel): the channel's own
  // `reminders`, `reminders off` and `reminders on` are in the help text.
  examples: [REMINDERS_EXAMPLE, "reminders renews 2028-02-29 notice 30d"],
  help: [
    "In Slack, `/deal set renews 2027-03-31 notice 90` gives the channel's deal its renewal date and notice period; the reminders are planned from them and posted to the channel.",
    "The notice deadline is the renewal date less the notice period (90 days when not set); the start-by date is 90 days before that, as the brief has.",
    "Each reminder is posted at 09:00 UTC, 30, 7 and 1 days before each date; reminders already past are not scheduled. Each is posted once, whatever restarts or replicas.",
    "`reminders` lists them (posted or due); `reminders off` stops them and `reminders on` plans them again from the deal.",
    "In the console and on the command line, `reminders renews DATE [notice DAYS]` lists the dates and reminders without storing or posting anything.",
  ],
};
