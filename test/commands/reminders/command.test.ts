/**
 * `reminders` in the command layer: the typed preview (console, CLI) with its dates and notes, the
 * refusals a user sees, and the port the Slack app hands in (list, off, on). Dates as in
 * test/core/reminders.test.ts: renewal 2027-03-31, 90 days' notice → notice deadline 2026-12-31,
 * start-by 2026-10-02.
 */
import { describe, expect, it } from "vitest";
import { remindersCommand } from "../../../src/commands/reminders/command.js";
import type { ChannelReminders, ReminderListing } from "../../../src/commands/reminders/listing.js";
import { planForDeal } from "../../../src/commands/reminders/plan.js";
import type { CommandOutcome, Reply } from "../../../src/commands/reply.js";
import { testContext } from "../context.js";

const june = testContext({ now: () => new Date("2026-06-01T10:00:00Z") });
const run = (text: string, ctx = june) => remindersCommand.run(text, ctx);
const replyOf = (o: CommandOutcome): Reply => {
  if (!o.ok) throw new Error(o.issues.map((i) => i.message).join("; "));
  return o.reply;
};
const issuesOf = (o: CommandOutcome) => (o.ok ? [] : o.issues);

describe("reminders renews DATE notice DAYS (a preview: nothing stored or posted)", () => {
  it("lists the dates and the six reminders", async () => {
    const r = replyOf(await run("renews 2027-03-31 notice 90"));
    expect(r.headline).toBe(
      "Next reminder 2 September 2026: 30 days before the start-by date (2 October 2026).",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["2 October 2026", "start by (90 days before the notice deadline)"],
      ["31 December 2026", "notice deadline (90 days before the renewal)"],
      ["31 March 2027", "renewal"],
    ]);
    expect(r.tables[1]?.rows.map((row) => row[0])).toEqual([
      "2 September 2026 09:00 UTC",
      "25 September 2026 09:00 UTC",
      "1 October 2026 09:00 UTC",
      "1 December 2026 09:00 UTC",
      "24 December 2026 09:00 UTC",
      "30 December 2026 09:00 UTC",
    ]);
    expect(r.tables[1]?.rows[3]).toEqual([
      "1 December 2026 09:00 UTC",
      "30 days before the notice deadline",
      "due",
    ]);
    expect(r.notes).toContain(
      "Listed only: nothing is stored or posted from here. In Slack, `/deal set renews DATE notice DAYS` schedules them for the channel.",
    );
    expect(r.working).toEqual([
      "notice deadline = 2027-03-31 − 90 days = 2026-12-31",
      "start-by date = 2026-12-31 − 90 days = 2026-10-02",
      "each reminder = its date − 30, 7 or 1 days, at 09:00 UTC; those not after now are left out",
    ]);
    expect(r.data).toMatchObject({
      renewalDate: "2027-03-31",
      noticeDays: 90,
      noticeAssumed: false,
      noticeBy: "2026-12-31",
      startBy: "2026-10-02",
      off: false,
      listedOnly: true,
    });
  });

  it("says when the notice period was assumed, and what is already past", async () => {
    const r = replyOf(
      await run("renews 2027-03-31", testContext({ now: () => new Date("2026-12-24T09:00:00Z") })),
    );
    expect(r.headline).toBe(
      "Next reminder 30 December 2026: 1 day before the notice deadline (31 December 2026).",
    );
    expect(r.notes.slice(0, 3)).toEqual([
      "No notice period is set, so I assumed 90 days (set notice N to change it).",
      "The start-by date, 2 October 2026, is today or has passed: start now. Only the notice deadline's reminders are left.",
      "The reminders 30 days and 7 days before the notice deadline were already past, so they are not scheduled.",
    ]);
  });

  it("says when the notice deadline has passed", async () => {
    const r = replyOf(
      await run(
        "renews 2027-03-31 notice 90",
        testContext({ now: () => new Date("2027-01-05T00:00:00Z") }),
      ),
    );
    expect(r.headline).toBe(
      "The notice deadline, 31 December 2026, has passed: no reminders are due.",
    );
    expect(r.tables).toHaveLength(1);
  });

  it.each([
    [
      "renews 31/03/2027",
      "set.renewal_date",
      'write the renewal date as year-month-day, not "31/03/2027" (a date like 03/04/2027 reads two ways)',
    ],
    ["renews 2027-02-29", "set.renewal_date", "the renewal date 2027-02-29 is not a date"],
    [
      "renews 2027-03-31 notice 3m",
      "set.notice_days",
      'the notice period is a number of days, not "3m"',
    ],
    [
      "renews 2027-03-31 notice 400",
      "set.notice_days",
      "the notice period must be at most 365 days, not 400",
    ],
    ["notice 90", "reminders.no_renewal_date", "reminders needs the renewal date: renews DATE"],
    ["renews", "reminders.missing_value", "renews needs a value"],
    [
      "every week",
      "reminders.unknown_word",
      'I don\'t know "every" here: reminders takes off, on, or renews DATE notice DAYS',
    ],
    ["off now", "reminders.extra_words", "reminders off takes nothing after it"],
  ])("refuses %s", async (text, code, message) => {
    expect(issuesOf(await run(text)).map((i) => [i.code, i.message])).toEqual([[code, message]]);
  });

  it("suggests this command's own form for a bad date, not /deal set's", async () => {
    expect(issuesOf(await run("renews 2027-02-29")).map((i) => i.hint)).toEqual([
      "reminders renews 2027-03-31 notice 90",
    ]);
  });

  it("explains that off, on and the channel's list are Slack's", async () => {
    expect(issuesOf(await run("")).map((i) => i.message)).toEqual([
      "reminders are kept per Slack channel; here, give the renewal date to list them",
    ]);
    expect(issuesOf(await run("off")).map((i) => i.message)).toEqual([
      "reminders off works in a Slack channel, where reminders are posted; nothing is scheduled here",
    ]);
  });
});

