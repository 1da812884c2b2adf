/**
 * Buttons and forms bound to where they were made, through the real receiver: a result's buttons
 * work for anyone in its channel and are refused (one line to the clicker, ids in the log) from
 * another channel or workspace or when edited; the rates form saves only for the user who opened
 * it, with its channel untouched; the forget confirmation works only for its requester; App Home
 * lists only channels the user is still in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_FROM_HERE } from "../../src/slack/action-state/refuse.js";
import { NOT_YOUR_FORGET } from "../../src/slack/forget/clicked-scope.js";
import type { Store } from "../../src/store/store.js";
import { blocksText } from "./check-blocks.js";
import { type Harness, startHarness } from "./harness.js";
import { sendEvent, sendInteraction } from "./signed.js";
import {
  type Button,
  buttonsOf,
  clickButton,
  nextCall,
  openTestStore,
  slashIn,
} from "./store-helpers.js";

const COST = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";
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

async function result(channel: string, text = COST) {
  const from = h.fake.calls.length;
  await slashIn(h.url, h.fake, text, { channel });
  return nextCall(h.fake, "chat.postMessage", from, (c) => c.args.channel === channel);
}

function working(post: Awaited<ReturnType<typeof result>>): Button {
  const button = buttonsOf(post).find((b) => b.action_id === "dealdesk.working");
  if (!button) throw new Error("no Show working button");
  return button;
}

/** A click as Slack sends it, from any team. */
function clickAs(button: Button, where: { team: string; channel: string; user: string }) {
  return sendInteraction(h.url, {
    type: "block_actions",
    user: { id: where.user, team_id: where.team },
    team: { id: where.team },
    channel: { id: where.channel },
    container: { type: "message", channel_id: where.channel },
    trigger_id: `trigger.${Math.random()}`,
    api_app_id: "A1",
    token: "legacy",
    response_url: `${h.fake.origin}/respond/bound`,
    actions: [{ ...button, type: "button", block_id: "dealdesk.result", action_ts: "1" }],
  });
}

async function refusedLine(from: number, channel: string, user: string): Promise<string> {
  const said = await nextCall(
    h.fake,
    "chat.postEphemeral",
    from,
    (c) => c.args.channel === channel && c.args.user === user,
  );
  return String(said.args.text);
}

const postedWorking = (from: number) =>
  h.fake.calls
    .slice(from)
    .some((c) => c.method === "chat.postMessage" && String(c.args.text).startsWith("Working"));

describe("a result's buttons", () => {
  it("work for a teammate in the result's channel", async () => {
    const post = await result("CB1");
    const from = h.fake.calls.length;
    await clickAs(working(post), { team: "T1", channel: "CB1", user: "U2" });
    const shown = await nextCall(h.fake, "chat.postMessage", from);
    expect(shown.args.channel).toBe("CB1");
    expect(blocksText(shown.args.blocks)).toContain("Working");
  });

  it("are refused from another channel: one line to the clicker, ids in the log, no working", async () => {
    const post = await result("CB2");
    const from = h.fake.calls.length;
    await clickAs(working(post), { team: "T1", channel: "CB3", user: "U3" });
    expect(await refusedLine(from, "CB3", "U3")).toBe(NOT_FROM_HERE);
    expect(postedWorking(from)).toBe(false);
    const line = h.log.find((l) => l.includes("refused dealdesk.working"));
    expect(line).toBe(
      "warn dealdesk: refused dealdesk.working from U3 in T1/CB3: its state was not made there",
    );
  });

  it("are refused from another workspace sharing the channel", async () => {
    const post = await result("CB4");
    const from = h.fake.calls.length;
    await clickAs(working(post), { team: "T2", channel: "CB4", user: "U4" });
    expect(await refusedLine(from, "CB4", "U4")).toBe(NOT_FROM_HERE);
    expect(postedWorking(from)).toBe(false);
  });

  it("are refused when the value was edited (another command, or no signature)", async () => {
    const post = await result("CB5");
    const button = working(post);
    const value = JSON.parse(button.value) as Record<string, string>;
    for (const edited of [
      { ...value, t: "cost 1 named @ 1 GBP" },
      { t: value.t ?? "", r: value.r ?? "" },
    ]) {
      const from = h.fake.calls.length;
      await clickAs(
        { ...button, value: JSON.stringify(edited) },
        { team: "T1", channel: "CB5", user: "U1" },
      );
      expect(await refusedLine(from, "CB5", "U1")).toBe(NOT_FROM_HERE);
      expect(postedWorking(from)).toBe(false);
    }
  });
});

