// Scenario 4: the Web API failing once on the call that delivers an answer — a 429 with
// Retry-After 1, a 500, and a request that never answers (the client gives up on it after 15 s
// and tries again) — on chat.postMessage (a typed `/deal cost …`'s answer) and on chat.update
// (a shared file's result replacing its progress message). The two methods' cases run side by
// side, each case alone in its channel; an answer is whatever reached the channel: the message,
// or the response URL the app falls back to.
import {
  COST,
  COST_ANSWER,
  ephemeralsIn,
  FILE_RESULT,
  postedIn,
  resultsOf,
  sendSlash,
  setDeal,
  shareFile,
} from "../slack-flows.mjs";
import { seconds } from "../stats.mjs";

/** "none" first: the same answer without a fault, to compare the times with. */
const KINDS = ["none", "429", "500", "hang"];
const ANSWER_WAIT_MS = 120_000;

async function postMessageCase(server, loopback, kind) {
  const channel = `CFP${kind.toUpperCase()}`;
  if (kind !== "none")
    loopback.fail("chat.postMessage", kind, 1, (args) => args.channel === channel);
  const answers = () => [
    ...postedIn(loopback, channel, COST_ANSWER),
    ...loopback.calls.filter((c) => c.path === `/respond/${channel}`),
  ];
  const at = Date.now();
  await sendSlash(server, loopback, COST, channel);
  await loopback.until(
    () => answers().length > 0 || ephemeralsIn(loopback, channel).length > 0,
    `the answer in ${channel}`,
    ANSWER_WAIT_MS,
  );
  const first = answers()[0];
  return {
    method: "chat.postMessage",
    kind,
    answers,
    after: first ? first.at - at : undefined,
    channel,
  };
}

async function updateCase(server, loopback, kind, bytes, n) {
  const channel = `CFU${kind.toUpperCase()}`;
  const ts = `1700004000.00010${n}`;
  await setDeal(server, loopback, channel);
  if (kind !== "none")
    loopback.fail(
      "chat.update",
      kind,
      1,
      (args) => args.channel === channel && FILE_RESULT.test(String(args.text ?? "")),
    );
  const answers = () => [
    ...resultsOf(loopback, channel, ts).updates,
    ...resultsOf(loopback, channel, ts).posts,
  ];
  const at = Date.now();
  await shareFile(server, loopback, { id: `FAPI${n}`, bytes, channel, ts });
  await loopback.until(
    () => answers().length > 0 || ephemeralsIn(loopback, channel).length > 0,
    `the result in ${channel}`,
    ANSWER_WAIT_MS,
  );
  const first = answers()[0];
  return {
    method: "chat.update",
    kind,
    answers,
    after: first ? first.at - at : undefined,
    channel,
  };
}

export async function apiFaults({ server, loopback, bytes }) {
  const lines = [];
  const broken = [];
  const series = async (run) => {
    const out = [];
    for (const [n, kind] of KINDS.entries()) out.push(await run(kind, n));
    return out;
  };
  const [posts, updates] = await Promise.all([
    series((kind) => postMessageCase(server, loopback, kind)),
    series((kind, n) => updateCase(server, loopback, kind, bytes, n)),
  ]);
  for (const c of [...posts, ...updates]) {
    // Counted after every case has ended: a late duplicate of an early case shows here too.
    const count = c.answers().length;
    const faulted = loopback.calls.filter((x) => x.fault && x.args?.channel === c.channel).length;
    const told = ephemeralsIn(loopback, c.channel).length;
    const what = c.method === "chat.postMessage" ? "typed answer" : "file result";
    lines.push(
      `Web API ${c.kind === "none" ? "without a fault" : `${c.kind} once`} on ${c.method} (${what}): answered ${count}× ${c.after === undefined ? "(never)" : `after ${seconds(c.after)}`}${c.method === "chat.update" ? " from the share" : " from the command"}; ${faulted} call(s) faulted, ${told} note(s) to the person`,
    );
    if (count !== 1) broken.push(`${c.kind} on ${c.method}: answered ${count} times`);
  }
  return { lines, broken };
}
