/**
 * The channel's deal: one per Slack channel, the context every calculation in that channel can
 * start from (vendor, currency, rates, tiers, term, renewal cap and date, notes).
 */
import { z } from "zod";
import type { CurrencyCode, Money } from "../core/money.js";
import { money } from "../core/money.js";
import type { RatePeriod, TierMode } from "../core/tiers.js";
import {
  currencyColumn,
  integerColumn,
  isoDate,
  nullable,
  parseRow,
  timestampColumn,
} from "./columns.js";
import type { Queryable } from "./db.js";
import { checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

/** A volume tier as stored: rate in minor units of the deal's currency per user per `period`. */
export interface StoredTier {
  readonly from: number;
  readonly to?: number;
  readonly rateMinor: number;
}

export interface DealTiers {
  readonly mode: TierMode;
  readonly period: RatePeriod;
  readonly tiers: readonly StoredTier[];
}

/**
 * The renewal cap as agreed: `cap` a fixed yearly cap, `lesser-of` CPI capped at the percentage
 * (buyer friendly), `greater-of` CPI with the percentage as a minimum (vendor friendly).
 * `percent` is exact decimal text, e.g. "3" or "2.5", read with core's parseDecimal.
 */
export interface DealCap {
  readonly kind: "cap" | "lesser-of" | "greater-of";
  readonly percent: string;
}

/** What a command sets; every field but vendor and currency may be unknown yet. */
export interface DealFields {
  readonly vendor: string;
  readonly currency: CurrencyCode;
  /** Per named user per month, in `currency`. */
  readonly namedRate?: Money;
  /** Per concurrent user (pool slot) per month, in `currency`. */
  readonly concurrentRate?: Money;
  readonly tiers?: DealTiers;
  readonly termYears?: number;
  readonly cap?: DealCap;
  /** `YYYY-MM-DD`. */
  readonly renewalDate?: string;
  /** Days' notice of non-renewal before the renewal date, 0 to 365 (migration 0006). */
  readonly noticeDays?: number;
  readonly notes?: string;
}

export interface Deal extends DealFields {
  readonly scope: Scope;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

const tierSchema = z.object({
  from: z.number().int().min(1),
  to: z.number().int().min(1).exactOptional(),
  rateMinor: z.number().int().min(0),
});
const tiersSchema = z.object({
  mode: z.enum(["all-units", "graduated"]),
  period: z.enum(["month", "year"]),
  tiers: z.array(tierSchema).min(1),
});
const capSchema = z.object({
  kind: z.enum(["cap", "lesser-of", "greater-of"]),
  percent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/),
});

const dealRow = z.object({
  team_id: z.string(),
  channel_id: z.string(),
  vendor: z.string().min(1),
  currency: currencyColumn,
  named_rate_minor: nullable(integerColumn),
  concurrent_rate_minor: nullable(integerColumn),
  tiers: nullable(tiersSchema),
  term_years: nullable(z.number().int().min(1).max(10)),
  cap: nullable(capSchema),
  renewal_date: nullable(isoDate),
  notice_days: nullable(z.number().int().min(0).max(365)),
  notes: nullable(z.string()),
  updated_by: z.string(),
  updated_at: timestampColumn,
});

function toDeal(row: unknown): Deal {
  const r = parseRow(dealRow, row, "deal");
  // Absent rather than undefined for unset fields, so a deal reads back equal to what was saved.
  return {
    scope: { teamId: r.team_id, channelId: r.channel_id },
    vendor: r.vendor,
    currency: r.currency,
    ...(r.named_rate_minor === undefined
      ? {}
      : { namedRate: money(r.named_rate_minor, r.currency) }),
    ...(r.concurrent_rate_minor === undefined
      ? {}
      : { concurrentRate: money(r.concurrent_rate_minor, r.currency) }),
    ...(r.tiers === undefined ? {} : { tiers: r.tiers }),
    ...(r.term_years === undefined ? {} : { termYears: r.term_years }),
    ...(r.cap === undefined ? {} : { cap: r.cap }),
    ...(r.renewal_date === undefined ? {} : { renewalDate: r.renewal_date }),
    ...(r.notice_days === undefined ? {} : { noticeDays: r.notice_days }),
    ...(r.notes === undefined ? {} : { notes: r.notes }),
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

/** Checks what code hands the store; commands have already turned typed text into these values. */
function checkFields(deal: DealFields): void {
  for (const rate of [deal.namedRate, deal.concurrentRate]) {
    if (rate !== undefined && rate.currency !== deal.currency) {
      throw new RangeError(`a deal in ${deal.currency} cannot hold a rate in ${rate.currency}`);
    }
  }
  if (deal.tiers !== undefined) tiersSchema.parse(deal.tiers);
  if (deal.cap !== undefined) capSchema.parse(deal.cap);
  if (deal.renewalDate !== undefined) isoDate.parse(deal.renewalDate);
  if (deal.noticeDays !== undefined) z.number().int().min(0).max(365).parse(deal.noticeDays);
}

const COLUMNS = `team_id, channel_id, vendor, currency, named_rate_minor, concurrent_rate_minor,
  tiers, term_years, cap, to_char(renewal_date, 'YYYY-MM-DD') AS renewal_date, notes, updated_by,
  updated_at, notice_days`;

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export interface DealRepository {
  get(scope: Scope): Promise<Deal | undefined>;
  /** Creates or replaces the channel's deal with exactly these fields. */
  save(scope: Scope, deal: DealFields, stamp: Stamp): Promise<Deal>;
  /** Deletes the channel's deal; true when there was one. */
  remove(scope: Scope): Promise<boolean>;
}

export function dealRepository(db: Queryable): DealRepository {
  return {
    async get(scope) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM deals WHERE team_id = $1 AND channel_id = $2`,
        scopeParams(scope),
      );
      return r.rows[0] === undefined ? undefined : toDeal(r.rows[0]);
    },

    async save(scope, deal, stamp) {
      checkFields(deal);
      checkStamp(stamp);
      const r = await db.query(
        `INSERT INTO deals (team_id, channel_id, vendor, currency, named_rate_minor,
           concurrent_rate_minor, tiers, term_years, cap, renewal_date, notes, updated_by, updated_at,
           notice_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10::date, $11, $12, $13::timestamptz,
           $14)
         ON CONFLICT (team_id, channel_id) DO UPDATE SET
           vendor = excluded.vendor, currency = excluded.currency,
           named_rate_minor = excluded.named_rate_minor,
           concurrent_rate_minor = excluded.concurrent_rate_minor, tiers = excluded.tiers,
           term_years = excluded.term_years, cap = excluded.cap,
           renewal_date = excluded.renewal_date, notes = excluded.notes,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at,
           notice_days = excluded.notice_days
         RETURNING ${COLUMNS}`,
        [
          ...scopeParams(scope),
          deal.vendor,
          deal.currency,
          deal.namedRate?.minor ?? null,
          deal.concurrentRate?.minor ?? null,
          json(deal.tiers),
          deal.termYears ?? null,
          json(deal.cap),
          deal.renewalDate ?? null,
          deal.notes ?? null,
          stamp.by,
          stamp.at.toISOString(),
          deal.noticeDays ?? null,
        ],
      );
      return toDeal(r.rows[0]);
    },

    async remove(scope) {
      const r = await db.query(
        "DELETE FROM deals WHERE team_id = $1 AND channel_id = $2",
        scopeParams(scope),
      );
      return r.rowCount > 0;
    },
  };
}
