/**
 * A click on a button under a result, read once: the value it carries (checked to have been made
 * for this team and channel; else refused, see src/slack/action-state/), the channel it was in,
 * and where an answer goes (the result's thread, the clicker alone for errors).
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { PURPOSE } from "../action-state/purposes.js";
import { refuseAction } from "../action-state/refuse.js";
import { type ButtonValue, readValue } from "../blocks/buttons.js";
import type { SlackDeps } from "../deps.js";
import type { Delivery } from "../send/deliver.js";

/** What Bolt hands a button's handler. */
export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export interface Clicked {
  readonly value: ButtonValue;
  readonly scope: { teamId: string; channelId: string };
  readonly delivery: Delivery;
}

/**
 * The click, or undefined when Slack did not say which channel and workspace it came from, or
 * when its value was not made there (the clicker is told).
 */
export async function clicked(args: ButtonArgs, deps: SlackDeps): Promise<Clicked | undefined> {
  const { body, action, client, logger } = args;
  const channel = body.channel?.id;
  const teamId = body.team?.id ?? body.user.team_id;
  if (!channel || !teamId) return undefined;
  const scope = { teamId, channelId: channel };
  const state = await deps.binder.open(PURPOSE.result, scope, action.value);
  if (!state) {
    const who = { action: action.action_id, teamId, channelId: channel, userId: body.user.id };
    await refuseAction({ client, logger, ...who });
    return undefined;
  }
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const threadTs = message?.thread_ts ?? message?.ts;
  return {
    value: readValue(state),
    scope,
    delivery: {
      client,
      logger,
      memory: deps.memory,
      binder: deps.binder,
      where: { channel, ...(threadTs ? { threadTs } : {}) },
      userId: body.user.id,
    },
  };
}
