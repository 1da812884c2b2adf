/**
 * What makes a Slack delivery the same delivery when it comes again: an event's `event_id`
 * (Slack's retries carry it unchanged), and the `trigger_id` of a slash command or an
 * interaction (a replayed signed request carries the same one). Read from the raw body, so one
 * global middleware covers every listener.
 */
import type { Scope } from "../../store/scope.js";

export interface DeliveryKey {
  readonly scope: Scope;
  readonly key: string;
}

/** Slack's ids are letters, digits, dots and dashes; anything else gets no claim (and no key). */
const ID = /^[A-Za-z0-9._-]{1,120}$/;

/** Delivery claims are per workspace; this stands in for the channel in the claim's scope. */
export const DELIVERIES = "deliveries";

function text(value: unknown): string | undefined {
  return typeof value === "string" && ID.test(value) ? value : undefined;
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === "object"
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function teamOf(body: unknown): string {
  return (
    text(field(body, "team_id")) ??
    text(field(field(body, "team"), "id")) ??
    text(field(field(body, "user"), "team_id")) ??
    "unknown-team"
  );
}

export function deliveryKeyOf(body: unknown): DeliveryKey | undefined {
  const scope = { teamId: teamOf(body), channelId: DELIVERIES };
  if (field(body, "type") === "event_callback") {
    const eventId = text(field(body, "event_id"));
    return eventId ? { scope, key: `event:${eventId}` } : undefined;
  }
  // Slash commands, button clicks, modal submissions and shortcuts all carry a trigger_id.
  const triggerId = text(field(body, "trigger_id"));
  return triggerId ? { scope, key: `trigger:${triggerId}` } : undefined;
}
