/**
 * The audit trail: who did what, in which channel, when. Details are counts, ids and settings —
 * never names, e-mails or file contents — so the trail can outlive the data it describes (it
 * records that a channel was forgotten).
 */
import { z } from "zod";
import { integerColumn, parseRow, timestampColumn } from "./columns.js";
import type { Queryable } from "./db.js";
import { checkScope, checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditEvent {
  readonly id: number;
  readonly scope: Scope;
  readonly actor: string;
  /** Dotted lower-case verb, e.g. `deal.saved`, `channel.forgotten`, `retention.raw_rows_deleted`. */
  readonly action: string;
  readonly detail: AuditDetail;
  readonly at: Date;
}

const ACTION = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
/** A cheap guard against personal data slipping into a detail: no e-mail addresses. */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

const detailSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const auditRow = z.object({
  id: integerColumn,
  team_id: z.string(),
  channel_id: z.string(),
  actor: z.string(),
  action: z.string().regex(ACTION),
  detail: detailSchema,
  at: timestampColumn,
});

function toEvent(row: unknown): AuditEvent {
  const r = parseRow(auditRow, row, "audit event");
  return {
    id: r.id,
    scope: { teamId: r.team_id, channelId: r.channel_id },
    actor: r.actor,
    action: r.action,
    detail: r.detail,
    at: r.at,
  };
}

function checkDetail(detail: AuditDetail): void {
  detailSchema.parse(detail);
  for (const value of Object.values(detail)) {
    if (typeof value === "string" && EMAIL.test(value)) {
      throw new RangeError("audit details must not hold personal data such as e-mail addresses");
    }
  }
}

export interface AuditRepository {
  record(
    scope: Scope,
    event: { readonly action: string; readonly detail?: AuditDetail },
    stamp: Stamp,
  ): Promise<AuditEvent>;
  /** Newest first. */
  list(scope: Scope, options?: { readonly limit?: number }): Promise<AuditEvent[]>;
  /**
   * The channels of one team where `actor` did something, most recent first: App Home's "your
   * channels". Reads only the actor's own events and returns only channel ids, never their data.
   */
  channelsOf(
    teamId: string,
    actor: string,
    options?: { readonly limit?: number },
  ): Promise<Scope[]>;
}

export function auditRepository(db: Queryable): AuditRepository {
  return {
    async record(scope, event, stamp) {
      if (!ACTION.test(event.action))
        throw new RangeError("audit action must look like deal.saved");
      const detail = event.detail ?? {};
      checkDetail(detail);
      checkStamp(stamp);
      const r = await db.query(
        `INSERT INTO audit_events (team_id, channel_id, actor, action, detail, at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz)
         RETURNING id, team_id, channel_id, actor, action, detail, at`,
        [
          ...scopeParams(scope),
          stamp.by,
          event.action,
          JSON.stringify(detail),
          stamp.at.toISOString(),
        ],
      );
      return toEvent(r.rows[0]);
    },

    async list(scope, options = {}) {
      const r = await db.query(
        `SELECT id, team_id, channel_id, actor, action, detail, at FROM audit_events
         WHERE team_id = $1 AND channel_id = $2 ORDER BY at DESC, id DESC LIMIT $3`,
        [...scopeParams(scope), options.limit ?? 100],
      );
      return r.rows.map(toEvent);
    },

    async channelsOf(teamId, actor, options = {}) {
      checkScope({ teamId, channelId: "any" });
      checkStamp({ by: actor, at: new Date(0) });
      const r = await db.query(
        `SELECT channel_id, max(at) AS last_at FROM audit_events
         WHERE team_id = $1 AND actor = $2
         GROUP BY channel_id ORDER BY last_at DESC, channel_id LIMIT $3`,
        [teamId, actor, options.limit ?? 20],
      );
      return r.rows.map((row) => ({
        teamId,
        channelId: parseRow(channelRow, row, "audit channel").channel_id,
      }));
    },
  };
}

const channelRow = z.object({ channel_id: z.string() });
