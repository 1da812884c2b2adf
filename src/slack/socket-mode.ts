/**
 * Socket Mode: the receiver, pointed at SLACK_API_URL like the bot's own client (Bolt hands
 * `installerOptions.clientOptions` to the Socket Mode client that calls apps.connections.open),
 * and a start that fails in one line. Left alone, the Socket Mode client retries
 * apps.connections.open about a hundred times and re-opens a refused WebSocket for ever, so
 * `app.start()` never settles. Here the app token is checked once first (no retries), and the
 * WebSocket must be up within a deadline; otherwise the client is stopped and the start fails.
 */
import { type App, type Logger, type LogLevel, SocketModeReceiver, webApi } from "@slack/bolt";
import type { SlackConfig } from "./config.js";

export const SOCKET_MODE_START_MS = 30_000;

export function socketModeReceiver(
  config: SlackConfig,
  logging: { readonly logger?: Logger; readonly logLevel: LogLevel },
): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: config.appToken ?? "",
    ...logging,
    installerOptions: {
      clientOptions: config.apiUrl ? { slackApiUrl: config.apiUrl } : {},
    },
  });
}

/** Why Socket Mode could not start, in words an operator can act on (no token, no URL query). */
export class SocketModeStartError extends Error {
  override readonly name = "SocketModeStartError";
}

function reason(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === "string") return data.error;
  const original = (error as { original?: { cause?: { code?: unknown }; code?: unknown } })
    ?.original;
  const code = original?.cause?.code ?? original?.code ?? (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : "no answer";
}

/**
 * Starts the app in Socket Mode or throws SocketModeStartError. The app token's check goes to
 * SLACK_API_URL (default slack.com) once; the WebSocket gets `timeoutMs`.
 */
export async function startSocketMode(
  app: App,
  config: SlackConfig,
  timeoutMs = SOCKET_MODE_START_MS,
): Promise<void> {
  const where = config.apiUrl ? new URL(config.apiUrl).host : "slack.com";
  const check = new webApi.WebClient(config.appToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: Math.min(timeoutMs, 15_000),
  });
  try {
    const opened = await check.apps.connections.open({});
    if (typeof opened.url !== "string") throw new Error("no url");
  } catch (error) {
    throw new SocketModeStartError(
      `could not open a Socket Mode connection (apps.connections.open at ${where}: ${reason(error)}); check SLACK_APP_TOKEN (an xapp- token with connections:write) and that ${where} is reachable`,
    );
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), timeoutMs);
  });
  const started = app.start().then(
    () => "up" as const,
    (error: unknown) => error,
  );
  const outcome = await Promise.race([started, late]);
  clearTimeout(timer);
  if (outcome === "up") return;
  // Stop the client's reconnect loop, so the process can exit.
  await Promise.race([app.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
  const why = outcome === "late" ? `not connected within ${timeoutMs / 1000} s` : reason(outcome);
  throw new SocketModeStartError(
    `could not open the Socket Mode WebSocket (${why}); check that this machine can reach Slack's WebSocket hosts (wss-primary.slack.com) through any proxy or firewall`,
  );
}
