/**
 * The app's action binder: every value dealdesk hands Slack to carry back (button values, the
 * rates form's private_metadata) is sealed to where it was made (src/slack/action-state/seal.ts),
 * and a state too long for Slack's 2,000-character button value is kept server-side (in the store
 * when there is one, else in bounded memory) under a random id the sealed value carries.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "@slack/bolt";
import type { Store } from "../../store/store.js";
import { LIMITS } from "../blocks/limits.js";
import { logFailure } from "../log-failure.js";
import { Bounded } from "../memory.js";
import { type ActionState, type Binding, peek, seal, unseal } from "./seal.js";

/** How long a state kept server-side stays usable: buttons are clicked days later, rarely months. */
export const KEEP_STATE_MS = 30 * 24 * 60 * 60 * 1000;
/** Server-side states this process keeps in memory (all of them without a store). */
const REMEMBERED_STATES = 500;

export interface ActionBinder {
  /** The value to hand Slack: the sealed state, or a sealed id when that would be too long. */
  value(purpose: string, binding: Binding, state: ActionState, limit?: number): string;
  /** The state a value from Slack carries, when it was sealed for this purpose and place. */
  open(
    purpose: string,
    binding: Binding,
    raw: string | undefined,
  ): Promise<ActionState | undefined>;
  /** Waits for the store writes begun by `value` (before the message carrying them is sent). */
  settled(): Promise<void>;
}

interface Kept {
  readonly scope: string;
  readonly state: ActionState;
}

const where = (b: Binding) => `${b.teamId}/${b.channelId}`;

/** What a binder needs: the key (key.ts) and, when there is one, the store for long states. */
export interface BinderParts {
  readonly key: Uint8Array;
  readonly store?: Store;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** One per app (start.ts makes it): every replica with the same key opens what another sealed. */
export function createActionBinder(deps: BinderParts): ActionBinder {
  const { key } = deps;
  const kept = new Bounded<Kept>(REMEMBERED_STATES);
  const writes = new Set<Promise<void>>();
  return {
    value(purpose, binding, state, limit = LIMITS.buttonValue) {
      const sealed = seal(key, purpose, binding, state);
      if (sealed.length <= limit) return sealed;
      const id = randomBytes(16).toString("base64url");
      kept.set(id, { scope: where(binding), state });
      if (deps.store) {
        const scope = { teamId: binding.teamId, channelId: binding.channelId };
        const write = deps.store.actionStates
          .put(scope, id, JSON.stringify(state), { now: deps.now(), holdForMs: KEEP_STATE_MS })
          .catch((error: unknown) =>
            // This replica still has it in memory; only a click served by another one misses it.
            logFailure(deps.logger, `keeping action state ${id} in ${binding.channelId}`, error),
          )
          .finally(() => writes.delete(write));
        writes.add(write);
      }
      return seal(key, purpose, binding, { k: id });
    },

    async open(purpose, binding, raw) {
      const state = unseal(key, purpose, binding, raw);
      const id = state?.k;
      if (state === undefined || id === undefined) return state;
      const remembered = kept.get(id);
      if (remembered) return remembered.scope === where(binding) ? remembered.state : undefined;
      if (!deps.store) return undefined;
      const scope = { teamId: binding.teamId, channelId: binding.channelId };
      const stored = await deps.store.actionStates.get(scope, id, deps.now());
      return stored === undefined ? undefined : peek(stored);
    },

    async settled() {
      await Promise.all([...writes]);
    },
  };
}
