/** Sends requests to the app as Slack does: signed with the signing secret (or deliberately not). */
import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5".replace(/[^0-9a-f]/g, "0");

export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface Sent {
  readonly status: number;
  readonly text: string;
  readonly ms: number;
}

/** Slack's retry headers: which retry this is (1 to 3) and why Slack retried. */
export interface Retry {
  readonly num: number;
  readonly reason?: "http_timeout" | "http_error" | "too_many_connections" | "unknown_error";
}

export async function send(
  url: string,
  body: string,
  contentType: string,
  sign: "valid" | "none" | "stale" | "future" | "soon" | "wrong" = "valid",
  retry?: Retry,
): Promise<Sent> {
  const now = Math.floor(Date.now() / 1000);
  // "future": six minutes ahead (refused); "soon": four minutes ahead, within Slack's window.
  const skew = { stale: -6 * 60, future: 6 * 60, soon: 4 * 60 } as const;
  const timestamp = now + (sign in skew ? skew[sign as keyof typeof skew] : 0);
  const headers: Record<string, string> = { "content-type": contentType };
  if (sign !== "none") {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] =
      sign === "wrong" ? signature(body, timestamp, "0".repeat(32)) : signature(body, timestamp);
  }
  if (retry) {
    headers["x-slack-retry-num"] = String(retry.num);
    headers["x-slack-retry-reason"] = retry.reason ?? "http_timeout";
  }
  const start = performance.now();
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - start };
}

const FORM = "application/x-www-form-urlencoded";

let triggerCounter = 0;
/** A slash command's form body; each gets its own trigger_id, as Slack gives each command one. */
export function slashBody(
  text: string,
  where: { channel?: string; user?: string; responseUrl: string; triggerId?: string },
): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    team_domain: "acme",
    channel_id: where.channel ?? "C1",
    channel_name: "deal-halo",
    user_id: where.user ?? "U1",
    user_name: "negotiator",
    command: "/deal",
    text,
    api_app_id: "A1",
    response_url: where.responseUrl,
    trigger_id: where.triggerId ?? `trigger.1.${++triggerCounter}`,
  }).toString();
}

export function sendSlash(
  url: string,
  body: string,
  sign: Parameters<typeof send>[3] = "valid",
  retry?: Retry,
) {
  return send(url, body, FORM, sign, retry);
}

let eventCounter = 0;
/** An Events API body; each gets a new event_id unless one is given (a retry carries the same). */
export function eventBody(event: Record<string, unknown>, eventId?: string): string {
  return JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId ?? `Ev${++eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  });
}

export function sendEvent(
  url: string,
  event: Record<string, unknown>,
  sign: Parameters<typeof send>[3] = "valid",
) {
  return send(url, eventBody(event), "application/json", sign);
}

/** Sends an event body as it was (the same event_id), with Slack's retry headers when given. */
export function resendEvent(url: string, body: string, retry?: Retry) {
  return send(url, body, "application/json", "valid", retry);
}

export function sendInteraction(url: string, payload: Record<string, unknown>) {
  return send(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
}
