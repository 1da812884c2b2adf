/**
 * Sealing: a state (a few short strings) signed with HMAC together with where it may be used
 * (purpose, team, channel and, for things one person finishes, the user). A sealed value read in
 * another channel, workspace or by another user fails its check, as does any edit to it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** What a value is bound to: the click or submission must come from the same place. */
export interface Binding {
  readonly teamId: string;
  readonly channelId: string;
  /** Set when only this user may use the value (the rates form, the forget confirmation). */
  readonly userId?: string;
}

/** What a button or form carries: short named strings (ids, a command's text). */
export type ActionState = Readonly<Record<string, string>>;

/** The field holding the signature; states never use it. */
const SIG = "s";
const stateSchema = z.record(z.string().max(16), z.string().max(20_000));

/** Same text for the same state whatever order its fields were set in. */
function canonical(state: ActionState): string {
  return JSON.stringify(Object.entries(state).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function signature(key: Uint8Array, purpose: string, b: Binding, state: ActionState): string {
  // 128 bits of HMAC-SHA256: unforgeable, and short enough to leave room in a button value.
  return createHmac("sha256", key)
    .update([purpose, b.teamId, b.channelId, b.userId ?? "", canonical(state)].join("\n"))
    .digest("base64url")
    .slice(0, 22);
}

export function seal(key: Uint8Array, purpose: string, b: Binding, state: ActionState): string {
  return JSON.stringify({ ...state, [SIG]: signature(key, purpose, b, state) });
}

/** The state without its signature, unchecked: only to find what to check it against. */
export function peek(raw: string | undefined): ActionState | undefined {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(raw ?? ""));
    if (!parsed.success) return undefined;
    const { [SIG]: _sig, ...state } = parsed.data;
    return state;
  } catch {
    return undefined;
  }
}

/** The state when the value is untouched and was sealed for this purpose and binding. */
export function unseal(
  key: Uint8Array,
  purpose: string,
  b: Binding,
  raw: string | undefined,
): ActionState | undefined {
  const sig = peekSignature(raw);
  const state = peek(raw);
  if (sig === undefined || state === undefined) return undefined;
  const expected = Buffer.from(signature(key, purpose, b, state));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? state : undefined;
}

function peekSignature(raw: string | undefined): string | undefined {
  try {
    const sig = (JSON.parse(raw ?? "") as Record<string, unknown> | null)?.[SIG];
    return typeof sig === "string" ? sig : undefined;
  } catch {
    return undefined;
  }
}
