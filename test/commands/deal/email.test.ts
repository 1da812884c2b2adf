import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emailCommand } from "../../../src/commands/deal/email.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { EXAMPLE_PATH, exampleJson } from "../../drafting/example-deal.js";
import { testContext } from "../context.js";

const ctx = testContext({ now: () => new Date("2026-06-01T09:00:00Z") });
const email = emailCommand;
const run = (text: string) => Promise.resolve(email.run(text, ctx));

function reply(o: CommandOutcome) {
  if (!o.ok) throw new Error(o.issues.map((i) => i.message).join("; "));
  return o.reply;
}

describe("email", () => {
  it("writes the counter-proposal from the asks", async () => {
    const r = reply(await run(`${EXAMPLE_PATH} --to "Sam Lee" --from "Alex Kim"`));
    expect(r.headline).toBe(
      "A counter-proposal to Halo Service Solutions Ltd with 5 asks, bringing the subscription from £193,440 to £156,240 a year.",
    );
    expect(r.data.subject).toBe("HaloITSM: our counter-proposal");
    const text = String(r.data.text);
    expect(text.startsWith("Hello Sam Lee,\n\nThank you for your proposal for HaloITSM.")).toBe(
      true,
    );
    expect(text).toContain("1. Licence 212 active fulfillers, not 260 provisioned.\n");
    expect(text).toContain(
      "On these terms the annual subscription comes to £156,240, against £193,440 in your proposal.",
    );
    // Only what the asks support: 260 × £62 × 12 = £193,440, less right-sizing £15,360, the
    // licensing model £5,520 and the volume break £16,320 = £156,240. The benchmark is not asked.
    expect(text).not.toContain("£58");
    expect(text).not.toContain("benchmark");
    expect(text).toContain("- Renewal uplift cap locked for the term\n");
    // Notice is due 2026-12-31, still ahead of 2026-06-01.
    expect(text).toContain("We would like to agree terms by 31 December 2026.");
    expect(text.endsWith("Kind regards,\nAlex Kim\n")).toBe(true);
    expect(r.body?.split("\n")[0]).toBe("Subject: HaloITSM: our counter-proposal");
    expect(r.body?.endsWith("Kind regards,\nAlex Kim\n")).toBe(true);
  });

  it("never shows our money at stake or walk-away positions", async () => {
    const text = String(reply(await run(EXAMPLE_PATH)).data.text);
    for (const internal of [
      "£15,360",
      "£19,373.76",
      "£28,800",
      "walk-away",
      "fallback",
      "against us",
    ]) {
      expect(text).not.toContain(internal);
    }
  });

  it("drops the reply-by date once the notice deadline has passed", async () => {
    const r = reply(await run(`${EXAMPLE_PATH} --today 2027-01-10`));
    expect(r.data.replyBy).toBeNull();
    expect(String(r.data.text)).toContain("Could you send a revised proposal on this basis?");
  });

  it("leaves out covered moves", async () => {
    const json = exampleJson();
    json.offer.renewal = {
      uplift: { kind: "cap", cap: "3%" },
      lockedForTerm: true,
      exitRights: true,
    };
    const dir = mkdtempSync(join(tmpdir(), "dealdesk-email-"));
    writeFileSync(join(dir, "deal.json"), JSON.stringify(json));
    const r = reply(await run(join(dir, "deal.json")));
    expect(r.headline).toContain("with 4 asks");
    expect(String(r.data.text)).not.toContain("Cap the yearly rise");
  });

  it("rejects a missing file", async () => {
    const o = await run("nope.json");
    expect(!o.ok && o.issues[0]?.message).toBe("there is no file at nope.json");
  });
});
