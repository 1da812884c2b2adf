/**
 * What the bot analyses is saved per channel, end to end on a real store (in-memory PGlite) with
 * the real file analyser: a shared session log is saved as an upload (counts, sha256, raw rows)
 * with its analysis (rates in, figures out, no names), audited; "Change rates" re-runs it from the
 * stored rows after the app is stopped and started again on the same store; a typed /deal cost is
 * saved as an analysis; App Home lists the saved analyses of the user's channels.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseUpload } from "../../src/commands/file-analysis/analyse.js";
import type { Store } from "../../src/store/store.js";
import { blockProblems, blocksText } from "./check-blocks.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent, sendInteraction } from "./signed.js";
import {
  SIX_PEOPLE_BYTES as BYTES,
  buttonsOf,
  clickButton,
  nextCall,
  openTestStore,
  slashIn,
} from "./store-helpers.js";

const VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string })
  .version;
const C = { teamId: "T1", channelId: "CS1" };

/**
 * ann and bob work all day; cat, dan, eve and fay log in for an hour each, never at the same time.
 * At £70 named / £140 concurrent a month: all named 6 × 70 = £420; all pooled, peak 3 (ann, bob
 * and one light user) × 140 = £420; ann and bob named plus a pool of 1: 2 × 70 + 140 = £280, the
 * cheapest, £3,360 a year.
 */

let store: Store;
let h: Harness;

beforeAll(async () => {
  store = await openTestStore();
  h = await startHarness({ store, analyseUpload });
}, 30_000);
afterAll(async () => {
  await h.close();
  await store.close();
});

async function shareFile(id: string, channel: string, user = "U1"): Promise<ApiCall> {
  h.fake.describe({
    id,
    name: "sessions.csv",
    size: BYTES.byteLength,
    url: h.fake.serve(`${id}-sessions.csv`, BYTES),
    channel,
    ts: "1700002000.000001",
  });
  const from = h.fake.calls.length;
  await sendEvent(h.url, {
    type: "file_shared",
    file_id: id,
    user_id: user,
    channel_id: channel,
    file: { id },
    event_ts: "1700002000.000001",
  });
  return nextCall(
    h.fake,
    "chat.update",
    from,
    (c) => blocksText(c.args.blocks).includes("Change rates"),
    20_000,
  );
}

