/**
 * Renewal reminders end to end, on PGlite and (with TEST_DATABASE_URL) on the PostgreSQL server,
 * with a fake clock: `/deal set renews … notice …` schedules them; a due reminder is posted to the
 * channel once; a restart (a new app on the same database) does not post it again; two replicas
 * sweeping at once post it once; `/deal reminders off` stops them and `on` plans them again;
 * forget deletes them. Sweeps are called by the test (the app's timer is off): no sleeps.
 *
 * Renewal 2027-03-31, 90 days' notice: notice deadline 2026-12-31, start-by 2026-10-02 (core test);
 * reminders 2026-09-02, 09-25, 10-01, 12-01, 12-24 and 12-30, each at 09:00 UTC.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.js";
import { migrate } from "../../src/store/migrate.js";
import { createStore, type Store } from "../../src/store/store.js";
import { type Backend, backends, type TestDb } from "../store/backends.js";
import { blockProblems, blocksText } from "./check-blocks.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { nextCall, slashIn } from "./store-helpers.js";

const CHANNEL = "CR1";
const scope = { teamId: "T1", channelId: CHANNEL };
let clock = new Date("2026-06-01T10:00:00Z");
const now = () => clock;

const reminderPosts = (h: Harness) =>
  h.fake.callsOf("chat.postMessage").filter((c) => String(c.args.text).startsWith(":alarm_clock:"));

async function slash(h: Harness, text: string, channel = CHANNEL): Promise<ApiCall> {
  const from = h.fake.calls.length;
  const res = await slashIn(h.url, h.fake, text, { channel });
  expect(res.status).toBe(200);
  return nextCall(h.fake, "chat.postMessage", from, (c) => c.args.channel === channel);
}

describe.each(backends())("renewal reminders in Slack on $name", (backend: Backend) => {
  let test: TestDb;
  let store: Store;
  let second: Db | undefined;
  let h: Harness;

  beforeAll(async () => {
    clock = new Date("2026-06-01T10:00:00Z");
    test = await backend.open();
    await migrate(test.db);
    store = createStore(test.db);
    h = await startHarness({ store, now, reminderSweepMs: 0 });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await second?.close();
    await test?.dispose();
    await backend.finish();
  });

  it("schedules six reminders when the deal gets its renewal date and notice period", async () => {
    const reply = await slash(h, "set vendor HaloITSM currency GBP renews 2027-03-31 notice 90");
    expect(blockProblems(reply.args.blocks)).toEqual([]);
    const text = blocksText(reply.args.blocks);
    expect(text).toContain("Renews 31 March 2027; notice of non-renewal 90 days before.");
    expect(text).toContain(
      "6 reminders scheduled for this channel, the first on 2026-09-02 at 09:00 UTC",
    );
    const listed = await slash(h, "reminders");
    expect(listed.args.text).toBe(
      "Next reminder 2 September 2026: 30 days before the start-by date (2 October 2026).",
    );
    expect(blocksText(listed.args.blocks)).toContain("30 December 2026 09:00 UTC");
  });

  it("posts a due reminder to the channel once, and a second sweep posts nothing", async () => {
    clock = new Date("2026-09-01T12:00:00Z");
    expect(await h.app.sweepReminders()).toBe(0);
    clock = new Date("2026-09-02T09:00:00Z");
    expect(await h.app.sweepReminders()).toBe(1);
    expect(await h.app.sweepReminders()).toBe(0);
    const posts = reminderPosts(h);
    expect(posts.map((c) => [c.args.channel, c.args.text])).toEqual([
      [
        CHANNEL,
        ":alarm_clock: 30 days to the start-by date of the HaloITSM renewal on 31 March 2027, 2 October 2026: time to gather usage, get a competing quote and start talks while walking away is still possible. `/deal reminders` lists the reminders; `/deal reminders off` stops them.",
      ],
    ]);
    const audit = await store.audit.list(scope);
    expect(audit[0]?.action).toBe("reminder.posted");
    const listed = await slash(h, "reminders");
    expect(blocksText(listed.args.blocks)).toMatch(/2 September 2026 09:00 UTC.*posted/s);
  });

  it("does not post it again after a restart (a new app on the same database)", async () => {
    await h.close();
    h = await startHarness({ store, now, reminderSweepMs: 0 });
    expect(await h.app.sweepReminders()).toBe(0);
    expect(reminderPosts(h)).toEqual([]);
  });

  it("posts once when two replicas sweep at the same moment", async () => {
    // On the server the second replica has its own connection; PGlite is one process's database.
    second = backend.openAnother?.(test.schema);
    const other = await startHarness({
      store: second ? createStore(second) : store,
      now,
      reminderSweepMs: 0,
    });
    try {
      clock = new Date("2026-09-25T09:00:00Z");
      const posted = await Promise.all([h.app.sweepReminders(), other.app.sweepReminders()]);
      expect(posted[0] + posted[1]).toBe(1);
      const texts = [...reminderPosts(h), ...reminderPosts(other)].map((c) => c.args.text);
      expect(texts).toHaveLength(1);
      expect(String(texts[0])).toContain("7 days to the start-by date");
    } finally {
      await other.close();
    }
  });

  it("stops when turned off, and plans again from the deal when turned on", async () => {
    const off = await slash(h, "reminders off");
    expect(off.args.text).toBe(
      "Reminders are off in this channel: none is posted until `reminders on`.",
    );
    clock = new Date("2026-10-01T09:00:00Z");
    expect(await h.app.sweepReminders()).toBe(0);
    // Turned on at 10:00 on 1 October: the start-by reminders are past; notice ones remain.
    clock = new Date("2026-10-01T10:00:00Z");
    const on = await slash(h, "reminders on");
    expect(on.args.text).toBe(
      "Next reminder 1 December 2026: 30 days before the notice deadline (31 December 2026).",
    );
    clock = new Date("2026-12-01T09:00:00Z");
    expect(await h.app.sweepReminders()).toBe(1);
    expect(String(reminderPosts(h).at(-1)?.args.text)).toContain(
      "30 days to the notice deadline of the HaloITSM renewal on 31 March 2027: notice of non-renewal is due by 31 December 2026",
    );
    const actions = (await store.audit.list(scope)).map((e) => e.action);
    expect(actions).toContain("reminders.turned_off");
    expect(actions).toContain("reminders.turned_on");
  });

  it("posts only the latest of reminders found late, and none once the deadline's day began", async () => {
    // Down from 2 December to 29 December 09:00: the 7-day reminder (24 December) is found
    // late but is still the latest due; on 31 December the 1-day one is too late.
    clock = new Date("2026-12-29T09:00:00Z");
    expect(await h.app.sweepReminders()).toBe(1);
    expect(String(reminderPosts(h).at(-1)?.args.text)).toContain("7 days to the notice deadline");
    clock = new Date("2026-12-31T00:00:00Z");
    expect(await h.app.sweepReminders()).toBe(0);
    const listed = await slash(h, "reminders");
    expect(blocksText(listed.args.blocks)).toContain("not posted (too_late)");
  });

  it("records a post Slack refuses and never tries it again", async () => {
    clock = new Date("2027-01-10T00:00:00Z");
    await slash(h, "set vendor HaloITSM renews 2027-06-30 notice 30", "CR2");
    // Notice deadline 2027-06-30 − 30 = 05-31; its 30-day reminder 05-01 09:00 UTC; start-by
    // 05-31 − 90 = 03-02, reminded from 01-31 09:00 UTC.
    clock = new Date("2027-01-31T09:00:00Z");
    h.fake.refuse("chat.postMessage", "not_in_channel", 1);
    expect(await h.app.sweepReminders()).toBe(0);
    expect(await h.app.sweepReminders()).toBe(0);
    const listed = await slash(h, "reminders", "CR2");
    expect(blocksText(listed.args.blocks)).toMatch(
      /31 January 2027 09:00 UTC.*not posted \(not_in_channel\)/s,
    );
    expect(h.log.some((l) => l.includes("posting reminder") && l.includes("not_in_channel"))).toBe(
      true,
    );
  });

  it("is deleted with the channel's data by forget", async () => {
    await store.forget(scope, { by: "U1", at: clock });
    expect(await store.reminders.list(scope)).toEqual([]);
    // A refusal goes to the requester alone.
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "reminders", { channel: CHANNEL });
    const refused = await nextCall(h.fake, "chat.postEphemeral", from);
    expect(blocksText(refused.args.blocks)).toContain(
      "this channel's deal has no renewal date, so there is nothing to remind of",
    );
  });
});
