// Scenario 2: every kind of delivery Slack may send again, each delivered three times and spread
// over two replicas sharing one PostgreSQL (first to A, again to B, a third time to A): events
// (app_mention, a DM, file_shared) as Slack's retries with X-Slack-Retry-Num 1 and 2, and a slash
// command and a button click replayed with the same trigger_id. Each must be answered once. The
// count is taken once both replicas have logged dropping the six events' and four replays'
// repeats, after which nothing more can answer.
import { event, interaction } from "../signed.mjs";
import {
  COST,
  COST_ANSWER,
  fileSharedEvent,
  newTrigger,
  postedIn,
  progressOf,
  resultsOf,
  sendSlash,
  setDeal,
} from "../slack-flows.mjs";

const DROPPED = /dropped a repeated delivery/;

export async function retriesAcrossReplicas({ servers, loopback, bytes }) {
  const [a, b] = servers;
  const order = [a, b, a];
  const lines = [];
  const broken = [];
  const thrice = async (send) => {
    for (const [retry, server] of order.entries()) {
      const ack = await send(server, retry);
      if (ack.status !== 200) broken.push(`a delivery was answered HTTP ${ack.status}`);
    }
  };

  // A mention in a channel, answered in its thread.
  const mentionTs = "1700002000.000100";
  await thrice((s, retry) =>
    event(
      s.url,
      "EvBenchMention",
      {
        type: "app_mention",
        user: "U1",
        text: `<@UBOT> ${COST}`,
        ts: mentionTs,
        channel: "CR1",
        event_ts: mentionTs,
      },
      retry,
    ),
  );
  // A direct message.
  const dmTs = "1700002000.000200";
  await thrice((s, retry) =>
    event(
      s.url,
      "EvBenchDm",
      {
        type: "message",
        channel_type: "im",
        user: "U1",
        text: COST,
        ts: dmTs,
        channel: "DR1",
        event_ts: dmTs,
      },
      retry,
    ),
  );
  // A file shared in a priced channel.
  await setDeal(a, loopback, "CR2");
  const fileTs = "1700002000.000300";
  loopback.share("FRETRY", "sessions.csv", bytes, "CR2", fileTs);
  await thrice((s, retry) =>
    event(s.url, "EvBenchFile", fileSharedEvent("FRETRY", "CR2", fileTs), retry),
  );
  // A slash command replayed: the same signed body, so the same trigger_id.
  const slashTrigger = newTrigger("replayed");
  await thrice((s) => sendSlash(s, loopback, COST, "CR3", slashTrigger));

  await loopback.until(
    () => postedIn(loopback, "CR3", COST_ANSWER).length > 0,
    "the slash command's answer",
    30_000,
  );
  const answer = postedIn(loopback, "CR3", COST_ANSWER)[0];
  const working = answer.args.blocks
    .filter((bl) => bl.type === "actions")
    .flatMap((bl) => bl.elements ?? [])
    .find((el) => el.action_id === "dealdesk.working");
  if (!working) throw new Error("the slash command's answer has no Show working button");
  const click = {
    type: "block_actions",
    user: { id: "U1", team_id: "T1" },
    team: { id: "T1" },
    channel: { id: "CR3" },
    message: { ts: answer.answeredTs },
    trigger_id: newTrigger("click"),
    api_app_id: "A1",
    token: "legacy",
    response_url: `${loopback.origin}/respond/click`,
    actions: [{ ...working, type: "button", block_id: "dealdesk.result", action_ts: "1" }],
  };
  // The button click, replayed (interactions carry no retry header; the trigger_id is the same).
  await thrice((s) => interaction(s.url, click));

  const dropped = () =>
    servers.reduce((n, s) => n + s.lines.filter((l) => DROPPED.test(l)).length, 0);
  const answers = () => ({
    mention: postedIn(loopback, "CR1", COST_ANSWER).filter((c) => c.args.thread_ts === mentionTs),
    dm: postedIn(loopback, "DR1", COST_ANSWER),
    file: resultsOf(loopback, "CR2", fileTs).updates,
    // Top level only: the working a click posts in its thread repeats the headline.
    slash: postedIn(loopback, "CR3", COST_ANSWER).filter((c) => c.args.thread_ts === undefined),
    click: loopback
      .callsOf("chat.postMessage")
      .filter((c) => c.args.channel === "CR3" && c.args.thread_ts === answer.answeredTs),
  });
  await loopback.until(
    () => dropped() >= 10 && Object.values(answers()).every((list) => list.length > 0),
    "every kind answered and its repeats dropped",
    60_000,
  );
  const got = answers();
  const counts = Object.entries(got).map(([kind, list]) => `${kind} ${list.length}`);
  const once = Object.values(got).filter((list) => list.length === 1).length;
  const via = (list) => [...new Set(list.map((c) => c.via))].join("+");
  lines.push(
    `retries: ${once} of 5 delivery kinds answered exactly once, each delivered 3× over two replicas (answers: ${counts.join(", ")}); ${dropped()} repeats dropped; answered by ${Object.entries(
      got,
    )
      .map(([k, l]) => `${k} ${via(l)}`)
      .join(", ")}`,
  );
  const progress = progressOf(loopback, "CR2", fileTs).length;
  const filePosts = resultsOf(loopback, "CR2", fileTs).posts.length;
  lines.push(
    `retries: the file got ${progress} progress message(s) and ${filePosts} result(s) posted as new messages`,
  );
  for (const [kind, list] of Object.entries(got)) {
    if (list.length !== 1) broken.push(`${kind} answered ${list.length} times`);
  }
  if (progress !== 1 || filePosts !== 0) broken.push("the file was announced or answered twice");
  return { lines, broken };
}
