// Scenario 3: SIGTERM to the replica running a file's analysis, with a second replica on the same
// PostgreSQL. Both replicas are up before the share; the one whose calls replace the progress
// message ("Reading …") runs the job (each replica has its own loopback API URL), and it is sent
// SIGTERM as soon as it has downloaded the file, mid-analysis.
//   (a) grace 25 s: it finishes the job, answers once, and exits 0.
//   (b) grace 1 s: it gives the job back; the other replica runs it and answers, once, in the
//       same progress message.
// A case ends when pg-boss holds the job as completed, after which nothing runs it again; then
// the results are counted ("jobs lost" = shared files never answered).
import { poll } from "../poll.mjs";
import { FILE_RESULT, progressOf, resultsOf, setDeal, shareFile } from "../slack-flows.mjs";
import { seconds } from "../stats.mjs";

async function oneCase({ servers, loopback, bytes, store, channel, id, ts }) {
  await setDeal(servers[0], loopback, channel);
  await shareFile(servers[0], loopback, { id, bytes, channel, ts });
  await loopback.until(
    () => progressOf(loopback, channel, ts).length > 0,
    "the progress message",
    30_000,
  );
  const progressTs = progressOf(loopback, channel, ts)[0].answeredTs;
  const updates = () => loopback.callsOf("chat.update").filter((c) => c.args.ts === progressTs);
  await loopback.until(
    () =>
      updates().length > 0 &&
      loopback.calls.some((c) => c.method === "download" && c.path.includes(id)),
    "a replica starting the job",
    60_000,
  );
  const runnerTag = updates()[0].via;
  const runner = servers.find((s) => s.name === runnerTag);
  const other = servers.find((s) => s !== runner);
  const termAt = Date.now();
  const stage = String(updates().at(-1)?.args.text ?? "")
    .split("\n")
    .at(-1);
  const exit = await runner.stop("SIGTERM", 60_000);
  const job = await poll(
    async () => {
      const j = await store.jobOf(id);
      return j?.state === "completed" ? j : undefined;
    },
    `the job of ${id} completed`,
    120_000,
  );
  const results = resultsOf(loopback, channel, ts);
  const everywhere = loopback
    .callsOf("chat.update")
    .filter((c) => c.args.channel === channel && FILE_RESULT.test(String(c.args.text)));
  const answeredAt = results.updates[0]?.at;
  return {
    runner,
    other,
    exit,
    stage,
    retries: job.retry_count,
    updates: results.updates.length,
    posts: results.posts.length,
    elsewhere: everywhere.length - results.updates.length,
    progress: progressOf(loopback, channel, ts).length,
    answeredBy: results.updates.map((c) => c.via).join("+"),
    afterTerm: answeredAt === undefined ? undefined : answeredAt - termAt,
  };
}

function judge(label, c, expectedBy, broken) {
  const lost = c.updates === 0 ? 1 : 0;
  if (lost) broken.push(`${label}: the job was lost`);
  if (c.updates > 1 || c.posts > 0 || c.elsewhere > 0)
    broken.push(`${label}: answered more than once`);
  if (c.progress !== 1) broken.push(`${label}: ${c.progress} progress messages`);
  if (c.exit.code !== 0) broken.push(`${label}: exit code ${c.exit.code ?? c.exit.signal}`);
  if (c.updates === 1 && c.answeredBy !== expectedBy.name)
    broken.push(`${label}: answered by ${c.answeredBy}, expected ${expectedBy.name}`);
  return lost;
}

export async function sigtermMidJob({ startPair, loopback, bytes, store }) {
  const lines = [];
  const broken = [];

  const [a, b] = await startPair(["ta", "tb"], 25);
  const first = await oneCase({
    servers: [a, b],
    loopback,
    bytes,
    store,
    channel: "CT1",
    id: "FTERMA",
    ts: "1700003000.000100",
  });
  const lostA = judge("grace 25 s", first, first.runner, broken);
  lines.push(
    `SIGTERM mid-job, grace 25 s: the running replica finished it — answered ${first.updates}× (by ${first.runner.name === first.answeredBy ? "the same replica" : first.answeredBy}, ${first.posts} new result messages), jobs lost ${lostA}, exit code ${first.exit.code ?? first.exit.signal}, exited ${seconds(first.exit.ms)} after SIGTERM (sent during "${first.stage}"); job retries ${first.retries}`,
  );
  await first.other.stop("SIGTERM", 30_000);

  const [c, d] = await startPair(["tc", "td"], 1);
  const second = await oneCase({
    servers: [c, d],
    loopback,
    bytes,
    store,
    channel: "CT2",
    id: "FTERMB",
    ts: "1700003000.000200",
  });
  const lostB = judge("grace 1 s", second, second.other, broken);
  lines.push(
    `SIGTERM mid-job, grace 1 s: the job was given back and the other replica answered — answered ${second.updates}× in the same progress message (by ${second.answeredBy === second.other.name ? "the other replica" : second.answeredBy || "nobody"}, ${second.posts} new result messages), jobs lost ${lostB}, ${second.afterTerm === undefined ? "no answer" : `answer ${seconds(second.afterTerm)} after SIGTERM`}; the stopped replica exited ${second.exit.code ?? second.exit.signal} after ${seconds(second.exit.ms)}; job retries ${second.retries}`,
  );
  await second.other.stop("SIGTERM", 30_000);
  return { lines, broken };
}
