/**
 * Button state too long for Slack's button value, kept under a random id and bound to its
 * channel: `get` in another team or channel finds nothing. Rows expire; `sweep` deletes them.
 */
import type { Queryable } from "./db.js";
import { type Scope, scopeParams } from "./scope.js";

const ID = /^[A-Za-z0-9_-]{16,64}$/;

export interface ActionStateOptions {
  readonly now: Date;
  readonly holdForMs: number;
}

export interface ActionStateRepository {
  put(scope: Scope, id: string, state: string, options: ActionStateOptions): Promise<void>;
  /** The state, when it was put in this scope and has not expired. */
  get(scope: Scope, id: string, now: Date): Promise<string | undefined>;
  /** Deletes expired states; returns how many. */
  sweep(now: Date): Promise<number>;
}

/** Ids are made by code (random), never typed: a bad one is a bug, so it throws. */
function checkId(id: string): string {
  if (!ID.test(id)) throw new RangeError("action state ids are 16-64 url-safe characters");
  return id;
}

export function actionStateRepository(db: Queryable): ActionStateRepository {
  return {
    async put(scope, id, state, options) {
      if (!(options.holdForMs > 0)) throw new RangeError("an action state must be kept some time");
      const expires = new Date(options.now.getTime() + options.holdForMs);
      await db.query(
        `INSERT INTO action_states (team_id, channel_id, id, state, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz)`,
        [
          ...scopeParams(scope),
          checkId(id),
          state,
          options.now.toISOString(),
          expires.toISOString(),
        ],
      );
    },

    async get(scope, id, now) {
      if (!ID.test(id)) return undefined;
      const r = await db.query(
        `SELECT state FROM action_states WHERE team_id = $1 AND channel_id = $2 AND id = $3
           AND expires_at > $4::timestamptz`,
        [...scopeParams(scope), id, now.toISOString()],
      );
      const state = (r.rows[0] as { state?: unknown } | undefined)?.state;
      return typeof state === "string" ? state : undefined;
    },

    async sweep(now) {
      const r = await db.query("DELETE FROM action_states WHERE expires_at <= $1::timestamptz", [
        now.toISOString(),
      ]);
      return r.rowCount;
    },
  };
}
