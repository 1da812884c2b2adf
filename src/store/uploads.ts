/**
 * Files dropped into a channel: what was read (name, sha256, kind, row counts, a summary of the
 * row errors) kept for the life of the deal, and the raw rows, which are personal data (names,
 * e-mails, sessions) and are deleted by retention after DEALDESK_RETENTION_DAYS.
 */
import { z } from "zod";
import {
  integerColumn,
  newId,
  nullable,
  parseRow,
  timestampColumn,
  uuidColumn,
} from "./columns.js";
import type { Db } from "./db.js";
import { checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

/** One kind of row error and how many rows had it, e.g. `email.missing` × 3. No cell values. */
export interface UploadErrorSummary {
  readonly code: string;
  readonly count: number;
  readonly message: string;
}

/** A raw row as read from the file: column name to cell value. */
export type RawRow = Readonly<Record<string, string | number | boolean | null>>;

export interface UploadFields {
  readonly fileName: string;
  /** Lower-case hex sha256 of the file's bytes: the same file dropped twice is recognised. */
  readonly sha256: string;
  /** What the file was read as, e.g. `roster` or `sessions`. */
  readonly kind: string;
  readonly rowsTotal: number;
  readonly rowsUsed: number;
  readonly rowsRejected: number;
  readonly errorSummary: readonly UploadErrorSummary[];
}

export interface Upload extends UploadFields {
  readonly id: string;
  readonly scope: Scope;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
  /** When retention removed the raw rows; absent while they are kept. */
  readonly rawRowsDeletedAt?: Date;
}

const KIND = /^[a-z][a-z0-9-]{0,31}$/;
const count = z.number().int().min(0);
const errorSummarySchema = z.array(
  z.object({ code: z.string().min(1), count: count, message: z.string() }),
);
const rawRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const rawRowRow = z.object({ row_number: integerColumn, data: rawRowSchema });

const uploadRow = z.object({
  id: uuidColumn,
  team_id: z.string(),
  channel_id: z.string(),
  file_name: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.string().regex(KIND),
  rows_total: count,
  rows_used: count,
  rows_rejected: count,
  error_summary: errorSummarySchema,
  uploaded_by: z.string(),
  uploaded_at: timestampColumn,
  raw_rows_deleted_at: nullable(timestampColumn),
});

function toUpload(row: unknown): Upload {
  const r = parseRow(uploadRow, row, "upload");
  return {
    id: r.id,
    scope: { teamId: r.team_id, channelId: r.channel_id },
    fileName: r.file_name,
    sha256: r.sha256,
    kind: r.kind,
    rowsTotal: r.rows_total,
    rowsUsed: r.rows_used,
    rowsRejected: r.rows_rejected,
    errorSummary: r.error_summary,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    ...(r.raw_rows_deleted_at === undefined ? {} : { rawRowsDeletedAt: r.raw_rows_deleted_at }),
  };
}

function checkFields(upload: UploadFields): void {
  if (!/^[0-9a-f]{64}$/.test(upload.sha256)) throw new RangeError("sha256 must be 64 hex digits");
  if (!KIND.test(upload.kind)) throw new RangeError("upload kind must be a short lower-case word");
  for (const n of [upload.rowsTotal, upload.rowsUsed, upload.rowsRejected]) count.parse(n);
  errorSummarySchema.parse(upload.errorSummary);
}

const COLUMNS = `id, team_id, channel_id, file_name, sha256, kind, rows_total, rows_used,
  rows_rejected, error_summary, uploaded_by, uploaded_at, raw_rows_deleted_at`;

/** Raw rows inserted per statement: each takes PGlite a few milliseconds (5,000 held acks up to 2.5 s). */
export const RAW_ROWS_PER_STATEMENT = 1_000;

export interface UploadRepository {
  /** Records an upload and its raw rows (numbered from 1 in file order) in one transaction. */
  add(
    scope: Scope,
    upload: UploadFields,
    rawRows: readonly RawRow[],
    stamp: Stamp,
  ): Promise<Upload>;
  get(scope: Scope, id: string): Promise<Upload | undefined>;
  /** Newest first. */
  list(scope: Scope, options?: { readonly limit?: number }): Promise<Upload[]>;
  /** The newest upload of the same file bytes in this channel, if any. */
  findBySha256(scope: Scope, sha256: string): Promise<Upload | undefined>;
  /** The raw rows in file order; empty once retention removed them or for another channel's id. */
  rawRows(scope: Scope, id: string): Promise<RawRow[]>;
}

/** Takes a `Db` (not a transaction) because adding an upload and its rows is one transaction. */
export function uploadRepository(db: Db): UploadRepository {
  return {
    async add(scope, upload, rawRows, stamp) {
      checkFields(upload);
      checkStamp(stamp);
      const params = scopeParams(scope);
      return db.transaction(async (tx) => {
        const r = await tx.query(
          `INSERT INTO uploads (id, team_id, channel_id, file_name, sha256, kind, rows_total,
             rows_used, rows_rejected, error_summary, uploaded_by, uploaded_at, raw_rows_deleted_at)
           VALUES ($3, $1, $2, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::timestamptz,
             CASE WHEN $13::integer = 0 THEN $12::timestamptz END)
           RETURNING ${COLUMNS}`,
          [
            ...params,
            newId(),
            upload.fileName,
            upload.sha256,
            upload.kind,
            upload.rowsTotal,
            upload.rowsUsed,
            upload.rowsRejected,
            JSON.stringify(upload.errorSummary),
            stamp.by,
            stamp.at.toISOString(),
            rawRows.length,
          ],
        );
        const stored = toUpload(r.rows[0]);
        // The rows travel as JSON arrays of RAW_ROWS_PER_STATEMENT, numbered by their position,
        // which is far faster than a round trip per row. Embedded PGlite runs each statement on
        // this thread, so between them the event loop gets a turn: a 16 MB file's 250,000 rows in
        // one statement held it for seconds, and Slack's requests waited unacknowledged.
        for (let from = 0; from < rawRows.length; from += RAW_ROWS_PER_STATEMENT) {
          if (from > 0) await new Promise((resolve) => setImmediate(resolve));
          const chunk = rawRows.slice(from, from + RAW_ROWS_PER_STATEMENT);
          await tx.query(
            `INSERT INTO upload_rows (upload_id, team_id, channel_id, row_number, data)
             SELECT $3, $1, $2, $5::integer + ordinality, value
             FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY`,
            [...params, stored.id, JSON.stringify(chunk), from],
          );
        }
        return stored;
      });
    },

    async get(scope, id) {
      if (!uuidColumn.safeParse(id).success) return undefined;
      const r = await db.query(
        `SELECT ${COLUMNS} FROM uploads WHERE team_id = $1 AND channel_id = $2 AND id = $3`,
        [...scopeParams(scope), id],
      );
      return r.rows[0] === undefined ? undefined : toUpload(r.rows[0]);
    },

    async list(scope, options = {}) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM uploads WHERE team_id = $1 AND channel_id = $2
         ORDER BY uploaded_at DESC, id LIMIT $3`,
        [...scopeParams(scope), options.limit ?? 50],
      );
      return r.rows.map(toUpload);
    },

    async findBySha256(scope, sha256) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM uploads WHERE team_id = $1 AND channel_id = $2 AND sha256 = $3
         ORDER BY uploaded_at DESC LIMIT 1`,
        [...scopeParams(scope), sha256],
      );
      return r.rows[0] === undefined ? undefined : toUpload(r.rows[0]);
    },

    async rawRows(scope, id) {
      if (!uuidColumn.safeParse(id).success) return [];
      const r = await db.query(
        `SELECT row_number, data FROM upload_rows
         WHERE team_id = $1 AND channel_id = $2 AND upload_id = $3 ORDER BY row_number`,
        [...scopeParams(scope), id],
      );
      return r.rows.map((row) => parseRow(rawRowRow, row, "raw row").data);
    },
  };
}
