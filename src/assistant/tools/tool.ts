/**
 * A tool the model may call: a name, a description, JSON Schema parameters derived from a zod
 * schema (one source of truth), and a function that validates the raw arguments before running.
 * A bad argument is answered to the model as an error it can correct, never thrown.
 */
import { z } from "zod";
import type { Calculation } from "../../commands/ask/model-answer.js";
import type { CommandContext } from "../../commands/context.js";
import type { Source } from "../../knowledge/answer.js";
import { forModel } from "../../redact.js";
import type { FigureSpec } from "../figures/figure.js";

export interface ToolOutput {
  /** What the model is sent: JSON text, redacted, aggregates only. */
  readonly content: string;
  readonly calculation?: Calculation;
  readonly sources?: readonly Source[];
  /** The figures of a calculation the model may cite by reference (see figures/figure.ts). */
  readonly figures?: readonly FigureSpec[];
}

export interface ModelTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: Record<string, unknown>;
  /** `rawArguments` is the JSON text the model sent. */
  call(rawArguments: string, ctx: CommandContext): Promise<ToolOutput>;
}

export interface ToolSpec<Args> {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType<Args>;
  run(args: Args, ctx: CommandContext): ToolOutput | Promise<ToolOutput>;
}

/** The tool result the model sees, made safe: personal keys dropped, strings redacted. */
export function toolContent(value: unknown): string {
  return JSON.stringify(forModel(value));
}

function parametersOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

function parseArguments(raw: string): unknown {
  try {
    return raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function defineTool<Args>(spec: ToolSpec<Args>): ModelTool {
  return {
    name: spec.name,
    description: spec.description,
    parameters: parametersOf(spec.schema),
    async call(rawArguments, ctx) {
      const json = parseArguments(rawArguments);
      if (json === undefined) {
        return { content: toolContent({ ok: false, error: "the arguments are not valid JSON" }) };
      }
      const parsed = spec.schema.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues.map(
          (i) => `${i.path.join(".") || "arguments"}: ${i.message}`,
        );
        return { content: toolContent({ ok: false, error: "invalid arguments", issues }) };
      }
      return spec.run(parsed.data, ctx);
    },
  };
}

/** A number as calculator text: plain digits, never exponent notation. */
export function plain(n: number): string {
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 10 });
}

export const amountSchema = z.number().positive().max(1e12);
export const percentSchema = z.number().min(0).max(100);
export const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code such as GBP, USD or EUR")
  .describe("ISO 4217 code (GBP, USD, EUR); omit when the question names none");

/** `--currency GBP` when given, else nothing (the calculator assumes the default and says so). */
export function currencyOption(code: string | undefined): string {
  return code === undefined ? "" : ` --currency ${code.toUpperCase()}`;
}
