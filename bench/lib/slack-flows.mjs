// What the Slack benchmarks do to a server, as Slack would, and how they recognise the answers in
// the loopback's recorded calls: a channel's deal set with /deal, a file shared (file_shared),
// and a file's answer (the progress message replaced by the result).
import { event, slash } from "./signed.mjs";

export const COST = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";
export const SET_DEAL = "set vendor HaloITSM currency GBP named 70 concurrent 140";
/** The first words of a typed cost's answer, a saved deal's, and a priced file's result. */
export const COST_ANSWER = /The mixed plan costs £294,000/;
export const DEAL_SAVED = /^This channel's deal is HaloITSM/;
export const FILE_RESULT = /^Best plan/;
export const STORAGE_UNAVAILABLE = /storage is unavailable/;

const textOf = (call) => String(call.args?.text ?? "");

let triggers = 0;
/** A trigger id no other request of the run has (a replay reuses one on purpose). */
export function newTrigger(what) {
  triggers++;
  return `bench.${what}.${process.pid}.${triggers}`;
}

/** A signed `/deal <text>` in `channel`; resolves with its ack (status and time). */
export function sendSlash(server, loopback, text, channel, trigger = newTrigger("slash")) {
  return slash(server.url, text, {
    channel,
    trigger,
    respondTo: `${loopback.origin}/respond/${channel}`,
  });
}

/** Messages posted in `channel` whose text matches `re`. */
export function postedIn(loopback, channel, re) {
  return loopback
    .callsOf("chat.postMessage")
    .filter((c) => c.args.channel === channel && re.test(textOf(c)));
}

/** Sets the channel's deal and waits for it to be confirmed in the channel. */
export async function setDeal(server, loopback, channel) {
  const ack = await sendSlash(server, loopback, SET_DEAL, channel);
  if (ack.status !== 200) throw new Error(`/deal set: HTTP ${ack.status}`);
  await loopback.until(
    () => postedIn(loopback, channel, DEAL_SAVED).length > 0,
    `the deal in ${channel}`,
    30_000,
  );
}

/** The file_shared event body's inner event for file `id` shared by message `ts`. */
export function fileSharedEvent(id, channel, ts) {
  return {
    type: "file_shared",
    file_id: id,
    user_id: "U1",
    channel_id: channel,
    file: { id },
    event_ts: ts,
  };
}

/** Shares `bytes` as file `id` in `channel` (message `ts`) and announces it to `server`. */
export async function shareFile(server, loopback, { id, bytes, channel, ts, eventId = `Ev${id}` }) {
  loopback.share(id, "sessions.csv", bytes, channel, ts);
  const ack = await event(server.url, eventId, fileSharedEvent(id, channel, ts));
  if (ack.status !== 200) throw new Error(`file_shared: HTTP ${ack.status}`);
  return ack;
}

/** The progress messages posted for the share `ts` in `channel` (one, when all is well). */
export function progressOf(loopback, channel, ts) {
  return loopback
    .callsOf("chat.postMessage")
    .filter(
      (c) => c.args.channel === channel && c.args.thread_ts === ts && /^Reading /.test(textOf(c)),
    );
}

/** Results for the share: updates of its progress message, and results posted as new messages. */
export function resultsOf(loopback, channel, ts) {
  const progress = new Set(progressOf(loopback, channel, ts).map((c) => c.answeredTs));
  return {
    updates: loopback
      .callsOf("chat.update")
      .filter(
        (c) => c.args.channel === channel && progress.has(c.args.ts) && FILE_RESULT.test(textOf(c)),
      ),
    posts: loopback
      .callsOf("chat.postMessage")
      .filter((c) => c.args.channel === channel && FILE_RESULT.test(textOf(c))),
  };
}

/** Ephemeral notes to the uploader in `channel` (a file that failed is told this way). */
export function ephemeralsIn(loopback, channel) {
  return loopback.callsOf("chat.postEphemeral").filter((c) => c.args.channel === channel);
}
