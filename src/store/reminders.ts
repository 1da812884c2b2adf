/**
 * A channel's renewal reminders (migration 0006). Scheduling replaces the reminders not yet
 * posted; a posted one stays, and the table's uniqueness (one per deadline and day) keeps a
 * reschedule from adding it again. Posting is at most once, across replicas and restarts: a
 * replica `claim`s a reminder (sets `sent_at` where it is still NULL, one statement) before it
 * posts, and only the replica whose claim returned the row posts.
 */
import { z } from "zod";
import type { DaysBefore, DeadlineKind, PlannedReminder } from "../core/reminders.js";
import { auditRepository } from "./audit.js";
import { integerColumn, isoDate, nullable, parseRow, timestampColumn } from "./columns.js";
import type { Db } from "./db.js";
import { checkStamp, type Scope, type Stamp, scopeParams } from "./scope.js";

export interface StoredReminder {
  readonly id: string;
  readonly scope: Scope;
  readonly kind: DeadlineKind;
  /** `YYYY-MM-DD`. */
  readonly deadline: string;
  readonly daysBefore: DaysBefore;
  readonly dueAt: Date;
  /** When it was claimed for posting (posted, unless `postError` says otherwise). */
  readonly sentAt?: Date;
  readonly postError?: string;
  /** When reminders were turned off, before this one was posted. */
  readonly cancelledAt?: Date;
}

const reminderRow = z.object({
  id: integerColumn,
  team_id: z.string(),
  channel_id: z.string(),
  kind: z.enum(["start-by", "notice"]),
  deadline: isoDate,
  days_before: z.union([z.literal(30), z.literal(7), z.literal(1)]),
  due_at: timestampColumn,
  sent_at: nullable(timestampColumn),
  post_error: nullable(z.string()),
  cancelled_at: nullable(timestampColumn),
});

function toReminder(row: unknown): StoredReminder {
  const r = parseRow(reminderRow, row, "reminder");
  return {
    id: String(r.id),
    scope: { teamId: r.team_id, channelId: r.channel_id },
    kind: r.kind,
    deadline: r.deadline,
    daysBefore: r.days_before,
    dueAt: r.due_at,
    ...(r.sent_at === undefined ? {} : { sentAt: r.sent_at }),
    ...(r.post_error === undefined ? {} : { postError: r.post_error }),
    ...(r.cancelled_at === undefined ? {} : { cancelledAt: r.cancelled_at }),
  };
}

const COLUMNS = `id, team_id, channel_id, kind, to_char(deadline, 'YYYY-MM-DD') AS deadline,
  days_before, due_at, sent_at, post_error, cancelled_at`;
const ID = /^\d{1,18}$/;
const ERROR_CODE = /^[a-z0-9_]{1,100}$/;

function checkId(id: string): string {
  if (!ID.test(id)) throw new RangeError("reminder ids are numbers");
  return id;
}

export interface ReminderRepository {
  /**
   * Replaces the channel's reminders not yet posted with `plan` (each already known to be due
   * after `stamp.at`); while the channel has them turned off they are kept as turned off. Audited.
   * Returns how many were added.
   */
  schedule(scope: Scope, plan: readonly PlannedReminder[], stamp: Stamp): Promise<number>;
  /** Every reminder of the channel, earliest first: due, posted and turned off. */
  list(scope: Scope): Promise<StoredReminder[]>;
  isOff(scope: Scope): Promise<boolean>;
  /** Turns the channel's reminders off: those not yet posted are kept as turned off. Audited. */
  turnOff(scope: Scope, stamp: Stamp): Promise<void>;
  /** Turns them back on (the caller schedules again from the deal, in `plan`). Audited. */
  turnOn(scope: Scope, plan: readonly PlannedReminder[], stamp: Stamp): Promise<number>;
  /** Reminders of every channel due at `now`, not posted and not turned off, earliest first. */
  due(now: Date, limit?: number): Promise<StoredReminder[]>;
  /** True for exactly one caller, ever: the one that may post it. */
  claim(id: string, now: Date): Promise<boolean>;
  /** Records why a claimed reminder was not posted (a Slack error code, `superseded`, …). */
  recordNotPosted(id: string, code: string): Promise<void>;
}

