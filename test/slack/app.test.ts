/**
 * End to end through Bolt's real HTTP receiver: signed slash commands, mentions, a DM, button
 * clicks, the rates form and App Home, with the Web API pointed at a local fake that records calls.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockProblems, blocksText } from "./check-blocks.js";
import type { ApiCall } from "./fake-slack.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent, sendInteraction, sendSlash, slashBody } from "./signed.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const COST = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";

function slash(text: string, channel = "C1", user = "U1") {
  return sendSlash(
    h.url,
    slashBody(text, { channel, user, responseUrl: `${h.fake.origin}/respond/1` }),
  );
}

/** Waits for the next call of `method` after `from` calls and returns it. */
async function nextCall(
  method: string,
  from: number,
  where?: (c: ApiCall) => boolean,
): Promise<ApiCall> {
  const find = () =>
    h.fake.calls.slice(from).find((c) => c.method === method && (where?.(c) ?? true));
  await h.fake.waitFor(() => find() !== undefined, method);
  return find() as ApiCall;
}

type Button = { action_id: string; value: string; text: { text: string } };
function buttons(call: ApiCall): Button[] {
  const blocks = call.args.blocks as { type: string; elements?: Button[] }[];
  return blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

describe("/deal through the HTTP receiver", () => {
  it("acknowledges at once and posts the cost comparison with its figures and buttons", async () => {
    const from = h.fake.calls.length;
    const res = await slash(COST);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const post = await nextCall("chat.postMessage", from);
    expect(post.args.channel).toBe("C1");
    expect(blockProblems(post.args.blocks)).toEqual([]);
    // 600,000 = 500 × £100 × 12; 294,000 = 150 × 70 × 12 + 100 × 140 × 12 = 126,000 + 168,000;
    // saving 600,000 − 294,000 = £306,000.
    expect(blocksText(post.args.blocks)).toContain("£306,000");
    expect(post.args.text).toBe(
      "The mixed plan costs £294,000 a year against £600,000: £306,000 less (51%).",
    );
    const table = (post.args.blocks as { type: string }[]).filter((b) => b.type === "table");
    expect(table).toHaveLength(1);
    expect(buttons(post).map((b) => b.text.text)).toEqual([
      "Show working",
      "Cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP --years 3",
      "Renewal 294000 GBP years 3 cap 3%",
    ]);
  });

  it("refuses unsigned, wrongly signed and stale requests with 401 and runs nothing", async () => {
    const from = h.fake.calls.length;
    const body = slashBody(COST, { responseUrl: `${h.fake.origin}/respond/1` });
    expect((await sendSlash(h.url, body, "none")).status).toBe(401);
    expect((await sendSlash(h.url, body, "wrong")).status).toBe(401);
    expect((await sendSlash(h.url, body, "stale")).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.calls.slice(from).filter((c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("refuses a correctly signed request dated more than five minutes ahead, as a stale one", async () => {
    const from = h.fake.calls.length;
    const body = slashBody(COST, { responseUrl: `${h.fake.origin}/respond/future` });
    expect((await sendSlash(h.url, body, "future")).status).toBe(401);
    // Four minutes ahead is within the window (a server clock a little behind Slack's).
    expect((await sendSlash(h.url, body, "soon")).status).toBe(200);
    const answered = await nextCall("chat.postMessage", from);
    expect(answered.args.text).toContain("£");
    // Only the request within the window was answered.
    expect(h.fake.calls.slice(from).filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });

  it("shows a bad input's message and fix to the requester alone", async () => {
    const from = h.fake.calls.length;
    await slash("cost 150 named @ x", "C9", "U7");
    const eph = await nextCall("chat.postEphemeral", from);
    expect(eph.args.user).toBe("U7");
    expect(eph.args.channel).toBe("C9");
    expect(eph.args.text).toBe(
      ':warning: cost: the price for 150 named "x" is not an amount — write it like 70, £70, 70.50, 294k or £70/mo',
    );
    expect(blockProblems(eph.args.blocks)).toEqual([]);
    expect(h.fake.calls.slice(from).filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });

  it("stores the channel's deal with set and uses its currency in that channel only", async () => {
    let from = h.fake.calls.length;
    await slash("set vendor HaloITSM currency USD named 70 concurrent 140", "C2");
    const set = await nextCall("chat.postMessage", from);
    expect(set.args.text).toBe(
      "This channel's deal is HaloITSM in USD: named $70/mo, concurrent $140/mo.",
    );
    from = h.fake.calls.length;
    await slash("cost 150 named @ 70 vs 500 named @ 100", "C2");
    const usd = await nextCall("chat.postMessage", from);
    // 500 × 100 × 12 = 600,000; 150 × 70 × 12 = 126,000; in the deal's currency, USD.
    expect(usd.args.text).toContain("$600,000");
    from = h.fake.calls.length;
    await slash("cost 150 named @ 70 vs 500 named @ 100", "C3");
    const gbp = await nextCall("chat.postMessage", from);
    expect(gbp.args.text).toContain("£600,000");
  });

  it("refuses a set with a bad rate, saying which and how to write it", async () => {
    const from = h.fake.calls.length;
    await slash("set vendor HaloITSM named seventy", "C4");
    const eph = await nextCall("chat.postEphemeral", from);
    expect(eph.args.text).toBe(
      ':warning: set: the named rate "seventy" is not an amount — set vendor HaloITSM currency GBP named 70 concurrent 140',
    );
  });

  it("lists the commands for /deal help", async () => {
    const from = h.fake.calls.length;
    await slash("help", "C5");
    const post = await nextCall("chat.postMessage", from);
    expect(blocksText(post.args.blocks)).toContain("cost");
    expect(blockProblems(post.args.blocks)).toEqual([]);
  });
});

describe("mentions and direct messages", () => {
  it("answers a mention in its thread", async () => {
    const from = h.fake.calls.length;
    const res = await sendEvent(h.url, {
      type: "app_mention",
      user: "U1",
      text: `<@UBOT> ${COST}`,
      ts: "1700000100.000100",
      thread_ts: "1700000050.000050",
      channel: "C1",
      event_ts: "1700000100.000100",
    });
    expect(res.status).toBe(200);
    const post = await nextCall("chat.postMessage", from);
    expect(post.args.thread_ts).toBe("1700000050.000050");
    expect(blocksText(post.args.blocks)).toContain("£306,000");
  });

  it("threads the answer under a top-level mention", async () => {
    const from = h.fake.calls.length;
    await sendEvent(h.url, {
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> renewal 294000 GBP years 3 cap 3%",
      ts: "1700000200.000200",
      channel: "C1",
      event_ts: "1700000200.000200",
    });
    const post = await nextCall("chat.postMessage", from);
    expect(post.args.thread_ts).toBe("1700000200.000200");
    expect(blockProblems(post.args.blocks)).toEqual([]);
  });

  it("answers a direct message in the DM", async () => {
    const from = h.fake.calls.length;
    await sendEvent(h.url, {
      type: "message",
      channel_type: "im",
      user: "U1",
      text: COST,
      ts: "1700000300.000300",
      channel: "D1",
      event_ts: "1700000300.000300",
    });
    const post = await nextCall("chat.postMessage", from);
    expect(post.args.channel).toBe("D1");
    expect(post.args.thread_ts).toBeUndefined();
    expect(blocksText(post.args.blocks)).toContain("£306,000");
  });

  it("ignores the bot's own messages and message edits in DMs", async () => {
    const from = h.fake.calls.length;
    await sendEvent(h.url, {
      type: "message",
      channel_type: "im",
      user: "UBOT",
      bot_id: "BBOT",
      text: COST,
      ts: "1700000400.000400",
      channel: "D1",
    });
    await sendEvent(h.url, {
      type: "message",
      subtype: "message_changed",
      channel_type: "im",
      channel: "D1",
      ts: "1700000401.000401",
      message: { user: "U1", text: COST },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.calls.slice(from).filter((c) => c.method.startsWith("chat."))).toEqual([]);
  });
});

describe("buttons, the rates form and App Home", () => {
  async function costResult(channel: string): Promise<ApiCall> {
    const from = h.fake.calls.length;
    await slash(COST, channel);
    return nextCall("chat.postMessage", from);
  }

  let clicks = 0;
  function click(post: ApiCall, actionId: string, channel: string) {
    const button = buttons(post).find((b) => b.action_id === actionId);
    if (!button) throw new Error(`no button ${actionId}`);
    return sendInteraction(h.url, {
      type: "block_actions",
      user: { id: "U1", team_id: "T1" },
      team: { id: "T1" },
      channel: { id: channel },
      message: { ts: "1700000500.000500" },
      // Slack gives every click its own trigger_id; a repeated one is a replay, and is dropped.
      trigger_id: `trigger.2.${++clicks}`,
      api_app_id: "A1",
      token: "legacy",
      response_url: `${h.fake.origin}/respond/2`,
      actions: [{ ...button, type: "button", block_id: "dealdesk.result", action_ts: "1" }],
    });
  }

  it("Show working posts the arithmetic in the result's thread", async () => {
    const post = await costResult("C6");
    const from = h.fake.calls.length;
    const res = await click(post, "dealdesk.working", "C6");
    expect(res.status).toBe(200);
    const working = await nextCall("chat.postMessage", from);
    expect(working.args.thread_ts).toBe("1700000500.000500");
    expect(blockProblems(working.args.blocks)).toEqual([]);
    // 150 × £70 × 12 = £126,000
    expect(blocksText(working.args.blocks)).toContain(
      "mixed, named: 150 × £70 × 12 = £126,000 a year",
    );
  });

  it("a follow-up button runs its command in the thread", async () => {
    const post = await costResult("C6");
    const from = h.fake.calls.length;
    await click(post, "dealdesk.next.1", "C6");
    const renewal = await nextCall("chat.postMessage", from);
    expect(renewal.args.thread_ts).toBe("1700000500.000500");
    expect(blockProblems(renewal.args.blocks)).toEqual([]);
  });

  it("Change rates opens a form, refuses bad fields one by one, and stores good ones", async () => {
    const post = await costResult("C7");
    // "Change rates" only appears on uploads; open it by hand the way Slack would send it.
    const from = h.fake.calls.length;
    await sendInteraction(h.url, {
      type: "block_actions",
      user: { id: "U1", team_id: "T1" },
      team: { id: "T1" },
      channel: { id: "C7" },
      message: { ts: "1700000600.000600" },
      trigger_id: "trigger.3",
      api_app_id: "A1",
      token: "legacy",
      actions: [
        {
          type: "button",
          action_id: "dealdesk.rates",
          block_id: "dealdesk.result",
          value: buttons(post)[0]?.value,
          text: { type: "plain_text", text: "Change rates" },
          action_ts: "1",
        },
      ],
    });
    const open = await nextCall("views.open", from);
    const view = open.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: unknown[];
    };
    expect(view.callback_id).toBe("dealdesk.rates.submit");
    expect(open.args.trigger_id).toBe("trigger.3");
    let submits = 0;
    const submit = (values: Record<string, string>) =>
      sendInteraction(h.url, {
        type: "view_submission",
        user: { id: "U1", team_id: "T1" },
        team: { id: "T1" },
        api_app_id: "A1",
        token: "legacy",
        // Each submission has its own trigger_id (a repeated one is a replay, and is dropped).
        trigger_id: `trigger.4.${++submits}`,
        view: {
          id: "V1",
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
    const bad = await submit({ vendor: "", currency: "GBX", named: "-5", concurrent: "140/yr" });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.text)).toEqual({
      response_action: "errors",
      errors: {
        vendor: "Enter the vendor, e.g. HaloITSM.",
        currency: '"GBX" is not a currency I know: use an ISO code such as GBP, USD or EUR.',
        named: "The named rate must be more than 0 — e.g. named 70",
        concurrent: "The concurrent rate must be per month, not 140/yr — e.g. named 70",
      },
    });
    const before = h.fake.calls.length;
    const good = await submit({
      vendor: "HaloITSM",
      currency: "EUR",
      named: "65",
      concurrent: "130.50",
    });
    expect(good.status).toBe(200);
    const confirm = await nextCall("chat.postMessage", before);
    expect(confirm.args.text).toBe(
      "set this channel's deal: HaloITSM in EUR: named €65/mo, concurrent €130.50/mo.",
    );
    const after = h.fake.calls.length;
    await slash("set", "C7");
    const shown = await nextCall("chat.postMessage", after);
    expect(shown.args.text).toBe(
      "This channel's deal is HaloITSM in EUR: named €65/mo, concurrent €130.50/mo.",
    );
  });

  it("publishes App Home with the user's channels' deals", async () => {
    await slash("set vendor HaloITSM currency GBP named 70 concurrent 140", "C8", "U8");
    await h.fake.waitFor(
      () => h.fake.callsOf("chat.postMessage").some((c) => c.args.channel === "C8"),
      "set",
    );
    const from = h.fake.calls.length;
    await sendEvent(h.url, {
      type: "app_home_opened",
      user: "U8",
      channel: "D8",
      tab: "home",
      event_ts: "1",
    });
    const publish = await nextCall("views.publish", from);
    expect(publish.args.user_id).toBe("U8");
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(blockProblems(view.blocks, 100)).toEqual([]);
    expect(blocksText(view.blocks)).toContain(
      "<#C8>: HaloITSM in GBP: named £70/mo, concurrent £140/mo",
    );
  });
});
