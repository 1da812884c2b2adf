/**
 * The usage every quote is priced on: counts typed (--users, --pool, --split) or, where a count is
 * not typed, the channel's last split (people, the all-concurrent pool = peak, the cheapest split)
 * or rightsize (the people it keeps licensed). Each count says where it came from.
 */
import type { Usage } from "../../core/compare/usage.js";
import { fail, ok, type Result } from "../../core/result.js";
import { analysisFigures } from "../../drafting/deal-from-analysis.js";
import type { CommandContext } from "../context.js";
import { parseCount } from "../grammar/amounts.js";

export interface TypedUsage {
  readonly users?: string;
  readonly pool?: string;
  readonly split?: string;
}

export interface ResolvedUsage {
  readonly usage: Usage;
  /** Where each count came from, a sentence each. */
  readonly sources: readonly string[];
}

const SPLIT = /^(\d[\d,]*)\s*\+\s*(\d[\d,]*)$/;

function parseSplit(text: string): Result<{ named: number; pool: number }> {
  const m = SPLIT.exec(text.trim());
  if (!m?.[1] || !m[2]) {
    return fail(
      "compare.split_unreadable",
      `the split "${text}" is not NAMED+POOL`,
      "write it like --split 150+25 (150 named seats and a pool of 25)",
    );
  }
  return ok({ named: Number(m[1].replace(/,/g, "")), pool: Number(m[2].replace(/,/g, "")) });
}

/** The pool an all-concurrent licence needs, from a split's plans (the all_concurrent baseline). */
function allConcurrentPool(data: unknown): number | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const split = (data as { split?: { plans?: unknown } }).split;
  const plans = Array.isArray(split?.plans) ? (split.plans as unknown[]) : [];
  for (const p of plans) {
    if (typeof p !== "object" || p === null) continue;
    const { plan, pool } = p as { plan?: unknown; pool?: unknown };
    if (plan === "all_concurrent" && typeof pool === "number" && Number.isSafeInteger(pool)) {
      return pool;
    }
  }
  return undefined;
}

async function fromAnalysis(
  ctx: CommandContext,
): Promise<{ usage: Usage; source: string } | undefined> {
  if (!ctx.lastAnalysis) return undefined;
  const data = await ctx.lastAnalysis();
  const figures = data === undefined ? undefined : analysisFigures(data);
  if (!figures) return undefined;
  if (figures.kind === "split") {
    const pool = allConcurrentPool(data);
    return {
      usage: {
        people: figures.people,
        ...(pool !== undefined ? { pool } : {}),
        split: { named: figures.named, pool: figures.pool },
      },
      source: `the channel's last split: ${figures.people} people, ${pool === undefined ? "" : `a peak of ${pool} online at once, `}cheapest split ${figures.named} named + a pool of ${figures.pool}`,
    };
  }
  return {
    usage: { people: figures.recommended },
    source: `the channel's last rightsize: ${figures.recommended} people keep a licence (${figures.active} active, the rest occasional)`,
  };
}

export async function resolveUsage(
  typed: TypedUsage,
  ctx: CommandContext,
): Promise<Result<ResolvedUsage>> {
  const users = typed.users === undefined ? ok(undefined) : parseCount(typed.users, "--users");
  if (!users.ok) return users;
  const pool = typed.pool === undefined ? ok(undefined) : parseCount(typed.pool, "--pool");
  if (!pool.ok) return pool;
  const split = typed.split === undefined ? ok(undefined) : parseSplit(typed.split);
  if (!split.ok) return split;
  const typedUsage: Usage = {
    ...(users.value !== undefined ? { people: users.value } : {}),
    ...(pool.value !== undefined ? { pool: pool.value } : {}),
    ...(split.value !== undefined ? { split: split.value } : {}),
  };
  const sources: string[] = [];
  const typedParts = [
    users.value !== undefined ? `${users.value} users` : "",
    pool.value !== undefined ? `a pool of ${pool.value}` : "",
    split.value ? `a split of ${split.value.named} named + a pool of ${split.value.pool}` : "",
  ].filter(Boolean);
  if (typedParts.length > 0) sources.push(`Usage typed: ${typedParts.join(", ")}.`);
  const complete =
    users.value !== undefined && pool.value !== undefined && split.value !== undefined;
  const measured = complete ? undefined : await fromAnalysis(ctx);
  if (!measured) return ok({ usage: typedUsage, sources });
  const merged: Usage = { ...measured.usage, ...typedUsage };
  sources.push(
    `${typedParts.length > 0 ? "Where not typed, usage from" : "Usage from"} ${measured.source}.`,
  );
  return ok({ usage: merged, sources });
}

/** True when no count is known at all: the reply asks for usage instead of pricing. */
export function noUsage(u: Usage): boolean {
  return u.people === undefined && u.pool === undefined && u.split === undefined;
}
