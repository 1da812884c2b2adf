/**
 * "Draft the asks" and "Brief as DOCX" under a file analysis, end to end with the real analyser:
 * a session log shared in a channel with a deal gets both buttons; the asks come back in the
 * thread and the brief as a Word file; after a restart the saved analysis serves them; without
 * a store, or with the channel's rates changed, the clicker is told in one line. Replies without
 * a priced file analysis (no channel deal, typed commands) carry no drafting buttons.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseUpload } from "../../src/commands/file-analysis/analyse.js";
import { ACTIONS, resultButtons } from "../../src/slack/blocks/buttons.js";
import { LOST_ANALYSIS } from "../../src/slack/drafting/draft-replies.js";
import type { Store } from "../../src/store/store.js";
import { blockProblems, blocksText } from "./check-blocks.js";
import type { ApiCall, FakeSlack } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent } from "./signed.js";
import {
  type Button,
  SIX_PEOPLE_BYTES as BYTES,
  buttonsOf,
  clickButton,
  nextCall,
  openTestStore,
  slashIn,
} from "./store-helpers.js";

/**
 * ann and bob work all day; cat, dan, eve and fay log in for an hour each, never together. At
 * £70 named / £140 concurrent a month the cheapest split names ann and bob with a pool of 1:
 * (2 × 70 + 140) × 12 = £3,360 a year, against 6 × 70 × 12 = £5,040 naming all six people.
 */
const SHARE_TS = "1700003000.000001";
const DEAL = "set vendor HaloITSM currency GBP named 70 concurrent 140";

/** Shares the session log in `channel` and returns the result that replaced the progress message. */
async function shareFile(h: Harness, id: string, channel: string): Promise<ApiCall> {
  h.fake.describe({
    id,
    name: "sessions.csv",
    size: BYTES.byteLength,
    url: h.fake.serve(`${id}-sessions.csv`, BYTES),
    channel,
    ts: SHARE_TS,
  });
  const from = h.fake.calls.length;
  await sendEvent(h.url, {
    type: "file_shared",
    file_id: id,
    user_id: "U1",
    channel_id: channel,
    file: { id },
    event_ts: SHARE_TS,
  });
  return nextCall(
    h.fake,
    "chat.update",
    from,
    (c) => blocksText(c.args.blocks).includes("Change rates"),
    20_000,
  );
}

async function setDeal(h: Harness, channel: string, text = DEAL): Promise<void> {
  const from = h.fake.calls.length;
  await slashIn(h.url, h.fake, text, { channel });
  await nextCall(h.fake, "chat.postMessage", from);
}

