/**
 * Past analyses of a channel: which calculator ran (kind + version), on what inputs, with what
 * outputs, who asked and when. Kept so a negotiation that runs for weeks can show its history and
 * re-derive any figure. Inputs and outputs are the commands' JSON `data` (amounts as moneyJson),
 * aggregates only: raw roster rows belong in uploads, where retention removes them.
 */
import { z } from "zod";
import { jsonColumn, newId, nullable, parseRow, timestampColumn, uuidColumn } from "./columns.js";
import type { Queryable } from "./db.js";
import { checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

export type JsonValue = z.infer<typeof jsonColumn>;

export interface AnalysisFields {
  /** The calculator, e.g. `cost`, `split`, `renewal`. */
  readonly kind: string;
  readonly inputs: JsonValue;
  readonly outputs: JsonValue;
  /** The calculator's version, so an old result can be told apart from a re-run. */
  readonly calculatorVersion: string;
  /** The upload the analysis read, when it read one (same channel only). */
  readonly uploadId?: string;
}

export interface Analysis extends AnalysisFields {
  readonly id: string;
  readonly scope: Scope;
  readonly createdBy: string;
  readonly createdAt: Date;
}

const KIND = /^[a-z][a-z0-9-]{0,31}$/;

const analysisRow = z.object({
  id: uuidColumn,
  team_id: z.string(),
  channel_id: z.string(),
  kind: z.string().regex(KIND),
  inputs: jsonColumn,
  outputs: jsonColumn,
  calculator_version: z.string().min(1),
  upload_id: nullable(uuidColumn),
  created_by: z.string(),
  created_at: timestampColumn,
});

function toAnalysis(row: unknown): Analysis {
  const r = parseRow(analysisRow, row, "analysis");
  return {
    id: r.id,
    scope: { teamId: r.team_id, channelId: r.channel_id },
    kind: r.kind,
    inputs: r.inputs,
    outputs: r.outputs,
    calculatorVersion: r.calculator_version,
    ...(r.upload_id === undefined ? {} : { uploadId: r.upload_id }),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

const COLUMNS =
  "id, team_id, channel_id, kind, inputs, outputs, calculator_version, upload_id, created_by, created_at";

export interface AnalysisRepository {
  add(scope: Scope, analysis: AnalysisFields, stamp: Stamp): Promise<Analysis>;
  get(scope: Scope, id: string): Promise<Analysis | undefined>;
  /** Newest first, optionally of one kind. */
  list(
    scope: Scope,
    options?: { readonly kind?: string; readonly limit?: number },
  ): Promise<Analysis[]>;
}

export function analysisRepository(db: Queryable): AnalysisRepository {
  return {
    async add(scope, analysis, stamp) {
      if (!KIND.test(analysis.kind)) throw new RangeError("analysis kind must be a short word");
      if (analysis.calculatorVersion === "") throw new RangeError("calculator version is missing");
      checkStamp(stamp);
      // The composite foreign key (upload_id, team_id, channel_id) refuses an upload of another
      // channel, so a link can never cross channels even through a bug in a caller.
      const r = await db.query(
        `INSERT INTO analyses (id, team_id, channel_id, kind, inputs, outputs, calculator_version,
           upload_id, created_by, created_at)
         VALUES ($3, $1, $2, $4, $5::jsonb, $6::jsonb, $7, $8::uuid, $9, $10::timestamptz)
         RETURNING ${COLUMNS}`,
        [
          ...scopeParams(scope),
          newId(),
          analysis.kind,
          JSON.stringify(jsonColumn.parse(analysis.inputs)),
          JSON.stringify(jsonColumn.parse(analysis.outputs)),
          analysis.calculatorVersion,
          analysis.uploadId ?? null,
          stamp.by,
          stamp.at.toISOString(),
        ],
      );
      return toAnalysis(r.rows[0]);
    },

    async get(scope, id) {
      if (!uuidColumn.safeParse(id).success) return undefined;
      const r = await db.query(
        `SELECT ${COLUMNS} FROM analyses WHERE team_id = $1 AND channel_id = $2 AND id = $3`,
        [...scopeParams(scope), id],
      );
      return r.rows[0] === undefined ? undefined : toAnalysis(r.rows[0]);
    },

    async list(scope, options = {}) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM analyses
         WHERE team_id = $1 AND channel_id = $2 AND ($3::text IS NULL OR kind = $3)
         ORDER BY created_at DESC, id LIMIT $4`,
        [...scopeParams(scope), options.kind ?? null, options.limit ?? 50],
      );
      return r.rows.map(toAnalysis);
    },
  };
}
