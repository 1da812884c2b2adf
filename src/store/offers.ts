/**
 * The offer history of a channel: its rounds (numbered in the order recorded) and our target and
 * walk-away. Each write is audited in the same transaction; the audit detail holds the round
 * number and the kind of party, never a typed name. Deleted by `forget` (forget.ts).
 */
import { z } from "zod";
import { type CurrencyCode, type Money, money } from "../core/money.js";
import type {
  OfferCap,
  OfferLedger,
  OfferParty,
  OfferPosition,
  OfferRound,
  OfferTerms,
  OfferTiers,
} from "../core/offer-terms.js";
import { auditRepository } from "./audit.js";
import {
  currencyColumn,
  integerColumn,
  isoDate,
  nullable,
  parseRow,
  timestampColumn,
} from "./columns.js";
import type { Db, Queryable } from "./db.js";
import { checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

export type PositionKind = "target" | "walk-away";
export type NewOfferRound = Omit<OfferRound, "round">;

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const seats = z.number().int().min(0).max(1_000_000);
const tiersSchema = z.object({
  mode: z.enum(["all-units", "graduated"]),
  period: z.enum(["month", "year"]),
  tiers: z
    .array(
      z.object({
        from: z.number().int().min(1),
        to: z.number().int().min(1).exactOptional(),
        rateMinor: minor,
      }),
    )
    .min(1),
});
const capSchema = z.object({
  kind: z.enum(["cap", "lesser-of", "greater-of"]),
  percent: z.string().regex(/^\d{1,3}(\.\d{1,4})?$/),
});

/** The levers column: money in minor units of the row's currency, rates per user per month. */
const leversSchema = z.strictObject({
  namedSeats: seats.exactOptional(),
  namedRateMinor: minor.exactOptional(),
  concurrentSeats: seats.exactOptional(),
  concurrentRateMinor: minor.exactOptional(),
  tiers: tiersSchema.exactOptional(),
  cap: capSchema.exactOptional(),
  termYears: z.number().int().min(1).max(10).exactOptional(),
  implementationMinor: minor.exactOptional(),
});
type Levers = z.infer<typeof leversSchema>;

const offerRow = z.object({
  kind: z.enum(["round", "target", "walk-away"]),
  round: nullable(integerColumn),
  offered_on: nullable(isoDate),
  offered_by: nullable(z.enum(["us", "vendor", "named"])),
  offered_by_name: nullable(z.string().min(1)),
  currency: currencyColumn,
  levers: leversSchema,
  created_by: z.string(),
  created_at: timestampColumn,
});
type OfferRow = z.output<typeof offerRow>;

const COLUMNS = `kind, round, to_char(offered_on, 'YYYY-MM-DD') AS offered_on, offered_by,
  offered_by_name, currency, levers, created_by, created_at`;

function toLevers(terms: OfferTerms, code: CurrencyCode): Levers {
  const m = (x: Money | undefined) => {
    if (x !== undefined && x.currency !== code) {
      throw new RangeError(`an offer in ${code} cannot hold an amount in ${x.currency}`);
    }
    return x?.minor;
  };
  const levers = {
    namedSeats: terms.namedSeats,
    namedRateMinor: m(terms.namedRate),
    concurrentSeats: terms.concurrentSeats,
    concurrentRateMinor: m(terms.concurrentRate),
    tiers: terms.tiers && {
      mode: terms.tiers.mode,
      period: terms.tiers.period,
      tiers: terms.tiers.tiers.map((t) => ({
        from: t.from,
        ...(t.to === undefined ? {} : { to: t.to }),
        rateMinor: m(t.rate) ?? 0,
      })),
    },
    cap: terms.cap && { kind: terms.cap.kind, percent: terms.cap.percent },
    termYears: terms.termYears,
    implementationMinor: m(terms.implementation),
  };
  const defined = Object.fromEntries(Object.entries(levers).filter(([, v]) => v !== undefined));
  return leversSchema.parse(defined);
}

function toTerms(levers: Levers, code: CurrencyCode): OfferTerms {
  const m = (x: number | undefined) => (x === undefined ? undefined : money(x, code));
  const tiers: OfferTiers | undefined = levers.tiers && {
    mode: levers.tiers.mode,
    period: levers.tiers.period,
    tiers: levers.tiers.tiers.map((t) => ({
      from: t.from,
      ...(t.to === undefined ? {} : { to: t.to }),
      rate: money(t.rateMinor, code),
    })),
  };
  const cap: OfferCap | undefined = levers.cap;
  const terms = {
    namedSeats: levers.namedSeats,
    namedRate: m(levers.namedRateMinor),
    concurrentSeats: levers.concurrentSeats,
    concurrentRate: m(levers.concurrentRateMinor),
    tiers,
    cap,
    termYears: levers.termYears,
    implementation: m(levers.implementationMinor),
  };
  // Absent rather than undefined, so terms read back equal to what was recorded.
  return Object.fromEntries(Object.entries(terms).filter(([, v]) => v !== undefined)) as OfferTerms;
}

function partyOf(r: OfferRow): OfferParty {
  if (r.offered_by === "named" && r.offered_by_name !== undefined) {
    return { kind: "named", name: r.offered_by_name };
  }
  if (r.offered_by === "us" || r.offered_by === "vendor") return { kind: r.offered_by };
  throw new Error("the stored offer is not valid (offered_by)");
}

function toRound(r: OfferRow): OfferRound {
  if (r.round === undefined || r.offered_on === undefined) {
    throw new Error("the stored offer is not valid (round)");
  }
  return {
    round: r.round,
    date: r.offered_on,
    offeredBy: partyOf(r),
    currency: r.currency,
    terms: toTerms(r.levers, r.currency),
  };
}

function checkParty(party: OfferParty): void {
  if (party.kind === "named" && (party.name.trim() === "" || party.name.length > 100)) {
    throw new RangeError("an offer's party name must be 1 to 100 characters");
  }
}

/** Rounds of one channel are numbered under this lock, so two at once never take one number. */
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('dealdesk.offers:' || $1 || '/' || $2))";