function button(call: ApiCall, actionId: string): Button {
  const found = buttonsOf(call).find((b) => b.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button`);
  return found;
}

async function click(h: Harness, b: Button, channel: string): Promise<number> {
  const from = h.fake.calls.length;
  await clickButton(h.url, h.fake, b, { channel, respond: "draft", messageTs: SHARE_TS });
  return from;
}

/** The file part of a files.uploadV2 multipart body: between the part's headers and the boundary. */
function uploadedFile(fake: FakeSlack, path: string): Buffer {
  const upload = fake.uploads.find((u) => u.path === path);
  if (!upload) throw new Error(`nothing uploaded to ${path}`);
  const body = upload.bytes;
  const boundary = body.subarray(0, body.indexOf("\r\n")).toString("latin1");
  const start = body.indexOf("\r\n\r\n") + 4;
  const end = body.lastIndexOf(`\r\n${boundary}`);
  return body.subarray(start, end);
}

const ASKS_HEADLINE =
  "The offer misses 2 of the 5 moves; the biggest is licensing model at £1,680 a year.";
const LICENSING_ASK =
  "Name the 2 full-time agents and share a pool of 1 concurrent licences among the other 4";

describe("drafting buttons on a shared session log (with a store)", () => {
  let store: Store;
  let h: Harness;
  let result: ApiCall;
  const channel = "CD1";

  beforeAll(async () => {
    store = await openTestStore();
    h = await startHarness({ store, analyseUpload, now: () => new Date("2026-11-02T10:00:00Z") });
    await setDeal(h, channel);
    result = await shareFile(h, "FD1", channel);
  }, 30_000);
  afterAll(async () => {
    await h.close();
    await store.close();
  });

  it("shows Draft the asks and Brief as DOCX beside the other buttons, within Slack's limits", () => {
    expect(blockProblems(result.args.blocks)).toEqual([]);
    expect(buttonsOf(result).map((b) => b.text.text)).toEqual([
      "Show working",
      expect.any(String),
      expect.any(String),
      "Draft the asks",
      "Brief as DOCX",
      "Change rates",
    ]);
  });

  it("Draft the asks posts the five moves with the asks and the money in the file's thread", async () => {
    const from = await click(h, button(result, ACTIONS.asks), channel);
    const post = await nextCall(h.fake, "chat.postMessage", from);
    expect(post.args.thread_ts).toBe(SHARE_TS);
    expect(post.args.text).toBe(ASKS_HEADLINE);
    expect(blockProblems(post.args.blocks)).toEqual([]);
    const text = blocksText(post.args.blocks);
    // Licensing model: 6 × £70 × 12 = £5,040 → 2 × 70 × 12 + 1 × 140 × 12 = £3,360: £1,680 a year.
    expect(text).toContain(LICENSING_ASK);
    expect(text).toContain("£1,680 a year");
    expect(text).toContain(
      "Assumed offer: the vendor licenses all 6 people in the session log as named users at £70/mo",
    );
    // No one's name or address reaches the channel through the asks.
    expect(text).not.toMatch(/example\.com/);
    // The asks reply has Show working but no drafting buttons of its own.
    expect(buttonsOf(post).map((b) => b.action_id)).not.toContain(ACTIONS.asks);
  });

  it("Brief as DOCX posts its headline and uploads a Word brief with the vendor and the figures", async () => {
    const from = await click(h, button(result, ACTIONS.brief), channel);
    const post = await nextCall(h.fake, "chat.postMessage", from);
    // Counter £3,360 against the offer's £5,040: 5,040 − 3,360 = £1,680 less.
    expect(post.args.text).toBe(
      "Brief for HaloITSM: counter at £3,360 a year against £5,040, £1,680 less.",
    );
    expect(post.args.thread_ts).toBe(SHARE_TS);
    expect(blockProblems(post.args.blocks)).toEqual([]);
    // The brief's own upload: its upload URL, then the completion after it (not any other file's).
    const asked = await nextCall(
      h.fake,
      "files.getUploadURLExternal",
      from,
      (c) => c.args.filename === "haloitsm-brief.docx",
    );
    const complete = await nextCall(
      h.fake,
      "files.completeUploadExternal",
      h.fake.calls.indexOf(asked),
    );
    expect(complete.args.thread_ts).toBe(SHARE_TS);
    const requested = h.fake.calls
      .slice(from)
      .filter((c) => c.method === "files.getUploadURLExternal");
    expect(requested.map((c) => c.args.filename)).toEqual(["haloitsm-brief.docx"]);
    const zip = await JSZip.loadAsync(uploadedFile(h.fake, "/upload/haloitsm-brief.docx"));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    for (const figure of ["HaloITSM", "£5,040", "£3,360", "£1,680", LICENSING_ASK]) {
      expect(xml).toContain(figure);
    }
    // The renewal, with no cap in the file, is priced on the assumed 7% against a 3% cap over
    // 3 years from £3,360: 10,802.06 − 10,385.42 = £416.64 (see the drafting test).
    expect(xml).toContain("£416.64");
  });

  it("after a restart, drafts from the saved analysis", async () => {
    await h.close();
    h = await startHarness({ store, analyseUpload });
    const from = await click(h, button(result, ACTIONS.asks), channel);
    const post = await nextCall(h.fake, "chat.postMessage", from);
    expect(post.args.text).toBe(ASKS_HEADLINE);
    expect(blocksText(post.args.blocks)).toContain(LICENSING_ASK);
  }, 30_000);

  it("tells the clicker alone when the channel's rates changed since the analysis", async () => {
    await setDeal(h, channel, "set named 75");
    const from = await click(h, button(result, ACTIONS.asks), channel);
    const ephemeral = await nextCall(h.fake, "chat.postEphemeral", from);
    // £75 × 12 = £900 a year, not the £840 the split was priced with.
    expect(ephemeral.args.text).toBe(
      ":warning: I can't draft from that: this analysis used £840 a year per named user, but the channel's named user rate is now £75/mo (£900 a year) — click Change rates (or share the file again) and draft from the new result",
    );
    expect(ephemeral.args.user).toBe("U1");
    expect(h.fake.calls.slice(from).filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });
});

describe("drafting buttons without a store", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ analyseUpload });
  });
  afterAll(async () => {
    await h.close();
  });

  it("are not shown when the channel has no deal (the analysis is not priced)", async () => {
    const result = await shareFile(h, "FN1", "CN1");
    expect(blockProblems(result.args.blocks)).toEqual([]);
    const ids = buttonsOf(result).map((b) => b.action_id);
    expect(ids).toContain(ACTIONS.rates);
    expect(ids).not.toContain(ACTIONS.asks);
    expect(ids).not.toContain(ACTIONS.brief);
  }, 30_000);

  it("are not shown on a typed command", async () => {
    await setDeal(h, "CN2");
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "cost 150 named @ 70 vs 500 named @ 100", { channel: "CN2" });
    const post = await nextCall(h.fake, "chat.postMessage", from);
    const ids = buttonsOf(post).map((b) => b.action_id);
    expect(ids).toContain(ACTIONS.working);
    expect(ids).not.toContain(ACTIONS.asks);
    expect(ids).not.toContain(ACTIONS.brief);
  });

  it("say in one line that the analysis is gone once memory has lost it", async () => {
    await setDeal(h, "CN3");
    const result = await shareFile(h, "FN3", "CN3");
    await h.close();
    h = await startHarness({ analyseUpload });
    const from = await click(h, button(result, ACTIONS.brief), "CN3");
    const ephemeral = await nextCall(h.fake, "chat.postEphemeral", from);
    expect(ephemeral.args.text).toBe(LOST_ANALYSIS);
    expect(h.fake.calls.slice(from).some((c) => c.method.startsWith("files."))).toBe(false);
  }, 30_000);
});

describe("resultButtons for a roster", () => {
  const reply = (annualRate: unknown) => ({
    command: "upload",
    headline: "Licence 8 active fulfillers, not 10 provisioned: £1,680 a year.",
    tables: [],
    notes: [],
    working: ["licences needed: 10 provisioned − 2 = 8"],
    next: [],
    data: {
      split: null,
      rightsize: { provisioned: 10, active: 6, recommended: 8, annualRate },
    },
  });
  const labels = (r: ReturnType<typeof reply>, uploadId?: string) =>
    resultButtons(r, { replyId: "r1", ...(uploadId ? { uploadId } : {}) })?.elements.map(
      (e) => e.text.text,
    );
  const priced = reply({ currency: "GBP", minor: 84_000 });

  it("offers drafting on a priced rightsize of an upload", () => {
    expect(labels(priced, "F1")).toEqual([
      "Show working",
      "Draft the asks",
      "Brief as DOCX",
      "Change rates",
    ]);
  });

  it("offers none without a rate or without an upload", () => {
    expect(labels(reply(null), "F1")).toEqual(["Show working", "Change rates"]);
    expect(labels(priced)).toEqual(["Show working"]);
  });
});
