// Requests to the app as Slack sends them, signed with the signing secret, for the benchmarks.
import { createHmac } from "node:crypto";
import { performance } from "node:perf_hooks";

export const SECRET = "0123456789abcdef0123456789abcdef";

function headers(body, contentType, retry) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(ts),
    "x-slack-signature": sig,
    ...(retry
      ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" }
      : {}),
  };
}

/**
 * Sends a signed body; resolves with the HTTP status and the time to the response (the ack). A
 * request that gets no response (a reset connection) resolves with status 0 and the error's code,
 * so it is counted as a failed ack rather than ending the run.
 */
export async function post(url, body, contentType, retry = 0) {
  const start = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: headers(body, contentType, retry),
      body,
    });
    await res.text();
    return { status: res.status, ms: performance.now() - start };
  } catch (error) {
    const code = error?.cause?.code ?? error?.code ?? "no response";
    return { status: 0, ms: performance.now() - start, error: String(code) };
  }
}

export function slash(url, text, { channel = "C1", user = "U1", trigger, respondTo }) {
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: channel,
    user_id: user,
    command: "/deal",
    text,
    response_url: respondTo,
    trigger_id: trigger,
  }).toString();
  return post(url, body, "application/x-www-form-urlencoded");
}

export function event(url, eventId, event, retry = 0) {
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  });
  return post(url, body, "application/json", retry);
}

export function interaction(url, payload) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(url, body, "application/x-www-form-urlencoded");
}
