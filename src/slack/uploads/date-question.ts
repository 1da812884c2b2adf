/**
 * The day/month question in Slack. When a shared file's dates read two ways, the analysis asks in
 * the file's thread and the file waits in memory (src/slack/memory.ts); a `dates dd/mm` or
 * `dates mm/dd` reply in that thread (mentioning the bot in a channel, plain in a DM) analyses it
 * again that way. The reply is read as the console reads it (src/commands/date-order-reply.ts).
 */
import type { webApi } from "@slack/bolt";
import {
  asksDateOrder,
  type DayMonthReply,
  readDatesReply,
} from "../../commands/date-order-reply.js";
import type { CommandOutcome } from "../../commands/reply.js";
import { escapeMrkdwn, readSlackText } from "../blocks/text.js";
import { section } from "../blocks/types.js";
import type { SlackDeps } from "../deps.js";
import type { DateQuestion } from "../memory.js";
import { postEphemeral } from "../send/post.js";

type WebClient = webApi.WebClient;
type Failure = Extract<CommandOutcome, { ok: false }>;

/** Slack DM channel ids start with D; there the bot reads every message, so no mention is needed. */
function isDirectMessage(channel: string): boolean {
  return channel.startsWith("D");
}

function replyForm(channel: string, order: DayMonthReply): string {
  return isDirectMessage(channel) ? `dates ${order}` : `@dealdesk dates ${order}`;
}

function questionKey(channel: string, threadTs: string | undefined): string {
  return `${channel}:${threadTs ?? ""}`;
}

/**
 * The question as Slack asks it: the date issue's hint (which names `--date-format`, an option a
 * shared file has no line to add to) becomes the reply to type in the thread.
 */
export function askInThread(outcome: Failure, channel: string): Failure {
  const hint = `reply in this thread: ${replyForm(channel, "dd/mm")} (25/03/2026 is 25 March) or ${replyForm(channel, "mm/dd")} (03/25/2026)`;
  return {
    ...outcome,
    issues: outcome.issues.map((i) =>
      i.code === "dates.ambiguous" || i.code === "dates.mixed_order" ? { ...i, hint } : i,
    ),
  };
}

/** Keeps the file for a `dates` reply when the analysis asked the day/month question. */
export function rememberDateQuestion(
  outcome: CommandOutcome,
  question: DateQuestion,
  deps: SlackDeps,
): boolean {
  if (!asksDateOrder(outcome)) return false;
  deps.memory.askDateOrder(questionKey(question.where.channel, question.where.threadTs), question);
  return true;
}

export function noDateQuestionText(channel: string): string {
  const where = isDirectMessage(channel) ? "here" : "in this thread";
  return `I haven't asked ${where} which way a file's dates read, so there is nothing for "dates" to answer. When a shared file's dates could be day-first or month-first, I ask in its thread; reply there.`;
}

export function unreadableOrderText(text: string, channel: string): string {
  return `"${text}" is not an order I know, so the question stays open. Reply ${replyForm(channel, "dd/mm")} (25/03/2026 is 25 March) or ${replyForm(channel, "mm/dd")} (03/25/2026).`;
}

export interface ThreadReply {
  readonly text: string;
  readonly user: string;
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
}

/** The question a reply answers: the one asked in its thread; in a DM, else the newest asked there. */
function openQuestion(m: ThreadReply, deps: SlackDeps): DateQuestion | undefined {
  const inThread = deps.memory.dateQuestion(questionKey(m.channel, m.threadTs));
  if (inThread) return inThread;
  return isDirectMessage(m.channel) ? deps.memory.latestDateQuestion(m.channel, m.user) : undefined;
}

/**
 * Answers a `dates …` message; false when the message is not one, so it is answered as usual.
 * `analyse` runs the file again (analyse-in-place.ts, passed in to keep the modules acyclic).
 */
export async function answerDatesReply(
  m: ThreadReply,
  deps: SlackDeps,
  client: WebClient,
  analyse: (question: DateQuestion, order: DayMonthReply, userId: string) => Promise<void>,
): Promise<boolean> {
  const reply = readDatesReply(readSlackText(m.text));
  if (reply.kind === "not-dates") return false;
  const where = { channel: m.channel, ...(m.threadTs ? { threadTs: m.threadTs } : {}) };
  const question = openQuestion(m, deps);
  const tell = (text: string) =>
    postEphemeral(client, where, m.user, { text, blocks: [section(escapeMrkdwn(text))] });
  if (!question) {
    await tell(noDateQuestionText(m.channel));
    return true;
  }
  if (reply.kind === "unreadable") {
    await tell(unreadableOrderText(reply.text, m.channel));
    return true;
  }
  deps.memory.answerDateQuestion(question);
  await analyse(question, reply.order, m.user);
  return true;
}
