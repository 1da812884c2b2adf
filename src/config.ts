/**
 * The environment, parsed once at start-up with zod. A bad value stops start-up with one line that
 * names the variable and what it expects. Only variables that something reads are listed here.
 */
import { z } from "zod";
import { DEFAULT_MAX_FILE_MB, MAX_FILE_MB_CEILING, MIB } from "./core/file-size-limit.js";
import { type CurrencyCode, parseCurrency } from "./core/money.js";

const currencySchema = z
  .string()
  .trim()
  .transform((value, ctx): CurrencyCode => {
    const r = parseCurrency(value);
    if (!r.ok) {
      ctx.addIssue({
        code: "custom",
        message: "an ISO 4217 currency code such as GBP, USD or EUR",
      });
      return z.NEVER;
    }
    return r.value;
  });

/** An empty value counts as unset, as shells and .env files often leave `DATABASE_URL=`. */
const emptyAsUnset = (value: unknown): unknown =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const databaseUrlSchema = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\/[^/\s]/.test(value), {
      message: "a PostgreSQL URL such as postgres://user:password@host:5432/dealdesk",
    })
    .optional(),
);

const dataDirSchema = z.preprocess(emptyAsUnset, z.string().trim().default("./data"));

const retentionDaysSchema = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .default("30")
    .refine((value) => /^[1-9][0-9]{0,4}$/.test(value), {
      message: "a whole number of days, at least 1, such as 30",
    })
    .transform(Number),
);

const openAiKeySchema = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .refine((value) => !/\s/.test(value), { message: "a single API key without spaces" })
    .optional(),
);

const openAiBaseUrlSchema = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value), {
      message: "an http(s) URL such as http://localhost:11434/v1",
    })
    .optional(),
);

const openAiModelSchema = z.preprocess(emptyAsUnset, z.string().trim().default("gpt-4o-mini"));

const openAiTimeoutSchema = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .default("20000")
    .refine((value) => /^[1-9][0-9]{0,6}$/.test(value), {
      message: "a whole number of milliseconds, at least 1, such as 20000",
    })
    .transform(Number),
);

const maxFileMbSchema = z.preprocess(
  emptyAsUnset,
  z
    .string()
    .trim()
    .default(String(DEFAULT_MAX_FILE_MB))
    .refine((value) => /^[1-9][0-9]{0,3}$/.test(value) && Number(value) <= MAX_FILE_MB_CEILING, {
      message: `a whole number of megabytes from 1 to ${MAX_FILE_MB_CEILING} (the most one file can be read as text), such as ${DEFAULT_MAX_FILE_MB}`,
    })
    .transform(Number),
);

const envSchema = z.object({
  /** The currency a calculation uses when the typed text names none. */
  DEALDESK_CURRENCY: currencySchema.prefault("GBP"),
  /** PostgreSQL server for the store; without it the store is embedded PGlite in the data folder. */
  DATABASE_URL: databaseUrlSchema,
  /** Folder of the embedded database (PGlite) when DATABASE_URL is not set. */
  DEALDESK_DATA_DIR: dataDirSchema,
  /** Days raw roster and session rows are kept before retention deletes them. */
  DEALDESK_RETENTION_DAYS: retentionDaysSchema,
  /** Largest file read, typed as a path or shared in Slack, in MiB. */
  DEALDESK_MAX_FILE_MB: maxFileMbSchema,
  /** Turns on the model answerer for `ask`; without it, answers come from the knowledge base. */
  OPENAI_API_KEY: openAiKeySchema,
  /** An OpenAI-compatible endpoint (Azure, Ollama, vLLM); the OpenAI API when unset. */
  OPENAI_BASE_URL: openAiBaseUrlSchema,
  OPENAI_MODEL: openAiModelSchema,
  /** How long one answer may take, all model calls included, before the knowledge base answers. */
  OPENAI_TIMEOUT_MS: openAiTimeoutSchema,
});

/** The model answerer's settings; present only when OPENAI_API_KEY is set. */
export interface OpenAiConfig {
  /** Secret: never log it or show it in a message. */
  readonly apiKey: string;
  readonly baseUrl?: string;
  readonly model: string;
  readonly timeoutMs: number;
}

export interface Config {
  readonly defaultCurrency: CurrencyCode;
  /** Secret (it may hold a password): never log it or show it in a message. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly retentionDays: number;
  /** Largest file read, typed as a path or shared in Slack (DEALDESK_MAX_FILE_MB), in bytes. */
  readonly maxFileBytes: number;
  readonly openai?: OpenAiConfig;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Variables whose values must never be echoed back, even when they are malformed. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(["DATABASE_URL", "OPENAI_API_KEY"]);

export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = String(first?.path[0] ?? "environment");
    const got = env[name];
    const shown = got === undefined || SECRET_VARIABLES.has(name) ? "" : ` (got "${got}")`;
    return { ok: false, message: `${name} must be ${first?.message ?? "valid"}${shown}` };
  }
  const data = parsed.data;
  const config: Config = {
    defaultCurrency: data.DEALDESK_CURRENCY,
    dataDir: data.DEALDESK_DATA_DIR,
    retentionDays: data.DEALDESK_RETENTION_DAYS,
    maxFileBytes: data.DEALDESK_MAX_FILE_MB * MIB,
    ...(data.DATABASE_URL === undefined ? {} : { databaseUrl: data.DATABASE_URL }),
    ...(data.OPENAI_API_KEY === undefined
      ? {}
      : {
          openai: {
            apiKey: data.OPENAI_API_KEY,
            ...(data.OPENAI_BASE_URL === undefined ? {} : { baseUrl: data.OPENAI_BASE_URL }),
            model: data.OPENAI_MODEL,
            timeoutMs: data.OPENAI_TIMEOUT_MS,
          },
        }),
  };
  return { ok: true, config };
}
