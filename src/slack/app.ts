/**
 * Builds the Bolt app: Socket Mode when an app token is set, otherwise the HTTP receiver on
 * /slack/events, where Bolt verifies every request's signature and refuses timestamps more than
 * five minutes old, and future-requests.ts refuses those more than five minutes ahead (tested).
 */
import { App, HTTPReceiver, type Logger, LogLevel, webApi } from "@slack/bolt";
import type { SlackConfig } from "./config.js";
import { consoleLogger } from "./console-logger.js";
import { contentFreeLogger } from "./content-free-logger.js";
import type { SlackDeps } from "./deps.js";
import { refuseFutureRequests } from "./future-requests.js";
import { registerListeners } from "./listeners/index.js";
import { socketModeReceiver } from "./socket-mode.js";

export const EVENTS_PATH = "/slack/events";

export interface AppBuild {
  readonly config: SlackConfig;
  readonly deps: SlackDeps;
  readonly logger?: Logger;
  readonly logLevel?: LogLevel;
  /** Web API retries; Slack's rate limits make a few worthwhile, tests turn them off. */
  readonly retries?: number;
}

export function buildSlackApp(build: AppBuild): App {
  const { config } = build;
  const logLevel = build.logLevel ?? LogLevel.INFO;
  // Bolt shares this logger with its receivers and Web API client, which log payloads at debug.
  const logging = {
    logger: contentFreeLogger(build.logger ?? consoleLogger(logLevel)),
    logLevel,
  };
  const http = config.appToken
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.signingSecret ?? "",
        endpoints: EVENTS_PATH,
        port: config.port,
        signatureVerification: true,
        // Acknowledge before the listener finishes: the answer follows through the Web API.
        processBeforeResponse: false,
        ...logging,
      });
  // The server HTTPReceiver starts calls this property for every request.
  if (http) http.requestListener = refuseFutureRequests(http.requestListener, Date.now);
  const receiver = http ?? socketModeReceiver(config, logging);
  const webApiTimeoutMs = build.deps.webApiTimeoutMs ?? 15_000;
  const app = new App({
    token: config.botToken,
    receiver,
    // Bolt checks the token with auth.test; deferred so startSlackApp can await it and turn a bad
    // token or an unreachable Slack into one clear line instead of an unhandled rejection.
    deferInitialization: true,
    ...logging,
    clientOptions: {
      ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
      // Each request, headers and body, within 15 s: a call Slack never answers fails instead of
      // stalling the job, every file queued after it, and shutdown.
      timeout: webApiTimeoutMs,
      // Bolt's respond() (a slash command's response_url) fetches with this: the same bound.
      fetch: (input, init) =>
        fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(webApiTimeoutMs) }),
      retryConfig: {
        ...webApi.retryPolicies.fiveRetriesInFiveMinutes,
        retries: build.retries ?? 5,
        // No retry starts after a minute: a method that keeps hanging fails in about 80 s, not
        // the policy's five minutes plus six timeouts.
        maxRetryTime: 60_000,
      },
    },
  });
  registerListeners(app, build.deps);
  return app;
}
