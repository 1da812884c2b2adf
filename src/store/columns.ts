/**
 * zod schemas for values read back from the database. The two engines differ in how they hand
 * values over (bigint: a string from `pg`, a number from PGlite), so these accept both and check
 * the result like any other input.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type CurrencyCode, parseCurrency } from "../core/money.js";

/** A bigint column holding minor units or a count: an exact, safe integer. */
export const integerColumn = z
  .union([z.number(), z.string(), z.bigint()])
  .transform((value, ctx) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || (typeof value === "string" && !/^-?\d+$/.test(value))) {
      ctx.addIssue({ code: "custom", message: "not an exact integer" });
      return z.NEVER;
    }
    return n;
  });

export const currencyColumn = z.string().transform((value, ctx): CurrencyCode => {
  const r = parseCurrency(value);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: "not a known currency" });
    return z.NEVER;
  }
  return r.value;
});

export const timestampColumn = z.date();

export const uuidColumn = z.uuid();

/** Any JSON value (jsonb columns), checked to be plain JSON. */
export const jsonColumn = z.json();

/** A `YYYY-MM-DD` date, selected with `to_char(col, 'YYYY-MM-DD')` so no time zone is involved. */
export const isoDate = z.iso.date();

/** `undefined` for SQL NULL, so optional fields are simply absent. */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullable().transform((value) => (value === null ? undefined : value));
}

/** Parses a row, or throws naming what was being read (never the values, which may be personal). */
export function parseRow<T extends z.ZodType>(schema: T, row: unknown, what: string): z.output<T> {
  const r = schema.safeParse(row);
  if (!r.success) {
    const fields = r.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`the stored ${what} is not valid (${fields})`);
  }
  return r.data;
}

/** A new random id for a stored record. */
export function newId(): string {
  return randomUUID();
}
