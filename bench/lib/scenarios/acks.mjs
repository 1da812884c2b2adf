// Scenario 1: slash commands acknowledged in time while a large file is analysed. A steady stream
// of 200 signed `/deal cost …` commands, each in its own channel, starts once the server has begun
// downloading a ≈16 MB session log shared in a priced channel; every ack must come within 3 s,
// and the stream must overlap the analysis (sent before its result arrived). After the 200, one
// command every 100 ms keeps probing until the result arrives (at most 600), so the end of the
// job (saving the upload, attaching files) is covered too; those acks count against 3 s as well.
import { setTimeout as delay } from "node:timers/promises";
import {
  COST,
  COST_ANSWER,
  postedIn,
  resultsOf,
  sendSlash,
  setDeal,
  shareFile,
} from "../slack-flows.mjs";
import { mb, ms, percentile, seconds } from "../stats.mjs";

const COUNT = 200;
/** Between two sends: 200 commands over 6 s, about the analysis's length on a quiet machine. */
const INTERVAL_MS = 30;
const PROBE_INTERVAL_MS = 100;
const PROBE_MAX = 600;
const ACK_LIMIT_MS = 3000;

const send = (server, loopback, channel) => {
  const at = Date.now();
  return sendSlash(server, loopback, COST, channel).then((ack) => ({ ...ack, at, channel }));
};

function summary(acks) {
  const times = acks.map((a) => a.ms);
  const slowest = acks.reduce((a, b) => (b.ms > a.ms ? b : a), acks[0]);
  const failed = acks.filter((a) => a.status !== 200);
  const codes = [...new Set(failed.map((a) => a.error ?? `HTTP ${a.status}`))].join(", ");
  return {
    inTime: acks.filter((a) => a.status === 200 && a.ms < ACK_LIMIT_MS).length,
    figures: `p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(Math.max(...times))}${failed.length ? `; ${failed.length} failed: ${codes}` : ""}`,
    overOne: times.filter((t) => t >= 1000).length,
    slowest,
  };
}

/** `engine` names the store in the lines; `tag` keeps this run's channels and file apart. */
/** What the unanswered commands got: their acks, and any other call made in their channels. */
function describeUnanswered(loopback, unanswered) {
  const acks = unanswered.map((a) =>
    a.status === 200 ? `acked in ${ms(a.ms)}` : (a.error ?? `HTTP ${a.status}`),
  );
  const channels = new Set(unanswered.map((a) => a.channel));
  const other = loopback.calls.filter(
    (c) => channels.has(c.args?.channel) || channels.has(String(c.path ?? "").split("/")[2]),
  );
  const kinds = other.map(
    (c) =>
      `${c.method}${c.fault ? ` (${c.fault})` : ""}: ${String(c.args?.text ?? "").slice(0, 60)}`,
  );
  return `${[...new Set(acks)].join(", ")}; other calls in their channels: ${kinds.length ? kinds.join(" | ") : "none"}`;
}

export async function acksWhileAnalysing({ server, loopback, bytes, engine, tag }) {
  const lines = [];
  const broken = [];
  const channel = `C${tag}LOAD`;
  const fileId = `F${tag}LOAD`;
  const ts = "1700001000.000100";
  await setDeal(server, loopback, channel);
  const sharedAt = Date.now();
  await shareFile(server, loopback, { id: fileId, bytes, channel, ts });
  await loopback.until(
    () => loopback.calls.some((c) => c.method === "download" && c.path.includes(fileId)),
    "the large file's download",
    60_000,
  );
  const downloadAt = Date.now();
  const result = () => resultsOf(loopback, channel, ts).updates[0];

  const sends = [];
  for (let i = 0; i < COUNT; i++) {
    sends.push(send(server, loopback, `C${tag}Q${i}`));
    await delay(INTERVAL_MS);
  }
  const probes = [];
  while (result() === undefined && probes.length < PROBE_MAX) {
    probes.push(send(server, loopback, `C${tag}P${probes.length}`));
    await delay(PROBE_INTERVAL_MS);
  }
  const acks = await Promise.all(sends);
  const probeAcks = await Promise.all(probes);
  await loopback.until(() => result() !== undefined, "the large file's result", 180_000);
  const resultAt = result().at;
  const all = [...acks, ...probeAcks];
  const answers = () => all.map((a) => postedIn(loopback, a.channel, COST_ANSWER).length);
  // Not thrown on: the commands left unanswered are the figure, with what they got instead.
  await loopback
    .until(
      () => answers().every((n, i) => n >= 1 || all[i].status !== 200),
      `all ${all.length} answers`,
      60_000,
    )
    .catch(() => undefined);

  const main = summary(acks);
  const before = acks.filter((a) => a.at < resultAt).length;
  lines.push(
    `acks (${engine}): ${main.inTime} of ${COUNT} within 3 s while a ${mb(bytes.byteLength)} log was analysed (${main.figures}); ${before} sent before its result; over 1 s: ${main.overOne}, the slowest sent ${seconds(main.slowest.at - downloadAt)} after the download started`,
  );
  if (probeAcks.length > 0) {
    const p = summary(probeAcks);
    lines.push(
      `acks (${engine}) after the stream until the result (one per 100 ms): ${p.inTime} of ${probeAcks.length} within 3 s (${p.figures}); over 1 s: ${p.overOne}, the slowest sent ${seconds(p.slowest.at - downloadAt)} after the download started`,
    );
    if (p.inTime < probeAcks.length)
      broken.push(`${probeAcks.length - p.inTime} probe acks took 3 s or more (or failed)`);
  }
  lines.push(
    `analysis (${engine}) under that load: result ${seconds(resultAt - sharedAt)} after the share (${seconds(resultAt - downloadAt)} after its download started)`,
  );
  const counts = answers();
  const once = counts.filter((n) => n === 1).length;
  // A request that got no ack at all is counted with the acks (Slack would send it again).
  const unanswered = all.filter((a, i) => counts[i] === 0 && a.status === 200);
  lines.push(
    `answers (${engine}) to those commands: ${once} of ${all.length} answered exactly once (${counts.filter((n) => n > 1).length} twice or more; of those acked, ${unanswered.length} not answered within a minute)${unanswered.length ? `; the unanswered: ${describeUnanswered(loopback, unanswered)}` : ""}`,
  );
  if (unanswered.length > 0) broken.push(`${unanswered.length} typed commands never answered`);
  if (main.inTime < COUNT) broken.push(`${COUNT - main.inTime} acks took 3 s or more (or failed)`);
  if (counts.some((n) => n > 1)) broken.push("typed commands answered more than once");
  if (resultsOf(loopback, channel, ts).updates.length !== 1)
    broken.push("the large file was answered more than once");
  if (before === 0)
    lines.push(
      "note: no command was sent before the result, so the stream did not overlap the analysis",
    );
  return { lines, broken };
}