describe("the rates form", () => {
  async function openForm(channel: string, user: string) {
    const post = await result(channel);
    const from = h.fake.calls.length;
    await clickButton(
      h.url,
      h.fake,
      { ...working(post), action_id: "dealdesk.rates" },
      {
        channel,
        user,
        respond: "rates",
      },
    );
    const open = await nextCall(h.fake, "views.open", from);
    return (open.args.view as { private_metadata: string }).private_metadata;
  }

  function submit(metadata: string, user: string, team = "T1", vendor = "Evil") {
    const values = { vendor, currency: "GBP", named: "1", concurrent: "1" };
    return sendInteraction(h.url, {
      type: "view_submission",
      user: { id: user, team_id: team },
      team: { id: team },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: `trigger.${Math.random()}`,
      view: {
        id: "V9",
        type: "modal",
        callback_id: "dealdesk.rates.submit",
        private_metadata: metadata,
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
  }

  const refusal = {
    response_action: "errors",
    errors: {
      vendor:
        "This form can't be saved: it was opened by someone else or elsewhere. Close it and click Change rates again.",
    },
  };

  it("saves nothing for another user, another workspace, or metadata pointing at another channel", async () => {
    const metadata = await openForm("CR1", "U1");
    const byOther = await submit(metadata, "U2");
    expect(JSON.parse(byOther.text)).toEqual(refusal);
    const fromOtherTeam = await submit(metadata, "U1", "T2");
    expect(JSON.parse(fromOtherTeam.text)).toEqual(refusal);
    const moved = JSON.stringify({ ...JSON.parse(metadata), c: "CR9" });
    expect(JSON.parse((await submit(moved, "U1")).text)).toEqual(refusal);
    expect(await store.deals.get({ teamId: "T1", channelId: "CR9" })).toBeUndefined();
    expect(await store.deals.get({ teamId: "T1", channelId: "CR1" })).toBeUndefined();
    expect(h.log.some((l) => l.includes("refused the rates form from U2 in T1/unknown"))).toBe(
      true,
    );
  });

  it("saves the deal for the user who opened it", async () => {
    const metadata = await openForm("CR2", "U1");
    const res = await submit(metadata, "U1");
    expect(res.text).toBe("");
    await h.fake.waitFor(
      () => h.fake.callsOf("chat.postMessage").some((c) => String(c.args.text).includes("Evil")),
      "the deal's confirmation",
    );
    expect(await store.deals.get({ teamId: "T1", channelId: "CR2" })).toMatchObject({
      vendor: "Evil",
    });
  });
});

describe("the rates form's texts", () => {
  it("escape a typed vendor in the notification text and drop invisible characters from the form", async () => {
    const post = await result("CR3");
    const openForm = async () => {
      const from = h.fake.calls.length;
      await clickButton(
        h.url,
        h.fake,
        { ...working(post), action_id: "dealdesk.rates" },
        {
          channel: "CR3",
          respond: "rates",
        },
      );
      return (await nextCall(h.fake, "views.open", from)).args.view as {
        private_metadata: string;
        blocks: { element: { initial_value?: string } }[];
      };
    };
    const view = await openForm();
    const from = h.fake.calls.length;
    await sendInteraction(h.url, {
      type: "view_submission",
      user: { id: "U1", team_id: "T1" },
      team: { id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "trigger.texts",
      view: {
        id: "V8",
        type: "modal",
        callback_id: "dealdesk.rates.submit",
        private_metadata: view.private_metadata,
        state: {
          values: {
            vendor: { vendor: { type: "plain_text_input", value: "<!channel> & \u202Eco" } },
            currency: { currency: { type: "plain_text_input", value: "GBP" } },
            named: { named: { type: "plain_text_input", value: "70" } },
            concurrent: { concurrent: { type: "plain_text_input", value: "140" } },
          },
        },
      },
    });
    const confirm = await nextCall(h.fake, "chat.postMessage", from);
    expect(String(confirm.args.text)).toMatch(
      /^set this channel's deal: &lt;!channel&gt; &amp; co /,
    );
    const again = await openForm();
    expect(again.blocks[0]?.element.initial_value).toBe("<!channel> & co");
  });
});

describe("the forget confirmation", () => {
  it("is refused for anyone but the requester, and deletes nothing", async () => {
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "set vendor HaloITSM currency GBP named 70 concurrent 140", {
      channel: "CF9",
    });
    await nextCall(h.fake, "chat.postMessage", from);
    const asked = h.fake.calls.length;
    await slashIn(h.url, h.fake, "forget", { channel: "CF9" });
    const prompt = await nextCall(h.fake, "chat.postEphemeral", asked);
    const [confirm] = buttonsOf(prompt);
    if (!confirm) throw new Error("no confirm button");
    const clicked = h.fake.calls.length;
    await clickButton(h.url, h.fake, confirm, { channel: "CF9", user: "U2", respond: "f9" });
    expect(await refusedLine(clicked, "CF9", "U2")).toBe(NOT_YOUR_FORGET);
    expect(await store.deals.get({ teamId: "T1", channelId: "CF9" })).toMatchObject({
      vendor: "HaloITSM",
    });
  });
});

describe("App Home", () => {
  it("lists only the channels the user is still a member of", async () => {
    for (const channel of ["CH1", "CH2"]) {
      const from = h.fake.calls.length;
      await slashIn(h.url, h.fake, "set vendor HaloITSM currency GBP named 70 concurrent 140", {
        channel,
        user: "U7",
      });
      await nextCall(h.fake, "chat.postMessage", from);
    }
    h.fake.memberOf("U7", ["CH1"]);
    const from = h.fake.calls.length;
    await sendEvent(h.url, { type: "app_home_opened", user: "U7", channel: "DU7", tab: "home" });
    const publish = await nextCall(h.fake, "views.publish", from);
    const text = blocksText((publish.args.view as { blocks: unknown[] }).blocks);
    expect(text).toContain("<#CH1>");
    expect(text).not.toContain("CH2");
    const asked = h.fake.callsOf("users.conversations").at(-1);
    expect(asked?.args).toMatchObject({ user: "U7", exclude_archived: "true" });
  });
});

describe("App Home without the scopes to check memberships", () => {
  it("lists no channel, and says which scopes the app needs", async () => {
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, "set vendor HaloITSM currency GBP", {
      channel: "CH8",
      user: "U8",
    });
    await nextCall(h.fake, "chat.postMessage", from);
    h.fake.refuse("users.conversations", "missing_scope", 1);
    const opened = h.fake.calls.length;
    await sendEvent(h.url, { type: "app_home_opened", user: "U8", channel: "DU8", tab: "home" });
    const publish = await nextCall(h.fake, "views.publish", opened);
    const text = blocksText((publish.args.view as { blocks: unknown[] }).blocks);
    expect(text).toContain("needs the channels:read, groups:read and mpim:read scopes");
    expect(text).not.toContain("CH8");
    expect(h.log.join("\n")).toMatch(/publishing App Home failed: .*missing_scope/);
  });
});
