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

export async function send(
  url: string,
  body: string,
  contentType: string,
  sign: "valid" | "none" | "stale" | "future" | "soon" | "wrong" = "valid",
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
  const start = performance.now();
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - start };
}

const FORM = "application/x-www-form-urlencoded";

export function slashBody(
  text: string,
  where: { channel?: string; user?: string; responseUrl: string },
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
    trigger_id: "trigger.1",
  }).toString();
}

export function sendSlash(url: string, body: string, sign: Parameters<typeof send>[3] = "valid") {
  return send(url, body, FORM, sign);
}

let eventCounter = 0;
export function sendEvent(
  url: string,
  event: Record<string, unknown>,
  sign: Parameters<typeof send>[3] = "valid",
) {
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `Ev${++eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  });
  return send(url, body, "application/json", sign);
}

export function sendInteraction(url: string, payload: Record<string, unknown>) {
  return send(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
}
