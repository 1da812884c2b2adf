/**
 * Claims make "act once" hold across replicas sharing one database: before acting on something
 * Slack may deliver twice, a replica takes the delivery's key; only the first taker acts. A claim
 * lasts `holdForMs`, after which the key is free again (Slack stops retrying within minutes, so
 * an hour is plenty for events; a job's "answer posted" claim is held for days).
 */
import type { Queryable } from "./db.js";
import { type Scope, scopeParams } from "./scope.js";

const KEY = /^[A-Za-z0-9._:/-]{1,200}$/;

export interface ClaimOptions {
  readonly now: Date;
  readonly holdForMs: number;
}

export interface ClaimRepository {
  /** True when this call took the key; false when someone holds it and it has not expired. */
  take(scope: Scope, key: string, options: ClaimOptions): Promise<boolean>;
  /** Frees a key this replica took but could not act on, so a retry may act. */
  release(scope: Scope, key: string): Promise<void>;
  /** Whether the key is held now (not expired). */
  held(scope: Scope, key: string, now: Date): Promise<boolean>;
  /** Deletes expired claims; returns how many. */
  sweep(now: Date): Promise<number>;
}

/** Keys are built from ids, never from typed text: a bad one is a bug, so it throws. */
function checkKey(key: string): string {
  if (!KEY.test(key)) throw new RangeError("claim keys are ids: letters, digits and . _ : / -");
  return key;
}

export function claimRepository(db: Queryable): ClaimRepository {
  return {
    async take(scope, key, options) {
      if (!(options.holdForMs > 0)) throw new RangeError("a claim must be held for some time");
      const expires = new Date(options.now.getTime() + options.holdForMs);
      // Inserted, or taken over when the old claim has expired; RETURNING is empty only when a
      // live claim already holds the key. One statement, so two replicas can't both win.
      const r = await db.query(
        `INSERT INTO claims (team_id, channel_id, key, claimed_at, expires_at)
         VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)
         ON CONFLICT (team_id, channel_id, key) DO UPDATE
           SET claimed_at = EXCLUDED.claimed_at, expires_at = EXCLUDED.expires_at
           WHERE claims.expires_at <= EXCLUDED.claimed_at
         RETURNING key`,
        [...scopeParams(scope), checkKey(key), options.now.toISOString(), expires.toISOString()],
      );
      return r.rows.length === 1;
    },

    async release(scope, key) {
      await db.query("DELETE FROM claims WHERE team_id = $1 AND channel_id = $2 AND key = $3", [
        ...scopeParams(scope),
        checkKey(key),
      ]);
    },

    async held(scope, key, now) {
      const r = await db.query(
        `SELECT 1 FROM claims WHERE team_id = $1 AND channel_id = $2 AND key = $3
           AND expires_at > $4::timestamptz`,
        [...scopeParams(scope), checkKey(key), now.toISOString()],
      );
      return r.rows.length > 0;
    },

    async sweep(now) {
      const r = await db.query("DELETE FROM claims WHERE expires_at <= $1::timestamptz", [
        now.toISOString(),
      ]);
      return r.rowCount;
    },
  };
}