describe("saved uploads and analyses", () => {
  let result: ApiCall;

  it("saves a shared file as an upload with its raw rows, and its analysis without names", async () => {
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "set vendor HaloITSM currency GBP named 70 concurrent 140", {
      channel: C.channelId,
    });
    await nextCall(h.fake, "chat.postMessage", from);
    result = await shareFile("FS1", C.channelId);
    expect(blockProblems(result.args.blocks)).toEqual([]);

    const [upload, ...others] = await store.uploads.list(C);
    expect(others).toEqual([]);
    expect(upload).toMatchObject({
      fileName: "sessions.csv",
      sha256: createHash("sha256").update(BYTES).digest("hex"),
      kind: "sessions",
      rowsTotal: 6,
      rowsUsed: 6,
      rowsRejected: 0,
      errorSummary: [],
      uploadedBy: "U1",
    });
    if (!upload) throw new Error("no upload");
    const raw = await store.uploads.rawRows(C, upload.id);
    // Row 1 is the header with each column's position; then the six data rows in file order.
    expect(raw[0]).toEqual({ user: 1, start: 2, end: 3 });
    expect(raw[1]).toEqual({
      user: "ann@example.com",
      start: "2026-09-07 09:00",
      end: "2026-09-07 17:00",
    });
    expect(raw).toHaveLength(7);

    const [analysis] = await store.analyses.list(C);
    expect(analysis).toMatchObject({
      kind: "split",
      uploadId: upload.id,
      calculatorVersion: VERSION,
      createdBy: "U1",
      inputs: {
        currency: "GBP",
        vendor: "HaloITSM",
        rates: { named: { minor: 7000 }, concurrent: { minor: 14000 } },
        options: {},
      },
    });
    const outputs = analysis?.outputs as {
      split: { named: number; concurrent: number; annualCost: { minor: number } };
    };
    // (2 × £70 + 1 × £140) × 12 = £3,360 a year.
    expect(outputs.split).toMatchObject({ named: 2, concurrent: 1, annualCost: { minor: 336000 } });
    expect(outputs.split).not.toHaveProperty("namedUsers");
    expect(JSON.stringify(analysis?.outputs)).not.toMatch(/@|example\.com|"(ann|bob|cat)"/);

    const actions = (await store.audit.list(C)).map((e) => e.action);
    expect(actions).toEqual(["analysis.saved", "upload.read", "deal.saved"]);

    // Change rates carries the stored upload's id, not Slack's file id.
    const change = buttonsOf(result).find((b) => b.action_id === "dealdesk.rates");
    expect(JSON.parse(change?.value ?? "{}")).toMatchObject({ f: upload.id });
  }, 30_000);

  it("re-runs the stored upload with new rates after the app is stopped and started again", async () => {
    await h.close();
    h = await startHarness({ store, analyseUpload });
    const change = buttonsOf(result).find((b) => b.action_id === "dealdesk.rates");
    if (!change) throw new Error("no Change rates button");
    const from = h.fake.calls.length;
    // U2 opens the form and submits it: the form is sealed to whoever opened it.
    await clickButton(h.url, h.fake, change, {
      channel: C.channelId,
      user: "U2",
      respond: "rates",
      messageTs: "1700002000.000001",
    });
    const open = await nextCall(h.fake, "views.open", from);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    const values = { vendor: "HaloITSM", currency: "GBP", named: "60", concurrent: "300" };
    const before = h.fake.calls.length;
    await sendInteraction(h.url, {
      type: "view_submission",
      user: { id: "U2", team_id: "T1" },
      team: { id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "trigger.5",
      view: {
        id: "V2",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: Object.fromEntries(
            Object.entries(values).map(([k, v]) => [
              k,
              { [k]: { type: "plain_text_input", value: v } },
            ]),
          ),
        },
      },
    });
    const rerun = await nextCall(
      h.fake,
      "chat.update",
      before,
      (c) => blocksText(c.args.blocks).includes("Change rates"),
      20_000,
    );
    expect(blockProblems(rerun.args.blocks)).toEqual([]);
    const [upload] = await store.uploads.list(C);
    const analyses = await store.analyses.list(C, { kind: "split" });
    expect(analyses).toHaveLength(2);
    expect(analyses.every((a) => a.uploadId === upload?.id)).toBe(true);
    // Now a pool seat (£300) costs more than naming its people: all six named, 6 × £60 × 12 = £4,320.
    expect(analyses[0]).toMatchObject({
      createdBy: "U2",
      inputs: { rates: { named: { minor: 6000 }, concurrent: { minor: 30000 } } },
      outputs: { split: { named: 6, concurrent: 0, annualCost: { minor: 432000 } } },
    });
    // The re-run is a new analysis of the same upload: no second upload.
    expect(await store.uploads.list(C)).toHaveLength(1);
  }, 30_000);

  it("saves a typed /deal cost as an analysis: the command word, the typed text and its data", async () => {
    const scope = { teamId: "T1", channelId: "CS2" };
    const text = "cost 150 named @ 70 vs 500 named @ 100 GBP";
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, text, { channel: scope.channelId });
    await nextCall(h.fake, "chat.postMessage", from);
    const [analysis, ...more] = await store.analyses.list(scope);
    expect(more).toEqual([]);
    expect(analysis).toMatchObject({
      kind: "cost",
      inputs: { text },
      calculatorVersion: VERSION,
      createdBy: "U1",
    });
    // 150 × £70 × 12 = £126,000 against 500 × £100 × 12 = £600,000.
    expect(JSON.stringify(analysis?.outputs)).toContain('"minor":12600000');
    expect(JSON.stringify(analysis?.outputs)).toContain('"minor":60000000');
    const [event] = await store.audit.list(scope);
    expect(event).toMatchObject({
      action: "analysis.saved",
      actor: "U1",
      detail: { kind: "cost" },
    });
  });

  it("saves no analysis for help or the deal", async () => {
    const scope = { teamId: "T1", channelId: "CS3" };
    for (const text of ["help", "set vendor HaloITSM currency GBP named 70"]) {
      const from = h.fake.calls.length;
      await slashIn(h.url, h.fake, text, { channel: scope.channelId });
      await nextCall(h.fake, "chat.postMessage", from);
    }
    expect(await store.analyses.list(scope)).toEqual([]);
  });

  async function openHome(user: string): Promise<{ blocks: unknown[]; text: string }> {
    const from = h.fake.calls.length;
    await sendEvent(h.url, {
      type: "app_home_opened",
      user,
      channel: `D${user}`,
      tab: "home",
      event_ts: "1",
    });
    const publish = await nextCall(h.fake, "views.publish", from, (c) => c.args.user_id === user);
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(blockProblems(view.blocks, 100)).toEqual([]);
    return { blocks: view.blocks, text: blocksText(view.blocks) };
  }

  it("App Home lists the deals and the saved analyses of the user's channels, newest first, from the store", async () => {
    // Another user's channel: never shown to U1.
    await store.analyses.add(
      { teamId: "T1", channelId: "CS9" },
      { kind: "cost", inputs: { text: "cost secret" }, outputs: {}, calculatorVersion: VERSION },
      { by: "U3", at: new Date() },
    );
    // After the restart the fake has seen no calls: say which channels U1 is in.
    h.fake.memberOf("U1", ["CS1", "CS2", "CS3", "CS9"]);
    const { text } = await openHome("U1");
    expect(text).toContain("<#CS1>: HaloITSM in GBP: named £60/mo, concurrent £300/mo");
    expect(text).toContain("Recent analyses in your channels");
    const cost = text.indexOf("/deal cost 150 named @ 70 vs 500 named @ 100 GBP");
    // The re-run by U2 (newest split) before the first split by U1.
    const rerun = text.indexOf("split of sessions.csv: 6 named + a pool of 0, £4,320 a year");
    const first = text.indexOf("split of sessions.csv: 2 named + a pool of 1, £3,360 a year");
    expect(cost).toBeGreaterThan(-1);
    expect(cost).toBeLessThan(rerun);
    expect(rerun).toBeLessThan(first);
    expect(text).not.toContain("CS9");
    expect(text).not.toContain("secret");
  });

  it("App Home shows at most 10 analyses and stays within Block Kit's limits", async () => {
    const scope = { teamId: "T1", channelId: "CS4" };
    for (let i = 0; i < 15; i++) {
      await store.analyses.add(
        scope,
        {
          kind: "cost",
          inputs: { text: `cost ${i} named @ 70` },
          outputs: {},
          calculatorVersion: VERSION,
        },
        { by: "U4", at: new Date(Date.UTC(2026, 8, 7, 9, i)) },
      );
    }
    await store.audit.record(scope, { action: "deal.saved" }, { by: "U4", at: new Date() });
    h.fake.memberOf("U4", ["CS4"]);
    const { text } = await openHome("U4");
    // Newest first: 14 down to 5.
    for (let i = 5; i < 15; i++) expect(text).toContain(`/deal cost ${i} named @ 70`);
    for (let i = 0; i < 5; i++) expect(text).not.toContain(`/deal cost ${i} named @ 70`);
    expect(text.indexOf("cost 14 named")).toBeLessThan(text.indexOf("cost 13 named"));
  });

  it("App Home for someone who never used dealdesk says none yet", async () => {
    const { text } = await openHome("U9");
    expect(text).toContain("None yet: type");
    expect(text).toContain("None yet: share a roster or session log in a channel.");
  });

  async function changeRates(
    button: { action_id: string; value: string; text: { text: string } },
    channel: string,
  ) {
    const from = h.fake.calls.length;
    await clickButton(h.url, h.fake, button, {
      channel,
      respond: "rates-2",
      messageTs: "1700002000.000001",
    });
    const open = await nextCall(h.fake, "views.open", from);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    const values = { vendor: "HaloITSM", currency: "GBP", named: "70", concurrent: "140" };
    const before = h.fake.calls.length;
    await sendInteraction(h.url, {
      type: "view_submission",
      user: { id: "U1", team_id: "T1" },
      team: { id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      // One trigger per submission: a repeated trigger id is a retry, and is dropped.
      trigger_id: `trigger.6.${channel}`,
      view: {
        id: "V3",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: Object.fromEntries(
            Object.entries(values).map(([k, v]) => [
              k,
              { [k]: { type: "plain_text_input", value: v } },
            ]),
          ),
        },
      },
    });
    return nextCall(h.fake, "chat.postEphemeral", before);
  }

  it("after forget, Change rates says the file is gone and re-runs nothing", async () => {
    const channel = "CS5";
    const shared = await shareFile("FS5", channel);
    const button = buttonsOf(shared).find((b) => b.action_id === "dealdesk.rates");
    if (!button) throw new Error("no Change rates button");
    await store.forget({ teamId: "T1", channelId: channel }, { by: "U1", at: new Date() });
    // A restart, so nothing is left in memory either.
    await h.close();
    h = await startHarness({ store, analyseUpload });
    const said = await changeRates(button, channel);
    expect(said.args.text).toBe(
      "I no longer have that file, so I can't run it again: share it again to see it with the new rates.",
    );
    expect(await store.analyses.list({ teamId: "T1", channelId: channel })).toEqual([]);
  }, 30_000);

  it("once retention deleted the raw rows, Change rates after a restart says so", async () => {
    const channel = "CS6";
    const shared = await shareFile("FS6", channel);
    const button = buttonsOf(shared).find((b) => b.action_id === "dealdesk.rates");
    if (!button) throw new Error("no Change rates button");
    const far = new Date(Date.now() + 40 * 24 * 60 * 60 * 1000);
    const swept = await store.applyRetention({ now: far, days: 30 });
    expect(swept.uploads).toBeGreaterThan(0);
    await h.close();
    h = await startHarness({ store, analyseUpload });
    const said = await changeRates(button, channel);
    expect(said.args.text).toBe(
      "The rows of sessions.csv were deleted after the retention period, so I can't run it again: share the file again to see it with the new rates.",
    );
    // The upload's summary and its analysis stay; only the rows went.
    const scope = { teamId: "T1", channelId: channel };
    expect(await store.analyses.list(scope)).toHaveLength(1);
    expect((await store.uploads.list(scope))[0]?.rowsTotal).toBe(6);
  }, 30_000);
});
