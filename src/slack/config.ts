/**
 * The Slack part of the environment, parsed with zod. Each bad value gives one line naming the
 * variable and what it expects; secrets are never echoed back, even when malformed.
 */
import { z } from "zod";

/** An empty value counts as unset, as shells and .env files often leave `SLACK_APP_TOKEN=`. */
const emptyAsUnset = (value: unknown): unknown =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const token = (prefix: RegExp, example: string) =>
  z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .refine((v) => prefix.test(v), { message: `a Slack token starting ${example}` })
      .optional(),
  );

/** A host name with an optional port, e.g. `files.example-gov.slack.com` or `127.0.0.1:8443`. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$/i;

const slackEnvSchema = z.object({
  SLACK_BOT_TOKEN: token(/^xoxb-/, "xoxb- (the bot token from OAuth & Permissions)"),
  SLACK_SIGNING_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .refine((v) => /^[0-9a-f]{16,}$/i.test(v), {
        message: "the signing secret from Basic Information (hexadecimal)",
      })
      .optional(),
  ),
  SLACK_APP_TOKEN: token(/^xapp-/, "xapp- (an app-level token with connections:write)"),
  SLACK_API_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/[^/\s]+(\/\S*)?$/.test(v), {
        message: "a URL such as https://slack.com/api/",
      })
      .transform((v) => (v.endsWith("/") ? v : `${v}/`))
      .optional(),
  ),
  SLACK_FILE_HOSTS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((h) => h.trim().toLowerCase())
          .filter((h) => h !== ""),
      )
      .refine((hosts) => hosts.every((h) => HOST.test(h)), {
        message: "comma-separated host names, e.g. files.example.com,127.0.0.1:8443",
      })
      .default([]),
  ),
  PORT: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .default("3000")
      .refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 65535, {
        message: "a TCP port number from 0 to 65535, such as 3000",
      })
      .transform(Number),
  ),
});

export interface SlackConfig {
  /** Secret. */
  readonly botToken: string;
  /** Secret; required for the HTTP receiver, unused in Socket Mode. */
  readonly signingSecret?: string;
  /** Secret; when set the app connects with Socket Mode instead of listening for HTTP. */
  readonly appToken?: string;
  /** Web API base, ending in `/` (GovSlack, tests); Slack's default when unset. */
  readonly apiUrl?: string;
  /** Extra hosts files may be downloaded from, besides files.slack.com. */
  readonly extraFileHosts: readonly string[];
  readonly port: number;
}

export type SlackConfigResult =
  | { readonly ok: true; readonly config: SlackConfig }
  | { readonly ok: false; readonly messages: readonly string[] };

const SECRETS: ReadonlySet<string> = new Set([
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
]);

/** Whether the environment asks for the Slack app at all (main.ts decides console or Slack). */
export function slackRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return (env.SLACK_BOT_TOKEN ?? "").trim() !== "";
}

/** Parses the Slack variables; every problem is one line: the variable, what it must be. */
export function parseSlackConfig(
  env: Readonly<Record<string, string | undefined>>,
): SlackConfigResult {
  const parsed = slackEnvSchema.safeParse(env);
  const messages: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      const got = env[name];
      const shown = got === undefined || SECRETS.has(name) ? "" : ` (got "${got}")`;
      messages.push(`${name} must be ${issue.message}${shown}`);
    }
    return { ok: false, messages };
  }
  const d = parsed.data;
  if (d.SLACK_BOT_TOKEN === undefined) {
    messages.push("SLACK_BOT_TOKEN must be set to the bot token (xoxb-…) to start the Slack app");
  }
  if (d.SLACK_APP_TOKEN === undefined && d.SLACK_SIGNING_SECRET === undefined) {
    messages.push(
      "SLACK_SIGNING_SECRET must be set for the HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  if (messages.length > 0 || d.SLACK_BOT_TOKEN === undefined) return { ok: false, messages };
  return {
    ok: true,
    config: {
      botToken: d.SLACK_BOT_TOKEN,
      ...(d.SLACK_SIGNING_SECRET === undefined ? {} : { signingSecret: d.SLACK_SIGNING_SECRET }),
      ...(d.SLACK_APP_TOKEN === undefined ? {} : { appToken: d.SLACK_APP_TOKEN }),
      ...(d.SLACK_API_URL === undefined ? {} : { apiUrl: d.SLACK_API_URL }),
      extraFileHosts: d.SLACK_FILE_HOSTS,
      port: d.PORT,
    },
  };
}
