/** `/deal set renews DATE notice DAYS`: read onto the deal, kept by later sets, refused when bad. */
import { describe, expect, it } from "vitest";
import { applySet, dealReply } from "../../../src/commands/deal/set.js";
import { currency } from "../../../src/core/money.js";

const GBP = currency("GBP");

describe("set renews / notice", () => {
  it("reads the renewal date and notice period, and a later set keeps them", () => {
    const first = applySet("vendor HaloITSM renews 2027-03-31 notice 90d", undefined, GBP);
    expect(first).toEqual({
      ok: true,
      currencyAssumed: true,
      deal: { vendor: "HaloITSM", currency: GBP, renewalDate: "2027-03-31", noticeDays: 90 },
    });
    if (!first.ok) return;
    const later = applySet("notice 60", first.deal, GBP);
    expect(later.ok && later.deal).toEqual({ ...first.deal, noticeDays: 60 });
    const reply = dealReply(first.deal, false);
    expect(reply.ok && reply.reply.notes).toContain(
      "Renews 31 March 2027; notice of non-renewal 90 days before. `reminders` lists the reminders.",
    );
    expect(reply.ok && reply.reply.data).toMatchObject({
      renewalDate: "2027-03-31",
      noticeDays: 90,
    });
  });

  it("says a missing notice period is assumed to be 90 days", () => {
    const r = applySet("vendor HaloITSM renews 2027-03-31", undefined, GBP);
    if (!r.ok) throw new Error("refused");
    const reply = dealReply(r.deal, false);
    expect(reply.ok && reply.reply.notes).toContain(
      "Renews 31 March 2027; no notice period set, so reminders assume 90 days (set notice N to change it). `reminders` lists the reminders.",
    );
  });

  it.each([
    ["vendor HaloITSM renews 31/03/2027", "set.renewal_date", "renews 2027-03-31 notice 90"],
    ["vendor HaloITSM renews 2027-13-01", "set.renewal_date", "renews 2027-03-31 notice 90"],
    ["vendor HaloITSM notice ninety", "set.notice_days", "notice 90"],
    ["vendor HaloITSM notice 366", "set.notice_days", "notice 90"],
  ])("refuses %s", (text, code, hint) => {
    const r = applySet(text, undefined, GBP);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.hint])).toEqual([
      [code, hint.startsWith("renews") ? `set ${hint}` : hint],
    ]);
  });
});
