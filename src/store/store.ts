/** The store as the app uses it: one database and a repository for each kind of record. */
import { type ActionStateRepository, actionStateRepository } from "./action-states.js";
import { type AnalysisRepository, analysisRepository } from "./analyses.js";
import { type AuditRepository, auditRepository } from "./audit.js";
import { type ClaimRepository, claimRepository } from "./claims.js";
import type { Db } from "./db.js";
import { type DealRepository, dealRepository } from "./deals.js";
import { type DraftRepository, draftRepository } from "./drafts.js";
import { countChannel, type ForgetResult, forgetChannel } from "./forget.js";
import { migrate } from "./migrate.js";
import { type OfferRepository, offerRepository } from "./offers.js";
import { openDb, type StoreConfig } from "./open-db.js";
import { type ReminderRepository, reminderRepository } from "./reminders.js";
import { applyRetention, type RetentionResult } from "./retention.js";
import type { Scope, Stamp } from "./scope.js";
import { type UploadRepository, uploadRepository } from "./uploads.js";

export interface Store {
  readonly db: Db;
  readonly deals: DealRepository;
  readonly uploads: UploadRepository;
  readonly analyses: AnalysisRepository;
  readonly drafts: DraftRepository;
  readonly audit: AuditRepository;
  /** Who acts on a delivery Slack may send twice (across replicas). */
  readonly claims: ClaimRepository;
  /** Button state too long for a button value, bound to its channel. */
  readonly actionStates: ActionStateRepository;
  /** Renewal reminders per channel, and which channels turned them off. */
  readonly reminders: ReminderRepository;
  /** Offer rounds, target and walk-away per channel. */
  readonly offers: OfferRepository;
  forget(scope: Scope, stamp: Stamp): Promise<ForgetResult>;
  /** What `forget` would delete in this channel now (for the confirmation prompt). */
  countChannel(scope: Scope): Promise<ForgetResult>;
  applyRetention(options: { readonly now: Date; readonly days: number }): Promise<RetentionResult>;
  close(): Promise<void>;
}

export function createStore(db: Db): Store {
  return {
    db,
    deals: dealRepository(db),
    uploads: uploadRepository(db),
    analyses: analysisRepository(db),
    drafts: draftRepository(db),
    audit: auditRepository(db),
    claims: claimRepository(db),
    actionStates: actionStateRepository(db),
    reminders: reminderRepository(db),
    offers: offerRepository(db),
    forget: (scope, stamp) => forgetChannel(db, scope, stamp),
    countChannel: (scope) => countChannel(db, scope),
    applyRetention: (options) => applyRetention(db, options),
    close: () => db.close(),
  };
}

/** Opens the configured database, brings its schema up to date and returns the store. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const db = await openDb(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createStore(db);
}
