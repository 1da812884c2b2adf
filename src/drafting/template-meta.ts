/**
 * What a template's `ID.json` says about it: what the clause protects the buyer from, the typed
 * variables it takes, and the buyer's positions from preferred down to walk-away. Validated with
 * zod when the catalogue loads, so a bad metadata file stops the start, not a live call.
 */
import { z } from "zod";

export const VARIABLE_TYPES = ["money", "percent", "integer", "text", "date", "choice"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/**
 * The deal.json figures a variable may take its value from when a clause is drafted for a deal
 * (`"fromDeal": "termYears"`). Each names one field; deal-values.ts reads it and says which type
 * it gives, so a template cannot pair a money field with a percent variable.
 */
export const DEAL_FIELDS = [
  "renewalDate",
  "termYears",
  "ratePeriod",
  "askCap",
  "benchmarkRate",
  "concurrentSeats",
  "implementationPrice",
  "implementationDayRate",
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

const variableSchema = z
  .object({
    type: z.enum(VARIABLE_TYPES),
    /** What the variable is, in words that finish "expected …": "the yearly uplift cap". */
    label: z.string().min(1),
    /** The value used when none is given, written as a user would type it ("3%", "45000"). */
    default: z.string().optional(),
    /** Integer bounds, inclusive. */
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    /** The allowed values of a `choice`. */
    options: z.array(z.string().min(1)).min(2).optional(),
    /** The deal.json figure that fills this variable when the deal has it (a `--set` still wins). */
    fromDeal: z.enum(DEAL_FIELDS).optional(),
  })
  .strict()
  .refine((v) => v.type !== "choice" || v.options !== undefined, {
    message: "a choice variable needs its options",
  });

export type VariableSpec = z.infer<typeof variableSchema>;

const positionSchema = z
  .object({
    /** Handlebars text: the negotiable core of the clause at this position. */
    wording: z.string().min(1),
    /** One line: why the buyer takes this position. */
    rationale: z
      .string()
      .min(1)
      .refine((s) => !s.includes("\n"), "a rationale is one line"),
  })
  .strict();

export type PositionText = z.infer<typeof positionSchema>;

export const CATEGORIES = [
  "price",
  "licensing",
  "implementation",
  "service",
  "audit",
  "data",
  "exit",
  "scope",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Names the body may use besides the variables; a variable may not take them. */
export const RESERVED_NAMES = ["terms"] as const;

export const templateMetaSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "an id is lower-case words joined by hyphens"),
    title: z.string().min(1),
    category: z.enum(CATEGORIES),
    protects: z.string().min(1),
    variables: z
      .record(
        z.string().regex(/^[a-z][A-Za-z0-9]*$/, "a variable name is camelCase"),
        variableSchema,
      )
      .refine(
        (v) => !Object.keys(v).some((k) => (RESERVED_NAMES as readonly string[]).includes(k)),
        {
          message: `variables may not be called ${RESERVED_NAMES.join(", ")}`,
        },
      ),
    positions: z
      .object({
        preferred: positionSchema,
        fallbacks: z.array(positionSchema).min(1),
        walkAway: positionSchema,
      })
      .strict(),
  })
  .strict();

export type TemplateMeta = z.infer<typeof templateMetaSchema>;

/** A position as typed: `preferred`, `fallback` (the first), `fallback-2`, …, `walk-away`. */
export type PositionId = string;

/** The positions of a template in order, with the names a user types. */
export function positionIds(meta: TemplateMeta): PositionId[] {
  return [
    "preferred",
    ...meta.positions.fallbacks.map((_, i) => (i === 0 ? "fallback" : `fallback-${i + 1}`)),
    "walk-away",
  ];
}

/** The text of a position by its typed name, or undefined when the template has no such position. */
export function positionText(meta: TemplateMeta, id: PositionId): PositionText | undefined {
  if (id === "preferred") return meta.positions.preferred;
  if (id === "walk-away") return meta.positions.walkAway;
  const m = /^fallback(?:-(\d+))?$/.exec(id);
  if (!m) return undefined;
  const n = m[1] === undefined ? 1 : Number(m[1]);
  return n >= 1 ? meta.positions.fallbacks[n - 1] : undefined;
}

/** "preferred", "fallback 1 of 2", "walk-away": how a position is named in replies. */
export function positionLabel(meta: TemplateMeta, id: PositionId): string {
  if (id === "preferred" || id === "walk-away") return id;
  const count = meta.positions.fallbacks.length;
  const n = id === "fallback" ? 1 : Number(id.slice("fallback-".length));
  return count === 1 ? "fallback" : `fallback ${n} of ${count}`;
}
