/** Helpers for the Slack tests that run on a real store: in-memory PGlite, migrated. */
import { migrate } from "../../src/store/migrate.js";
import { openPgliteDb } from "../../src/store/pglite-db.js";
import { createStore, type Store } from "../../src/store/store.js";
import type { ApiCall, FakeSlack } from "./fake-slack.js";
import { sendInteraction, sendSlash, slashBody } from "./signed.js";

export async function openTestStore(): Promise<Store> {
  const db = await openPgliteDb();
  await migrate(db);
  return createStore(db);
}

export function slashIn(
  url: string,
  fake: FakeSlack,
  text: string,
  where: { channel?: string; user?: string; respond?: string } = {},
) {
  return sendSlash(
    url,
    slashBody(text, {
      ...(where.channel ? { channel: where.channel } : {}),
      ...(where.user ? { user: where.user } : {}),
      responseUrl: `${fake.origin}/respond/${where.respond ?? "slash"}`,
    }),
  );
}

/** Waits for the first call of `method` after the first `from` calls that matches, and returns it. */
export async function nextCall(
  fake: FakeSlack,
  method: string,
  from: number,
  where?: (c: ApiCall) => boolean,
  timeoutMs?: number,
): Promise<ApiCall> {
  const find = () =>
    fake.calls.slice(from).find((c) => c.method === method && (where?.(c) ?? true));
  await fake.waitFor(() => find() !== undefined, method, timeoutMs);
  return find() as ApiCall;
}

export interface Button {
  readonly action_id: string;
  readonly value: string;
  readonly text: { readonly text: string };
  readonly style?: string;
  readonly confirm?: Record<string, { text: string } | string>;
}

export function buttonsOf(call: ApiCall): Button[] {
  const blocks = call.args.blocks as { type: string; elements?: Button[] }[];
  return blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

let clicks = 0;
/** Clicks a button as Slack sends it: a signed block_actions payload from `channel`. */
export function clickButton(
  url: string,
  fake: FakeSlack,
  button: Button,
  where: { channel: string; user?: string; respond: string; messageTs?: string },
) {
  return sendInteraction(url, {
    type: "block_actions",
    user: { id: where.user ?? "U1", team_id: "T1" },
    team: { id: "T1" },
    channel: { id: where.channel },
    ...(where.messageTs ? { message: { ts: where.messageTs } } : {}),
    container: { type: "message", channel_id: where.channel, is_ephemeral: true },
    trigger_id: `trigger.9.${++clicks}`,
    api_app_id: "A1",
    token: "legacy",
    response_url: `${fake.origin}/respond/${where.respond}`,
    actions: [{ ...button, type: "button", block_id: "dealdesk.x", action_ts: "1" }],
  });
}

/**
 * Six people on Monday 7 Sep 2026: ann and bob all day, cat, dan, eve and fay an hour each, never
 * together. At £70 named / £140 concurrent a month the cheapest split names ann and bob with a
 * pool of 1: (2 × 70 + 140) × 12 = £3,360 a year.
 */
export const SIX_PEOPLE_CSV = [
  "user,start,end",
  "ann@example.com,2026-09-07 09:00,2026-09-07 17:00",
  "bob@example.com,2026-09-07 09:00,2026-09-07 17:00",
  "cat@example.com,2026-09-07 09:00,2026-09-07 10:00",
  "dan@example.com,2026-09-07 10:30,2026-09-07 11:30",
  "eve@example.com,2026-09-07 12:00,2026-09-07 13:00",
  "fay@example.com,2026-09-07 14:00,2026-09-07 15:00",
  "",
].join("\n");
export const SIX_PEOPLE_BYTES = new TextEncoder().encode(SIX_PEOPLE_CSV);