export function reminderRepository(db: Db): ReminderRepository {
  const replace = async (
    scope: Scope,
    plan: readonly PlannedReminder[],
    stamp: Stamp,
    action: string,
    turnOn: boolean,
  ) => {
    checkStamp(stamp);
    const params = scopeParams(scope);
    return db.transaction(async (tx) => {
      if (turnOn) {
        await tx.query("DELETE FROM reminders_off WHERE team_id = $1 AND channel_id = $2", params);
      }
      const off = await tx.query(
        "SELECT 1 FROM reminders_off WHERE team_id = $1 AND channel_id = $2",
        params,
      );
      const cancelledAt = off.rows.length > 0 ? stamp.at.toISOString() : null;
      const removed = await tx.query(
        "DELETE FROM reminders WHERE team_id = $1 AND channel_id = $2 AND sent_at IS NULL",
        params,
      );
      let added = 0;
      for (const r of plan) {
        const inserted = await tx.query(
          `INSERT INTO reminders (team_id, channel_id, kind, deadline, days_before, due_at,
             created_at, cancelled_at)
           VALUES ($1, $2, $3, $4::date, $5, $6::timestamptz, $7::timestamptz, $8::timestamptz)
           ON CONFLICT (team_id, channel_id, kind, deadline, days_before) DO NOTHING`,
          [
            ...params,
            r.kind,
            r.deadline,
            r.daysBefore,
            r.dueAt.toISOString(),
            stamp.at.toISOString(),
            cancelledAt,
          ],
        );
        added += inserted.rowCount;
      }
      await auditRepository(tx).record(
        scope,
        { action, detail: { added, replaced: removed.rowCount, off: cancelledAt !== null } },
        stamp,
      );
      return added;
    });
  };

  return {
    schedule: (scope, plan, stamp) => replace(scope, plan, stamp, "reminders.scheduled", false),

    async list(scope) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM reminders WHERE team_id = $1 AND channel_id = $2
         ORDER BY due_at, id`,
        scopeParams(scope),
      );
      return r.rows.map(toReminder);
    },

    async isOff(scope) {
      const r = await db.query(
        "SELECT 1 FROM reminders_off WHERE team_id = $1 AND channel_id = $2",
        scopeParams(scope),
      );
      return r.rows.length > 0;
    },

    async turnOff(scope, stamp) {
      checkStamp(stamp);
      const params = scopeParams(scope);
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO reminders_off (team_id, channel_id, off_by, off_at)
           VALUES ($1, $2, $3, $4::timestamptz) ON CONFLICT (team_id, channel_id) DO NOTHING`,
          [...params, stamp.by, stamp.at.toISOString()],
        );
        const cancelled = await tx.query(
          `UPDATE reminders SET cancelled_at = $3::timestamptz
           WHERE team_id = $1 AND channel_id = $2 AND sent_at IS NULL AND cancelled_at IS NULL`,
          [...params, stamp.at.toISOString()],
        );
        await auditRepository(tx).record(
          scope,
          { action: "reminders.turned_off", detail: { cancelled: cancelled.rowCount } },
          stamp,
        );
      });
    },

    turnOn: (scope, plan, stamp) => replace(scope, plan, stamp, "reminders.turned_on", true),

    async due(now, limit = 100) {
      const r = await db.query(
        `SELECT ${COLUMNS} FROM reminders
         WHERE sent_at IS NULL AND cancelled_at IS NULL AND due_at <= $1::timestamptz
         ORDER BY due_at, id LIMIT $2`,
        [now.toISOString(), limit],
      );
      return r.rows.map(toReminder);
    },

    async claim(id, now) {
      const r = await db.query(
        `UPDATE reminders SET sent_at = $2::timestamptz
         WHERE id = $1 AND sent_at IS NULL AND cancelled_at IS NULL RETURNING id`,
        [checkId(id), now.toISOString()],
      );
      return r.rows.length === 1;
    },

    async recordNotPosted(id, code) {
      if (!ERROR_CODE.test(code)) throw new RangeError("a reminder's post error is a code");
      await db.query("UPDATE reminders SET post_error = $2 WHERE id = $1", [checkId(id), code]);
    },
  };
}
