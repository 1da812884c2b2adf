/**
 * A path typed in Slack is never read from the server's disk: every command that takes a path
 * (`split`, `concurrency`, `rightsize`, `upload`, `--roster`, `triage`, `brief`, `email`) answers
 * the requester alone with "share the file in this channel", even when the context the server was
 * started with can read the disk (as the terminal's can).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseUpload } from "../../src/commands/file-analysis/analyse.js";
import { testContext } from "../commands/context.js";
import { type Harness, startHarness } from "./harness.js";
import { nextCall, slashIn } from "./store-helpers.js";

const SHARE =
  "I don't open files by path here — share the file in this channel (drag it into Slack) and I'll analyse it";
const DEAL_FILE =
  "— type the quote instead, e.g. triage 260 @ 62 GBP, or run it in the dealdesk CLI";

describe("paths typed in Slack", () => {
  let h: Harness;
  beforeAll(async () => {
    // A context that can read the disk, as a misconfigured server might hand in: Slack drops it.
    h = await startHarness({ analyseUpload, context: testContext() });
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ["split /etc/hostname --named 70 --concurrent 140", `:warning: split: ${SHARE}`],
    ["concurrency /etc/hostname", `:warning: concurrency: ${SHARE}`],
    ["rightsize /etc/passwd --rate 70", `:warning: rightsize: ${SHARE}`],
    ["upload /etc/hostname", `:warning: upload: ${SHARE}`],
    ["split examples/sessions.csv --roster /etc/passwd", `:warning: split: ${SHARE}`],
    [
      "triage /etc/deal.json",
      `:warning: triage: I don't open files by path here (/etc/deal.json) ${DEAL_FILE}`,
    ],
    [
      "brief examples/deal.json",
      `:warning: brief: I don't open files by path here (examples/deal.json) ${DEAL_FILE}`,
    ],
    [
      "email examples/deal.json",
      `:warning: email: I don't open files by path here (examples/deal.json) ${DEAL_FILE}`,
    ],
  ])("/deal %s asks for a share and reads nothing", async (text, expected) => {
    const from = h.fake.calls.length;
    await slashIn(h.url, h.fake, text, { channel: "CP1" });
    const answer = await nextCall(h.fake, "chat.postEphemeral", from);
    expect(answer.args.text).toBe(expected);
    expect(answer.args.user).toBe("U1");
    expect(h.fake.calls.slice(from).filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });
});