export interface OfferRepository {
  /** The channel's rounds in order, with its target and walk-away when set. */
  ledger(scope: Scope): Promise<OfferLedger>;
  /** Records the channel's next round (numbered after its last) and audits it. */
  addRound(scope: Scope, round: NewOfferRound, stamp: Stamp): Promise<OfferRound>;
  /** Sets (replaces) our target or walk-away, audited. */
  setPosition(
    scope: Scope,
    kind: PositionKind,
    position: OfferPosition,
    stamp: Stamp,
  ): Promise<OfferPosition>;
}

async function checkCurrency(tx: Queryable, scope: Scope, code: CurrencyCode): Promise<void> {
  const r = await tx.query(
    "SELECT DISTINCT currency FROM offers WHERE team_id = $1 AND channel_id = $2",
    scopeParams(scope),
  );
  const other = r.rows.map((row) => row.currency).find((c) => c !== code);
  if (other !== undefined) {
    throw new RangeError(`this channel's offers are in ${String(other)}, not ${code}`);
  }
}

export function offerRepository(db: Db): OfferRepository {
  return {
    async ledger(scope) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM offers WHERE team_id = $1 AND channel_id = $2
         ORDER BY round NULLS LAST, kind`,
        scopeParams(scope),
      );
      const rows = r.rows.map((row) => parseRow(offerRow, row, "offer"));
      const position = (kind: PositionKind): OfferPosition | undefined => {
        const row = rows.find((x) => x.kind === kind);
        return row && { currency: row.currency, terms: toTerms(row.levers, row.currency) };
      };
      const target = position("target");
      const walkAway = position("walk-away");
      return {
        rounds: rows.filter((x) => x.kind === "round").map(toRound),
        ...(target ? { target } : {}),
        ...(walkAway ? { walkAway } : {}),
      };
    },

    async addRound(scope, round, stamp) {
      checkStamp(stamp);
      checkParty(round.offeredBy);
      isoDate.parse(round.date);
      const levers = toLevers(round.terms, round.currency);
      return db.transaction(async (tx) => {
        await tx.query(LOCK, scopeParams(scope));
        await checkCurrency(tx, scope, round.currency);
        const party = round.offeredBy;
        const r = await tx.query(
          `INSERT INTO offers (team_id, channel_id, kind, round, offered_on, offered_by,
             offered_by_name, currency, levers, created_by, created_at)
           SELECT $1, $2, 'round', coalesce(max(round), 0) + 1, $3::date, $4, $5, $6, $7::jsonb,
             $8, $9::timestamptz
           FROM offers WHERE team_id = $1 AND channel_id = $2 AND kind = 'round'
           RETURNING ${COLUMNS}`,
          [
            ...scopeParams(scope),
            round.date,
            party.kind,
            party.kind === "named" ? party.name : null,
            round.currency,
            JSON.stringify(levers),
            stamp.by,
            stamp.at.toISOString(),
          ],
        );
        const saved = toRound(parseRow(offerRow, r.rows[0], "offer"));
        await auditRepository(tx).record(
          scope,
          { action: "offer.recorded", detail: { round: saved.round, offered_by: party.kind } },
          stamp,
        );
        return saved;
      });
    },

    async setPosition(scope, kind, position, stamp) {
      checkStamp(stamp);
      const levers = toLevers(position.terms, position.currency);
      return db.transaction(async (tx) => {
        await tx.query(LOCK, scopeParams(scope));
        await checkCurrency(tx, scope, position.currency);
        await tx.query("DELETE FROM offers WHERE team_id = $1 AND channel_id = $2 AND kind = $3", [
          ...scopeParams(scope),
          kind,
        ]);
        const r = await tx.query(
          `INSERT INTO offers (team_id, channel_id, kind, currency, levers, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::timestamptz)
           RETURNING ${COLUMNS}`,
          [
            ...scopeParams(scope),
            kind,
            position.currency,
            JSON.stringify(levers),
            stamp.by,
            stamp.at.toISOString(),
          ],
        );
        const row = parseRow(offerRow, r.rows[0], "offer");
        await auditRepository(tx).record(
          scope,
          { action: kind === "target" ? "offer.target_set" : "offer.walk_away_set" },
          stamp,
        );
        return { currency: row.currency, terms: toTerms(row.levers, row.currency) };
      });
    },
  };
}

/**
 * One channel's offer book with who is acting bound in: what a front end hands the command layer
 * as `ctx.offers` (the OfferBook port in src/commands/context.ts, matched by shape).
 */
export function channelOfferBook(
  offers: OfferRepository,
  scope: Scope,
  by: string,
  now: () => Date,
  keptIn: string,
) {
  return {
    keptIn,
    ledger: () => offers.ledger(scope),
    addRound: (round: NewOfferRound) => offers.addRound(scope, round, { by, at: now() }),
    setPosition: (kind: PositionKind, position: OfferPosition) =>
      offers.setPosition(scope, kind, position, { by, at: now() }),
  };
}
