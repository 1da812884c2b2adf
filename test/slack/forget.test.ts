/**
 * `/deal forget` end to end on a real store (in-memory PGlite): the prompt only the requester
 * sees, with this channel's counts and a danger button behind a confirmation dialog; confirming
 * deletes this channel's data only (another channel's deal survives), audits it, and posts one
 * line; Cancel deletes nothing; and without a store it says there is nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { blockProblems, blocksText } from "./check-blocks.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";
import { buttonsOf, clickButton, nextCall, openTestStore, slashIn } from "./store-helpers.js";

const T1 = "T1";
let h: Harness;
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  h = await startHarness({ store });
}, 30_000);
afterAll(async () => {
  await h.close();
  await store.close();
});

const SET = "set vendor HaloITSM currency GBP named 70 concurrent 140";

async function setDeal(channel: string): Promise<void> {
  const from = h.fake.calls.length;
  await slashIn(h.url, h.fake, SET, { channel });
  await nextCall(h.fake, "chat.postMessage", from, (c) => c.args.channel === channel);
}

async function prompt(channel: string) {
  const from = h.fake.calls.length;
  const res = await slashIn(h.url, h.fake, "forget", { channel });
  expect(res.status).toBe(200);
  return nextCall(h.fake, "chat.postEphemeral", from, (c) => c.args.channel === channel);
}

async function waitForResponse(path: string) {
  await h.fake.waitFor(() => h.fake.responses.some((r) => r.path === path), path);
  return h.fake.responses.find((r) => r.path === path)?.body ?? {};
}

describe("/deal forget", () => {
  it("shows the requester this channel's counts, and the confirm button deletes only this channel's data", async () => {
    await setDeal("CF1");
    await setDeal("CF2");
    await store.analyses.add(
      { teamId: T1, channelId: "CF1" },
      { kind: "cost", inputs: "x", outputs: {}, calculatorVersion: "0.1.0" },
      { by: "U1", at: new Date("2026-03-02T10:00:00Z") },
    );
    const ask = await prompt("CF1");
    expect(ask.args.user).toBe("U1");
    expect(blockProblems(ask.args.blocks)).toEqual([]);
    expect(ask.args.text).toBe(
      "Forget this channel? Stored: 1 deal, 0 uploads, 1 analysis and 0 drafts.",
    );
    const [confirm, cancel] = buttonsOf(ask);
    expect(confirm?.text.text).toBe("Delete this channel's data");
    expect(confirm?.style).toBe("danger");
    expect(confirm?.confirm).toMatchObject({
      title: { text: "Delete this channel's data?" },
      confirm: { text: "Delete" },
      deny: { text: "Keep it" },
      style: "danger",
    });
    expect(cancel?.text.text).toBe("Cancel");
    if (!confirm) throw new Error("no confirm button");

    const from = h.fake.calls.length;
    const res = await clickButton(h.url, h.fake, confirm, { channel: "CF1", respond: "forget-1" });
    expect(res.status).toBe(200);
    const replaced = await waitForResponse("/respond/forget-1");
    const line =
      "<@U1> deleted dealdesk's data for this channel: 1 deal, 0 uploads, 1 analysis and 0 drafts.";
    expect(replaced).toMatchObject({ replace_original: true, text: line });
    const posted = await nextCall(h.fake, "chat.postMessage", from);
    expect(posted.args).toMatchObject({ channel: "CF1", text: line });

    expect(await store.deals.get({ teamId: T1, channelId: "CF1" })).toBeUndefined();
    expect(await store.analyses.list({ teamId: T1, channelId: "CF1" })).toEqual([]);
    expect((await store.deals.get({ teamId: T1, channelId: "CF2" }))?.vendor).toBe("HaloITSM");
    const [audit] = await store.audit.list({ teamId: T1, channelId: "CF1" }, { limit: 1 });
    expect(audit).toMatchObject({
      action: "channel.forgotten",
      actor: "U1",
      detail: { deals: 1, uploads: 0, rawRows: 0, analyses: 1, drafts: 0, offers: 0 },
    });
  });

  it("Cancel deletes nothing and says so in place of the prompt", async () => {
    await setDeal("CF3");
    const ask = await prompt("CF3");
    const cancel = buttonsOf(ask).find((b) => b.action_id === "dealdesk.forget.cancel");
    if (!cancel) throw new Error("no cancel button");
    await clickButton(h.url, h.fake, cancel, { channel: "CF3", respond: "forget-2" });
    expect(await waitForResponse("/respond/forget-2")).toMatchObject({
      replace_original: true,
      text: "Cancelled: nothing was deleted.",
    });
    expect((await store.deals.get({ teamId: T1, channelId: "CF3" }))?.vendor).toBe("HaloITSM");
  });

  it("ignores a confirm click whose button was made for another channel", async () => {
    await setDeal("CF4");
    await setDeal("CF5");
    const ask = await prompt("CF4");
    const [confirm] = buttonsOf(ask);
    if (!confirm) throw new Error("no confirm button");
    await clickButton(h.url, h.fake, confirm, { channel: "CF5", respond: "forget-3" });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responses.some((r) => r.path === "/respond/forget-3")).toBe(false);
    expect((await store.deals.get({ teamId: T1, channelId: "CF4" }))?.vendor).toBe("HaloITSM");
    expect((await store.deals.get({ teamId: T1, channelId: "CF5" }))?.vendor).toBe("HaloITSM");
  });

  it("says plainly when nothing is stored for the channel, without buttons", async () => {
    const ask = await prompt("CF6");
    expect(ask.args.text).toBe(
      "dealdesk has nothing stored for <#CF6>: no deal, uploads, analyses, drafts or offers.",
    );
    expect(buttonsOf(ask)).toEqual([]);
  });

  it("answers a mention saying forget with the same prompt, to the requester alone", async () => {
    await setDeal("CF7");
    const from = h.fake.calls.length;
    await sendEvent(h.url, {
      type: "app_mention",
      user: "U2",
      text: "<@UBOT> forget this channel",
      ts: "1700009000.000100",
      channel: "CF7",
      event_ts: "1700009000.000100",
    });
    const ask = await nextCall(h.fake, "chat.postEphemeral", from);
    expect(ask.args).toMatchObject({ channel: "CF7", user: "U2", thread_ts: "1700009000.000100" });
    expect(blocksText(ask.args.blocks)).toContain("Delete this channel's data");
  });
});

describe("/deal forget without a store", () => {
  it("says this dealdesk keeps no stored data", async () => {
    const bare = await startHarness();
    try {
      const from = bare.fake.calls.length;
      await slashIn(bare.url, bare.fake, "forget", { channel: "CF8" });
      const said = await nextCall(bare.fake, "chat.postEphemeral", from);
      expect(said.args.text).toBe(
        "This dealdesk keeps no stored data: no database is configured, so the channel's deal lives in memory only and is gone when dealdesk restarts. There is nothing to forget.",
      );
      expect(buttonsOf(said)).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
