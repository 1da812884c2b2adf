/**
 * Every delivery acted on once: a global Bolt middleware claims the delivery's key
 * (delivery-key.ts) before any listener runs. A repeat (Slack's retry, a replayed request, the
 * same event reaching a second replica) is acknowledged and dropped, logged by its ids. A
 * delivery with no key is acted on as before.
 *
 * If acting fails before anything reached Slack (attempt.ts), the claims are given back so the
 * retry acts; once something is in the channel they are kept for an hour. A retry that arrives
 * while the first attempt is still running is dropped even if that attempt later fails: Slack's
 * later retries (a minute and five minutes on), or the person sending again, then get the answer.
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { Attempt, setAttempt } from "./attempt.js";
import { claimOnce, DELIVERY_HOLD_MS, releaseClaims } from "./claim.js";
import { deliveryKeyOf } from "./delivery-key.js";

export function exactlyOnce(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const delivery = deliveryKeyOf(args.body);
    if (!delivery) {
      await args.next();
      return;
    }
    const attempt = new Attempt();
    setAttempt(args.context, attempt);
    if (!(await claimOnce(deps, delivery.scope, delivery.key, DELIVERY_HOLD_MS, attempt))) {
      // Events were acknowledged by Bolt already; commands and interactions wait for this.
      if ("ack" in args && typeof args.ack === "function") await args.ack();
      const retry = args.context.retryNum === undefined ? "" : ` (retry ${args.context.retryNum})`;
      deps.logger.info(`dealdesk: dropped a repeated delivery ${delivery.key}${retry}`);
      return;
    }
    let threw = false;
    try {
      await args.next();
    } catch (error) {
      threw = true;
      throw error;
    } finally {
      if (attempt.shouldRelease(threw)) await releaseClaims(attempt, deps.logger);
    }
  };
}
