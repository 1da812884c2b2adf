/**
 * `forget`: deletes everything a channel stored — deal, uploads with their raw rows, analyses,
 * drafts and offers — in one transaction, and records that it happened. The audit trail is kept:
 * it holds no personal data and is the proof that the deletion was done.
 */
import { auditRepository } from "./audit.js";
import type { Db, Queryable } from "./db.js";
import { checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

/** How many records of each kind were deleted. */
export interface ForgetResult {
  readonly deals: number;
  readonly uploads: number;
  readonly rawRows: number;
  readonly analyses: number;
  readonly drafts: number;
  /** Offer rounds, and our target and walk-away (offers.ts). */
  readonly offers: number;
}

/**
 * Children before parents, so the channel-scoped foreign keys are never violated. Button state
 * kept for the channel's messages goes too (it can hold a typed command); it is not counted.
 * So do the channel's renewal reminders and its "reminders off" (migration 0006).
 */
const STATE_TABLES = ["action_states", "reminders", "reminders_off"] as const;

const TABLES = [
  ["drafts", "drafts"],
  ["analyses", "analyses"],
  ["rawRows", "upload_rows"],
  ["uploads", "uploads"],
  ["deals", "deals"],
  ["offers", "offers"],
] as const;

/** What `forget` would delete now, counted without deleting (for a confirmation prompt). */
export async function countChannel(db: Queryable, scope: Scope): Promise<ForgetResult> {
  const params = scopeParams(scope);
  const counts: Record<string, number> = {};
  for (const [key, table] of TABLES) {
    const r = await db.query(
      `SELECT count(*) AS n FROM ${table} WHERE team_id = $1 AND channel_id = $2`,
      params,
    );
    counts[key] = Number(r.rows[0]?.n ?? 0);
  }
  return {
    deals: counts.deals ?? 0,
    uploads: counts.uploads ?? 0,
    rawRows: counts.rawRows ?? 0,
    analyses: counts.analyses ?? 0,
    drafts: counts.drafts ?? 0,
    offers: counts.offers ?? 0,
  };
}

export async function forgetChannel(db: Db, scope: Scope, stamp: Stamp): Promise<ForgetResult> {
  checkStamp(stamp);
  const params = scopeParams(scope);
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const [key, table] of TABLES) {
      const r = await tx.query(
        `DELETE FROM ${table} WHERE team_id = $1 AND channel_id = $2`,
        params,
      );
      counts[key] = r.rowCount;
    }
    for (const table of STATE_TABLES) {
      await tx.query(`DELETE FROM ${table} WHERE team_id = $1 AND channel_id = $2`, params);
    }
    const result: ForgetResult = {
      deals: counts.deals ?? 0,
      uploads: counts.uploads ?? 0,
      rawRows: counts.rawRows ?? 0,
      analyses: counts.analyses ?? 0,
      drafts: counts.drafts ?? 0,
      offers: counts.offers ?? 0,
    };
    await auditRepository(tx).record(
      scope,
      { action: "channel.forgotten", detail: { ...result } },
      stamp,
    );
    return result;
  });
}
