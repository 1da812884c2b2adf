/**
 * Bolt refuses a request signed more than five minutes ago but accepts one dated in the future, so
 * a captured request with a forged future timestamp header would stay replayable for as long as
 * its date is ahead. This guard refuses both directions before Bolt sees the request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Slack's own window: five minutes either side of the server's clock. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** True when the request's timestamp is more than five minutes ahead of `nowMs`. */
export function datedInTheFuture(req: IncomingMessage, nowMs: number): boolean {
  const header = req.headers["x-slack-request-timestamp"];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds > Math.floor(nowMs / 1000) + MAX_CLOCK_SKEW_SECONDS;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Wraps the receiver's listener: a request dated in the future gets 401, like a stale one. */
export function refuseFutureRequests(
  listener: RequestListener,
  now: () => number,
): RequestListener {
  return (req, res) => {
    if (datedInTheFuture(req, now())) {
      res.writeHead(401);
      res.end();
      return;
    }
    listener(req, res);
  };
}
