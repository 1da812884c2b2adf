/**
 * Operational log: one JSON object per line on stderr, so stdout stays the user's answer (and
 * `--json` output stays parseable). A guard runs on every line: values under secret-looking keys
 * are replaced, and e-mail addresses and phone numbers in strings are scrubbed, so a careless
 * field cannot leak a key or a person's details into the logs.
 */
import { redactText } from "./redact.js";

export type LogLevel = "info" | "warn" | "error";

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

/** Where lines go; tests collect them instead of writing to stderr. */
export type LineSink = (line: string) => void;

/** Keys that hold credentials; `token` only as a whole word (botToken), not a count (promptTokens). */
const SECRET_KEY = /(?:api_?key|secret|password|passwd|authorization|database_?url|token$)/i;

/** A field value with secrets hidden and personal details scrubbed, at any depth. */
export function guardLogValue(value: unknown, key = ""): unknown {
  if (key !== "" && SECRET_KEY.test(key)) return "[secret]";
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => guardLogValue(v));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = guardLogValue(v, k);
  }
  return out;
}

export function createLogger(sink: LineSink = (line) => process.stderr.write(line)): Logger {
  return {
    log(level, event, fields = {}) {
      const guarded = guardLogValue(fields) as Record<string, unknown>;
      const fixed = { time: new Date().toISOString(), level, event };
      // The fixed keys come first and cannot be overwritten by a field of the same name.
      const line = { ...fixed, ...guarded, ...fixed };
      sink(`${JSON.stringify(line)}\n`);
    },
  };
}

/** A logger that keeps nothing, for callers that want silence. */
export const silentLogger: Logger = { log() {} };