describe("reminders through the channel's port", () => {
  const plan = planForDeal("2027-03-31", 90, new Date("2026-06-01T10:00:00Z"));
  if (!plan.ok) throw new Error("bad plan");
  const calls: string[] = [];
  const listing = (off: boolean): ReminderListing => ({
    plan: plan.value,
    noticeAssumed: false,
    off,
    reminders: plan.value.reminders.map((r, i) => ({
      ...r,
      status: off ? ("off" as const) : i === 0 ? ("posted" as const) : ("due" as const),
    })),
  });
  const port: ChannelReminders = {
    list: async () => {
      calls.push("list");
      return listing(false);
    },
    turnOff: async () => {
      calls.push("off");
      return listing(true);
    },
    turnOn: async () => {
      calls.push("on");
      return listing(false);
    },
  };
  const ctx = testContext({ reminders: port, now: () => new Date("2026-09-03T00:00:00Z") });

  it("lists, turns off and on", async () => {
    const listed = replyOf(await run("", ctx));
    expect(listed.headline).toBe(
      "Next reminder 25 September 2026: 7 days before the start-by date (2 October 2026).",
    );
    expect(listed.tables[1]?.rows[0]?.[2]).toBe("posted");
    expect(replyOf(await run("off", ctx)).headline).toBe(
      "Reminders are off in this channel: none is posted until `reminders on`.",
    );
    expect(replyOf(await run("ON", ctx)).next).toEqual(["reminders off"]);
    expect(calls).toEqual(["list", "off", "on"]);
  });

  it("refuses a channel whose deal has no renewal date, with how to set one", async () => {
    const none: ChannelReminders = {
      list: async () => ({ noticeAssumed: false, off: false, reminders: [] }),
      turnOff: async () => ({ noticeAssumed: false, off: true, reminders: [] }),
      turnOn: async () => ({ noticeAssumed: false, off: false, reminders: [] }),
    };
    const o = await run("", testContext({ reminders: none }));
    expect(issuesOf(o)).toEqual([
      {
        code: "reminders.no_renewal_date",
        message: "this channel's deal has no renewal date, so there is nothing to remind of",
        hint: "/deal set renews 2027-03-31 notice 90",
      },
    ]);
  });
});
