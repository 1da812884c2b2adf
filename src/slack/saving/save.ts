/**
 * Saving what the bot analyses, scoped to the channel, when the app has a store: the upload
 * (name, sha256, kind, row counts, an error summary of counts only, who, when, and the raw rows
 * until retention deletes them) and each analysis (kind, inputs, outputs without personal data,
 * calculator version, who, when), each with an audit event. Saving never stands in the way of
 * the answer: a failure is logged and the reply goes out as usual.
 */
import { createHash } from "node:crypto";
import type { Reply } from "../../commands/reply.js";
import { type Money, moneyJson } from "../../core/money.js";
import type { JsonValue } from "../../store/analyses.js";
import type { Scope } from "../../store/scope.js";
import type { Store } from "../../store/store.js";
import type { UploadErrorSummary, UploadFields } from "../../store/uploads.js";
import type { SlackCommandContext, SlackDeps } from "../deps.js";
import { logFailure } from "../log-failure.js";
import { storableOutputs } from "./outputs.js";
import { rawRowsToCsv, readRawRows } from "./raw-rows.js";

const KIND = /^[a-z][a-z0-9-]{0,31}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored upload's id (a UUID) as opposed to a Slack file id (`F0123…`). */
export function isStoredUploadId(id: string | undefined): id is string {
  return id !== undefined && UUID.test(id);
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The reader's summary counts as coded lines: counts only, never a cell's value. */
const SUMMARY_CODES: readonly [string, string, string][] = [
  ["skipped", "rows.skipped", "rows not used (listed in the skipped-rows CSV in the thread)"],
  ["duplicates", "rows.duplicate", "rows repeating an earlier row"],
  ["endBeforeStart", "rows.end_before_start", "sessions ending before they start"],
  ["closedAtTimeout", "sessions.closed_at_timeout", "logins with no logout, closed at the timeout"],
  ["unpairedLogouts", "events.unpaired_logout", "logouts with no login before them"],
  ["blankRows", "rows.blank", "blank rows"],
];

export function uploadFields(
  name: string,
  bytes: Uint8Array,
  data: Readonly<Record<string, unknown>>,
  dataRows: number,
): UploadFields {
  const file = record(data.file);
  const kind = typeof data.kind === "string" && KIND.test(data.kind) ? data.kind : "unknown";
  const errorSummary: UploadErrorSummary[] = [];
  for (const [key, code, message] of SUMMARY_CODES) {
    const n = count(file[key]);
    if (n !== undefined && n > 0) errorSummary.push({ code, count: n, message });
  }
  const rowsTotal = count(file.rows) ?? dataRows;
  const rowsRejected = count(file.skipped) ?? 0;
  return {
    fileName: name.slice(0, 255) || "upload",
    sha256: createHash("sha256").update(bytes).digest("hex"),
    kind,
    rowsTotal,
    rowsUsed: count(file.used) ?? Math.max(0, rowsTotal - rowsRejected),
    rowsRejected,
    errorSummary,
  };
}

/** Which calculator an upload's reply came from: the part of `data` that was filled. */
export function uploadAnalysisKind(reply: Reply): string {
  for (const kind of ["split", "concurrency", "rightsize"]) {
    const part = reply.data[kind];
    if (part !== null && part !== undefined) return kind;
  }
  return KIND.test(reply.command) ? reply.command : "upload";
}

const rate = (m: Money | undefined): JsonValue => (m ? { ...moneyJson(m) } : null);

/** The rates and options an upload was analysed with (Slack uploads take no typed options). */
export function uploadInputs(ctx: SlackCommandContext, fields: UploadFields): JsonValue {
  return {
    fileName: fields.fileName,
    sha256: fields.sha256,
    currency: ctx.defaultCurrency,
    vendor: ctx.deal?.vendor ?? null,
    rates: {
      named: rate(ctx.deal?.namedRate),
      concurrent: rate(ctx.deal?.concurrentRate),
    },
    options: {},
  };
}

async function addAnalysis(
  store: Store,
  deps: SlackDeps,
  scope: Scope,
  userId: string,
  analysis: { kind: string; inputs: JsonValue; outputs: JsonValue; uploadId?: string },
): Promise<string> {
  const stamp = { by: userId, at: deps.now() };
  const saved = await store.analyses.add(
    scope,
    { ...analysis, calculatorVersion: deps.calculatorVersion },
    stamp,
  );
  await store.audit.record(
    scope,
    {
      action: "analysis.saved",
      detail: { analysisId: saved.id, kind: saved.kind, uploadId: analysis.uploadId ?? null },
    },
    stamp,
  );
  return saved.id;
}

export interface AnalysedUpload {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly scope: Scope;
  readonly userId: string;
  readonly ctx: SlackCommandContext;
  readonly reply: Reply;
  /** The stored upload this was a re-run of; a new upload is saved when absent. */
  readonly storedUploadId?: string;
}

/**
 * Saves the upload (unless it is a re-run of a stored one) and its analysis. Returns the stored
 * upload's id (what "Change rates" carries), or undefined without a store or when saving failed.
 */
export async function saveAnalysedUpload(
  deps: SlackDeps,
  a: AnalysedUpload,
): Promise<string | undefined> {
  const { store } = deps;
  if (!store) return undefined;
  try {
    let uploadId = a.storedUploadId;
    const rows = uploadId ? [] : ((await readRawRows(a.name, a.bytes)) ?? []);
    const fields = uploadFields(a.name, a.bytes, a.reply.data, Math.max(0, rows.length - 1));
    if (!uploadId) {
      const stamp = { by: a.userId, at: deps.now() };
      const upload = await store.uploads.add(a.scope, fields, rows, stamp);
      uploadId = upload.id;
      await store.audit.record(
        a.scope,
        {
          action: "upload.read",
          detail: {
            uploadId,
            kind: upload.kind,
            rows: upload.rowsTotal,
            used: upload.rowsUsed,
            skipped: upload.rowsRejected,
            rawRowsKept: Math.max(0, rows.length - 1),
          },
        },
        stamp,
      );
    }
    await addAnalysis(store, deps, a.scope, a.userId, {
      kind: uploadAnalysisKind(a.reply),
      inputs: uploadInputs(a.ctx, fields),
      outputs: storableOutputs(a.reply.data),
      uploadId,
    });
    return uploadId;
  } catch (error) {
    logFailure(deps.logger, "saving an upload's analysis", error);
    return a.storedUploadId;
  }
}

/**
 * Commands whose replies are not analyses: help text, the deal itself (saved as the deal) and the
 * offer history (saved as offers, src/store/offers.ts); reminders are kept in their own table.
 */
const NOT_ANALYSES = new Set(["help", "set", "deal", "offer", "history", "reminders"]);

/** Saves a typed calculation: kind = the command word, inputs = the typed text, outputs = data. */
export async function saveTypedAnalysis(
  deps: SlackDeps,
  scope: Scope,
  userId: string,
  text: string,
  reply: Reply,
): Promise<void> {
  const { store } = deps;
  if (!store || NOT_ANALYSES.has(reply.command) || !KIND.test(reply.command)) return;
  try {
    await addAnalysis(store, deps, scope, userId, {
      kind: reply.command,
      inputs: { text },
      outputs: storableOutputs(reply.data),
    });
  } catch (error) {
    logFailure(deps.logger, `saving a ${reply.command} analysis`, error);
  }
}

export type StoredFile =
  | { readonly ok: true; readonly name: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: "missing" | "rows_deleted"; readonly name?: string };

/** A stored upload rebuilt as a CSV from its raw rows, for "Change rates" after a restart. */
export async function loadStoredFile(store: Store, scope: Scope, id: string): Promise<StoredFile> {
  const upload = await store.uploads.get(scope, id);
  if (!upload) return { ok: false, reason: "missing" };
  const rows = await store.uploads.rawRows(scope, id);
  if (rows.length === 0) return { ok: false, reason: "rows_deleted", name: upload.fileName };
  return { ok: true, name: upload.fileName, bytes: rawRowsToCsv(rows) };
}
