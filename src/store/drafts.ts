/** Drafted asks, clauses and briefs of a channel, kept with the analysis they were filled from. */
import { z } from "zod";
import { newId, nullable, parseRow, timestampColumn, uuidColumn } from "./columns.js";
import type { Queryable } from "./db.js";
import { checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

export interface DraftFields {
  /** e.g. `ask`, `clause`, `brief`. */
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  /** The analysis whose numbers filled the template (same channel only). */
  readonly analysisId?: string;
}

export interface Draft extends DraftFields {
  readonly id: string;
  readonly scope: Scope;
  readonly createdBy: string;
  readonly createdAt: Date;
}

const KIND = /^[a-z][a-z0-9-]{0,31}$/;

const draftRow = z.object({
  id: uuidColumn,
  team_id: z.string(),
  channel_id: z.string(),
  kind: z.string().regex(KIND),
  title: z.string().min(1),
  body: z.string(),
  analysis_id: nullable(uuidColumn),
  created_by: z.string(),
  created_at: timestampColumn,
});

function toDraft(row: unknown): Draft {
  const r = parseRow(draftRow, row, "draft");
  return {
    id: r.id,
    scope: { teamId: r.team_id, channelId: r.channel_id },
    kind: r.kind,
    title: r.title,
    body: r.body,
    ...(r.analysis_id === undefined ? {} : { analysisId: r.analysis_id }),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

const COLUMNS = "id, team_id, channel_id, kind, title, body, analysis_id, created_by, created_at";

export interface DraftRepository {
  add(scope: Scope, draft: DraftFields, stamp: Stamp): Promise<Draft>;
  get(scope: Scope, id: string): Promise<Draft | undefined>;
  /** Newest first. */
  list(scope: Scope, options?: { readonly limit?: number }): Promise<Draft[]>;
}

export function draftRepository(db: Queryable): DraftRepository {
  return {
    async add(scope, draft, stamp) {
      if (!KIND.test(draft.kind)) throw new RangeError("draft kind must be a short word");
      checkStamp(stamp);
      const r = await db.query(
        `INSERT INTO drafts (id, team_id, channel_id, kind, title, body, analysis_id, created_by,
           created_at)
         VALUES ($3, $1, $2, $4, $5, $6, $7::uuid, $8, $9::timestamptz)
         RETURNING ${COLUMNS}`,
        [
          ...scopeParams(scope),
          newId(),
          draft.kind,
          draft.title,
          draft.body,
          draft.analysisId ?? null,
          stamp.by,
          stamp.at.toISOString(),
        ],
      );
      return toDraft(r.rows[0]);
    },

    async get(scope, id) {
      if (!uuidColumn.safeParse(id).success) return undefined;
      const r = await db.query(
        `SELECT ${COLUMNS} FROM drafts WHERE team_id = $1 AND channel_id = $2 AND id = $3`,
        [...scopeParams(scope), id],
      );
      return r.rows[0] === undefined ? undefined : toDraft(r.rows[0]);
    },

    async list(scope, options = {}) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM drafts WHERE team_id = $1 AND channel_id = $2
         ORDER BY created_at DESC, id LIMIT $3`,
        [...scopeParams(scope), options.limit ?? 50],
      );
      return r.rows.map(toDraft);
    },
  };
}
