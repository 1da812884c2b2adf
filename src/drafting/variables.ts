/**
 * Template variables: reading a value as typed (`--set cap=3%`) or as found in deal.json, checking
 * it against the variable's declared type, and the zod schema built from a template's variables.
 * Every problem names the variable and the type it expects.
 */
import { z } from "zod";
import { type CurrencyCode, fromMajorExact, type Money } from "../core/money.js";
import { compare, mul, ONE, parseDecimal, type Ratio, ratio, ZERO } from "../core/ratio.js";
import { fail, type Issue, ok, type Result } from "../core/result.js";
import { isIsoDate } from "./dates.js";
import type { VariableSpec } from "./template-meta.js";

/** A checked value, ready for the template helpers. */
export type VariableValue = Money | Ratio | number | string;

/** How each type is described in an error: "expected a percentage like 3%". */
export function expectedType(spec: VariableSpec): string {
  switch (spec.type) {
    case "money":
      return "an amount like 45000 or 45k";
    case "percent":
      return "a percentage from 0% to 100%, like 3%";
    case "integer": {
      const range =
        spec.min !== undefined && spec.max !== undefined
          ? ` from ${spec.min} to ${spec.max}`
          : spec.min !== undefined
            ? ` of at least ${spec.min}`
            : "";
      return `a whole number${range}`;
    }
    case "text":
      return "text of 1 to 200 characters";
    case "date":
      return "a date written YYYY-MM-DD";
    case "choice":
      return `one of ${(spec.options ?? []).join(", ")}`;
  }
}

const SIGNS: Readonly<Record<string, string>> = { "£": "GBP", $: "USD", "€": "EUR" };

function readMoney(text: string, currency: CurrencyCode): Money | string {
  const m = /^([£$€])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([km])?$/i.exec(text);
  if (!m) return "not an amount";
  const sign = m[1];
  if (sign !== undefined && SIGNS[sign] !== currency && !(sign === "$" && currency !== "GBP")) {
    return `it is written in ${sign} but the currency is ${currency}`;
  }
  const base = parseDecimal(`${(m[2] ?? "").replace(/,/g, "")}${m[3] ? `.${m[3]}` : ""}`);
  if (!base) return "not an amount";
  const suffix = m[4]?.toLowerCase();
  const value = mul(base, ratio(suffix === "k" ? 1000n : suffix === "m" ? 1_000_000n : 1n));
  const money = fromMajorExact(value, currency);
  return money.ok ? money.value : `it has more decimals than ${currency} allows`;
}

function readPercent(text: string): Ratio | undefined {
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text);
  const value = m?.[1] ? parseDecimal(m[1]) : undefined;
  if (!value) return undefined;
  const fraction = mul(value, ratio(1n, 100n));
  return compare(fraction, ZERO) >= 0 && compare(fraction, ONE) <= 0 ? fraction : undefined;
}

/**
 * Reads one value. Returns the value or, on failure, the reason in words (the caller names the
 * variable and the expected type around it).
 */
export function readValue(
  spec: VariableSpec,
  raw: string,
  currency: CurrencyCode,
): { ok: true; value: VariableValue } | { ok: false; reason?: string } {
  const text = raw.trim();
  switch (spec.type) {
    case "money": {
      const m = readMoney(text, currency);
      return typeof m === "string" ? { ok: false, reason: m } : { ok: true, value: m };
    }
    case "percent": {
      const p = readPercent(text);
      return p ? { ok: true, value: p } : { ok: false };
    }
    case "integer": {
      if (!/^\d+$/.test(text.replace(/,/g, ""))) return { ok: false };
      const n = Number(text.replace(/,/g, ""));
      if (!Number.isSafeInteger(n)) return { ok: false };
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        return { ok: false, reason: "out of range" };
      }
      return { ok: true, value: n };
    }
    case "text":
      return text.length >= 1 && text.length <= 200 ? { ok: true, value: text } : { ok: false };
    case "date":
      return isIsoDate(text) ? { ok: true, value: text } : { ok: false };
    case "choice": {
      const choice = (spec.options ?? []).find((o) => o.toLowerCase() === text.toLowerCase());
      return choice ? { ok: true, value: choice } : { ok: false };
    }
  }
}

/** A correct value for a hint: the default, else a typical value of the type. */
export function exampleValue(spec: VariableSpec): string {
  if (spec.default !== undefined) return spec.default;
  switch (spec.type) {
    case "money":
      return "45000";
    case "percent":
      return "3%";
    case "integer":
      return String(spec.min ?? 3);
    case "text":
      return '"Example Ltd"';
    case "date":
      return "2026-12-31";
    case "choice":
      return spec.options?.[0] ?? "";
  }
}

/** The zod schema for one template's variables, in the given currency (for money variables). */
export function variablesSchema(
  variables: Readonly<Record<string, VariableSpec>>,
  currency: CurrencyCode,
) {
  const shape: Record<string, z.ZodType<VariableValue>> = {};
  for (const [name, spec] of Object.entries(variables)) {
    const field = z
      .union([z.string(), z.number()], {
        error: `${name} must be ${expectedType(spec)} (${spec.label})`,
      })
      .transform((raw, ctx): VariableValue => {
        const read = readValue(spec, String(raw), currency);
        if (read.ok) return read.value;
        ctx.addIssue({
          code: "custom",
          message: `${name} (${spec.label}) must be ${expectedType(spec)}, not "${raw}"${read.reason?.startsWith("it ") ? `: ${read.reason}` : ""}`,
        });
        return z.NEVER;
      });
    shape[name] = field;
  }
  // Partial: a variable with no value and no default is reported once, as missing, by the caller.
  return z.strictObject(shape).partial();
}

/**
 * Checks values (strings as typed, or JSON values from deal.json) against the template's
 * variables, filling defaults. Each problem is one issue naming the variable and its type.
 */
export function checkVariables(
  variables: Readonly<Record<string, VariableSpec>>,
  given: Readonly<Record<string, unknown>>,
  currency: CurrencyCode,
  templateId: string,
): Result<Record<string, VariableValue>> {
  const issues: Issue[] = [];
  const withDefaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(variables)) {
    const value = given[name] ?? spec.default;
    if (value === undefined) {
      issues.push({
        code: "draft.variable_missing",
        message: `${templateId} needs ${name}: ${expectedType(spec)} (${spec.label})`,
        hint: `add --set ${name}=…`,
      });
    } else {
      withDefaults[name] = value;
    }
  }
  for (const name of Object.keys(given)) {
    if (!(name in variables)) {
      const known = Object.keys(variables);
      issues.push({
        code: "draft.variable_unknown",
        message: `${templateId} has no variable ${name}`,
        hint: known.length > 0 ? `its variables are ${known.join(", ")}` : "it takes no variables",
      });
    }
  }
  const parsed = variablesSchema(variables, currency).safeParse(
    Object.fromEntries(Object.entries(withDefaults).filter(([k]) => k in variables)),
  );
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const name = String(i.path[0] ?? "");
      const spec = variables[name];
      issues.push({
        code: "draft.variable_invalid",
        message: i.message,
        hint: `e.g. --set ${name}=${spec ? exampleValue(spec) : "…"}`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (!parsed.success) return fail("draft.variable_invalid", "invalid variables");
  // Every declared variable had a value or a default (else it was reported missing above).
  const values: Record<string, VariableValue> = {};
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) values[k] = v;
  return ok(values);
}
