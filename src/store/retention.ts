/**
 * Retention: raw roster and session rows are personal data and are kept only DEALDESK_RETENTION_DAYS.
 * The upload's summary (file name, counts, error codes) and the analyses stay. Each channel that
 * lost rows gets an audit event. The clock is an argument: the caller decides what "now" is.
 */
import { auditRepository } from "./audit.js";
import type { Db } from "./db.js";

export const RETENTION_ACTOR = "system:retention";

export interface RetentionResult {
  /** Uploads uploaded before `cutoff` whose raw rows were removed by this run. */
  readonly uploads: number;
  readonly rawRows: number;
  /** `now` minus `days` × 24 hours. */
  readonly cutoff: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface ChannelTally {
  teamId: string;
  channelId: string;
  uploads: number;
  rawRows: number;
}

export async function applyRetention(
  db: Db,
  options: { readonly now: Date; readonly days: number },
): Promise<RetentionResult> {
  if (!Number.isInteger(options.days) || options.days < 1) {
    throw new RangeError("retention days must be a whole number, at least 1");
  }
  const cutoff = new Date(options.now.getTime() - options.days * DAY_MS);
  const params = [options.now.toISOString(), cutoff.toISOString()];
  return db.transaction(async (tx) => {
    // Each statement covers all channels (retention is one sweep), and reports per channel so
    // that each channel's audit trail says what it lost.
    const expired = await tx.query(
      `UPDATE uploads SET raw_rows_deleted_at = $1::timestamptz
       WHERE raw_rows_deleted_at IS NULL AND uploaded_at < $2::timestamptz
       RETURNING id, team_id, channel_id`,
      params,
    );
    const removed = await tx.query(
      `DELETE FROM upload_rows r USING uploads u
       WHERE r.upload_id = u.id AND u.raw_rows_deleted_at = $1::timestamptz
         AND u.uploaded_at < $2::timestamptz
       RETURNING r.team_id, r.channel_id`,
      params,
    );
    const tallies = new Map<string, ChannelTally>();
    const tally = (row: Record<string, unknown>): ChannelTally => {
      const teamId = String(row.team_id);
      const channelId = String(row.channel_id);
      const key = `${teamId}\u0000${channelId}`;
      let t = tallies.get(key);
      if (t === undefined) {
        t = { teamId, channelId, uploads: 0, rawRows: 0 };
        tallies.set(key, t);
      }
      return t;
    };
    for (const row of expired.rows) tally(row).uploads++;
    for (const row of removed.rows) tally(row).rawRows++;
    const audit = auditRepository(tx);
    for (const t of tallies.values()) {
      await audit.record(
        { teamId: t.teamId, channelId: t.channelId },
        {
          action: "retention.raw_rows_deleted",
          detail: { uploads: t.uploads, rawRows: t.rawRows, olderThanDays: options.days },
        },
        { by: RETENTION_ACTOR, at: options.now },
      );
    }
    return { uploads: expired.rowCount, rawRows: removed.rowCount, cutoff };
  });
}
