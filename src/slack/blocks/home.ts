/**
 * App Home: what dealdesk does, the deals of the channels where the user has used it, and their
 * recent analyses. (Slack's user-channel list would need extra scopes; dealdesk remembers where
 * each user worked with it instead.)
 */
import { type ChannelDeal, describeDeal } from "../../commands/deal/set.js";
import type { DealScope } from "../deal-context.js";
import type { Analysis } from "../memory.js";
import { LIMITS } from "./limits.js";
import { clip, escapeMrkdwn } from "./text.js";
import { type Block, mrkdwn, plain, section } from "./types.js";

export interface HomeView {
  readonly type: "home";
  readonly blocks: readonly Block[];
}

const EXAMPLES = [
  "/deal cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP",
  "/deal tiers 95 1-99@50, 100+@45 USD",
  "/deal renewal 294000 GBP years 3 cap 3%",
  "/deal set vendor HaloITSM currency GBP named 70 concurrent 140",
];

export function homeView(
  deals: readonly { scope: DealScope; deal?: ChannelDeal }[],
  analyses: readonly Analysis[],
  /** With a store the list is every analysis saved in the user's channels, not only theirs. */
  analysesTitle = "Your recent analyses",
  /** Shown instead of the lists when they could not be made (why, and what to do). */
  notice?: string,
): HomeView {
  const blocks: Block[] = [
    { type: "header", text: plain("dealdesk") },
    section(
      "Licensing numbers you can say out loud on the call: exact costs of named and concurrent plans, volume breaks, renewal caps and savings, with the working behind every figure. Share a roster or session log (CSV or XLSX) in a channel I'm in and I'll size the concurrent pool.",
    ),
    section(`*Try*\n${EXAMPLES.map((e) => `\`${escapeMrkdwn(e)}\``).join("\n")}`),
    {
      type: "context",
      elements: [
        mrkdwn(
          "`/deal forget` in a channel deletes what dealdesk stored for it (you confirm first).",
        ),
      ],
    },
    { type: "divider" },
    section("*Deals in your channels*"),
  ];
  if (notice !== undefined) {
    blocks.push(section(`:warning: ${escapeMrkdwn(notice)}`));
    return { type: "home", blocks };
  }
  if (deals.length === 0) {
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(
          "None yet: type `/deal set vendor HaloITSM currency GBP named 70 concurrent 140` in a deal's channel.",
        ),
      ],
    });
  }
  for (const d of deals.slice(0, 20)) {
    const what = d.deal ? escapeMrkdwn(describeDeal(d.deal)) : "no deal set yet";
    blocks.push(section(clip(`<#${d.scope.channelId}>: ${what}`, LIMITS.sectionText)));
  }
  blocks.push({ type: "divider" }, section(`*${escapeMrkdwn(analysesTitle)}*`));
  if (analyses.length === 0) {
    blocks.push({
      type: "context",
      elements: [mrkdwn("None yet: share a roster or session log in a channel.")],
    });
  }
  for (const a of analyses.slice(0, 10)) {
    blocks.push(
      section(
        clip(
          `<#${a.scope.channelId}> · ${a.at.toISOString().slice(0, 16).replace("T", " ")} UTC\n${escapeMrkdwn(a.headline)}`,
          LIMITS.sectionText,
        ),
      ),
    );
  }
  return { type: "home", blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
