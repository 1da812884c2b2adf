/**
 * A click on a button under a result, read once: the value it carries, the channel it was in, and
 * where an answer goes (the result's thread, the clicker alone for errors).
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeValue } from "../blocks/buttons.js";
import type { SlackDeps } from "../deps.js";
import type { Delivery } from "../send/deliver.js";

/** What Bolt hands a button's handler. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export interface Clicked {
  readonly value: ReturnType<typeof decodeValue>;
  readonly scope: { teamId: string; channelId: string };
  readonly delivery: Delivery;
}

/** The click, or undefined when Slack did not say which channel and workspace it came from. */
export function clicked(args: ButtonArgs, deps: SlackDeps): Clicked | undefined {
  const { body, action, client, logger } = args;
  const channel = body.channel?.id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channel || !teamId) return undefined;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const threadTs = message?.thread_ts ?? message?.ts;
  return {
    value: decodeValue(action.value),
    scope: { teamId, channelId: channel },
    delivery: {
      client,
      logger,
      memory: deps.memory,
      where: { channel, ...(threadTs ? { threadTs } : {}) },
      userId: body.user.id,
    },
  };
}
