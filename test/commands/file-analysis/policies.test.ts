import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../../src/commands/file-analysis/concurrency.js";
import { parseFileCommand } from "../../../src/commands/file-analysis/request.js";
import { splitCommand } from "../../../src/commands/file-analysis/split.js";
import type { CommandOutcome } from "../../../src/commands/reply.js";
import { gbp, ROSTER_CSV, SIX_PEOPLE_CSV, tempDir, writeFixture } from "./fixtures.js";

/*
 * The six people of SIX_PEOPLE_CSV (a, b 09–17; c, d, e, f one hour each, never together) with a
 * roster that adds g and h, who have no sessions:
 *   a, b, g  group Service Desk, role Agent
 *   c        group Managers, role Manager, VIP
 *   d, e, h  group HR, role Staff (h is a VIP)
 *   f        group Finance, role Manager
 * Rates £70 named, £140 concurrent a month: £840 and £1,680 a year.
 */
const POLICY_ROSTER_CSV = [
  "Email,Name,Group,Role,VIP,Status",
  "a@x.com,Ann,Service Desk,Agent,no,Active",
  "b@x.com,Bob,Service Desk,Agent,no,Active",
  "c@x.com,Cat,Managers,Manager,yes,Active",
  "d@x.com,Dan,HR,Staff,no,Active",
  "e@x.com,Eve,HR,Staff,no,Active",
  "f@x.com,Fay,Finance,Manager,no,Active",
  "g@x.com,Gus,Service Desk,Agent,no,Active",
  "h@x.com,Hal,HR,Staff,yes,Active",
].join("\n");

function files(roster = POLICY_ROSTER_CSV) {
  const dir = tempDir();
  return {
    sessions: writeFixture(dir, "sessions.csv", SIX_PEOPLE_CSV),
    roster: writeFixture(dir, "roster.csv", roster),
  };
}

async function reply(text: string) {
  const out = await splitCommand.run(text, gbp);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.reply;
}

async function issues(run: CommandOutcome | Promise<CommandOutcome>) {
  const out = await run;
  expect(out.ok).toBe(false);
  return out.ok ? [] : out.issues;
}

const RATES = "--named 70 --concurrent 140 --currency GBP";

describe("split policies: VIPs", () => {
  it("names the roster's VIPs in the log by default, and says so with counts", async () => {
    // c is a VIP in the log: named. h is a VIP with no sessions: left out, a note.
    // The rest (a, b, d, e, f) as without policies: name a and b (on all day), pool d, e, f (never
    // together): pool 1. 3 × £840 + 1 × £1,680 = £2,520 + £1,680 = £4,200. Cheaper can't be:
    // naming only c and a pools b with one of d–f at a time: 2 × £840 + 2 × £1,680 = £5,040;
    // naming only c pools a, b, d at 11:00: £840 + 3 × £1,680 = £5,880; naming all six: £5,040.
    const f = files();
    const r = await reply(`${f.sessions} ${RATES} --roster ${f.roster}`);
    expect(r.headline).toBe(
      "Best plan: 3 named + a pool of 1 concurrent = £4,200 a year — proven optimal.",
    );
    expect(r.notes).toContain("Forced named: 1 (VIP 1).");
    expect(r.notes).toContain(
      "VIPs in roster.csv are named by default: 1 VIP has sessions in the log (--no-vip-policy to let the plan pool them).",
    );
    expect(r.notes).toContain(
      "1 VIP has no sessions in the log: left out of the plan (--force-named gives someone a seat anyway).",
    );
    const split = r.data.split as Record<string, unknown>;
    expect(split.namedUsers).toEqual(["a@x.com", "b@x.com", "c@x.com"]);
    expect(split.policies).toEqual({
      vipPolicy: true,
      named: {
        total: 1,
        sources: [{ source: "vip", name: null, matched: 1, counted: 1, withoutSessions: 1 }],
      },
      concurrent: { total: 0, sources: [] },
    });
    expect(JSON.stringify(split.policies)).not.toContain("@");
  });

  it("plans VIPs like anyone else with --no-vip-policy", async () => {
    // No policy: the hand-computed optimum of split-file.test.ts, a and b named, pool 1:
    // 2 × £840 + £1,680 = £3,360. The roster has 2 VIPs (c, h).
    const f = files();
    const r = await reply(`${f.sessions} ${RATES} --roster ${f.roster} --no-vip-policy`);
    expect(r.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    expect(r.notes).toContain(
      "VIP policy off (--no-vip-policy): 2 VIPs in roster.csv planned like everyone else.",
    );
    expect(r.notes.some((n) => n.startsWith("Forced named"))).toBe(false);
    expect((r.data.split as Record<string, unknown>).policies).toEqual({
      vipPolicy: false,
      named: { total: 0, sources: [] },
      concurrent: { total: 0, sources: [] },
    });
  });
});

describe("split policies: groups", () => {
  it("forces groups named and concurrent, ignoring case and spaces, counting each source", async () => {
    // Named: VIP c (1), then group Service Desk: a, b in the log (2; g has no sessions), then
    // group Managers: c again (counted under VIP, so 0 more). Forced named a, b, c: 3 (1 + 2).
    // Concurrent: group HR: d, e in the log (2; h has no sessions — h is a VIP too, but with no
    // sessions the VIP policy leaves h out, so no conflict).
    // f is free; d, e, f are never online together: pool 1. 3 × £840 + £1,680 = £4,200.
    const f = files();
    const r = await reply(
      `${f.sessions} ${RATES} --roster ${f.roster} --force-named-groups "service desk,MANAGERS" --force-concurrent-groups hr`,
    );
    expect(r.headline).toBe(
      "Best plan: 3 named + a pool of 1 concurrent = £4,200 a year — proven optimal.",
    );
    expect(r.notes).toContain("Forced named: 3 (VIP 1, group Service Desk 2).");
    expect(r.notes).toContain("Forced concurrent: 2 (group HR 2).");
    expect(r.notes).toContain(
      "1 person in group Service Desk has no sessions in the log: left out of the plan (--force-named gives someone a seat anyway).",
    );
    expect(r.notes).toContain("1 person in group HR has no sessions in the log: nothing to pool.");
    expect(r.working).toContain("optimum: 3 × £70 × 12 + 1 × £140 × 12 = £2,520 + £1,680 = £4,200");
    const split = r.data.split as Record<string, unknown>;
    expect(split.policies).toEqual({
      vipPolicy: true,
      named: {
        total: 3,
        sources: [
          { source: "vip", name: null, matched: 1, counted: 1, withoutSessions: 1 },
          { source: "group", name: "Service Desk", matched: 2, counted: 2, withoutSessions: 1 },
          { source: "group", name: "Managers", matched: 1, counted: 0, withoutSessions: 0 },
        ],
      },
      concurrent: {
        total: 2,
        sources: [{ source: "group", name: "HR", matched: 2, counted: 2, withoutSessions: 1 }],
      },
    });
  });

  it("matches a role when no group has the name", async () => {
    // "manager" is no group (Managers is "managers"), but the role of c and f: both named.
    // a, b named too (on all day), d, e pooled (never together): pool 1.
    // 4 × £840 + £1,680 = £3,360 + £1,680 = £5,040. Pooling a as well needs 2 seats (a, b, d at
    // 11:00 with b named → a, d): 3 × £840 + 2 × £1,680 = £5,880; pooling a and b needs 3: more.
    const f = files();
    const r = await reply(
      `${f.sessions} ${RATES} --roster ${f.roster} --no-vip-policy --force-named-group manager`,
    );
    expect(r.headline).toBe(
      "Best plan: 4 named + a pool of 1 concurrent = £5,040 a year — proven optimal.",
    );
    expect(r.notes).toContain("Forced named: 2 (role Manager 2).");
    expect((r.data.split as Record<string, unknown>).policies).toMatchObject({
      named: {
        total: 2,
        sources: [{ source: "role", name: "Manager", matched: 2, counted: 2, withoutSessions: 0 }],
      },
    });
  });

  it("counts a typed list with the groups, the typed list first", async () => {
    // --force-named a@x.com (1), then VIP c (1), then group Service Desk: a again, b new (1).
    // Named a, b, c; the rest pooled with pool 1: 3 × £840 + £1,680 = £4,200.
    const f = files();
    const r = await reply(
      `${f.sessions} ${RATES} --roster ${f.roster} --force-named a@x.com --force-named-groups "Service Desk"`,
    );
    expect(r.notes).toContain("Forced named: 3 (--force-named 1, VIP 1, group Service Desk 1).");
    expect(r.headline).toBe(
      "Best plan: 3 named + a pool of 1 concurrent = £4,200 a year — proven optimal.",
    );
  });
});

describe("split policies: bad input", () => {
  it("says a group option needs a roster", async () => {
    const f = files();
    expect(
      await issues(
        splitCommand.run(`${f.sessions} ${RATES} --force-named-groups "Service Desk"`, gbp),
      ),
    ).toEqual([
      {
        code: "options.groups_need_roster",
        message:
          "--force-named-groups needs a roster to know who is in each group: add --roster roster.csv",
        hint: 'split sessions.csv --named 70 --concurrent 140 --roster roster.csv --force-named-groups "Service Desk"',
      },
    ]);
    // The same for concurrency, which reads the same options.
    const found = await issues(
      concurrencyCommand.run(`${f.sessions} --force-concurrent-groups HR`, gbp),
    );
    expect(found[0]?.message).toBe(
      "--force-concurrent-groups needs a roster to know who is in each group: add --roster roster.csv",
    );
  });

  it("names the roster's groups and roles for an unknown group", async () => {
    const f = files();
    expect(
      await issues(
        splitCommand.run(
          `${f.sessions} ${RATES} --roster ${f.roster} --force-concurrent-groups HR,Legal`,
          gbp,
        ),
      ),
    ).toEqual([
      {
        code: "options.unknown_group",
        message:
          '--force-concurrent-groups "Legal" is not a group or role in roster.csv; its groups are Finance, HR, Managers, Service Desk; its roles are Agent, Manager, Staff',
        hint: "--force-concurrent-groups \"Service Desk,Managers\" (names as in the roster's group or role column; case and spaces don't matter)",
      },
    ]);
  });

  it("says when the roster has no group or role column", async () => {
    const f = files(ROSTER_CSV);
    const found = await issues(
      splitCommand.run(`${f.sessions} ${RATES} --roster ${f.roster} --force-named-groups HR`, gbp),
    );
    expect(found.map((i) => [i.code, i.message])).toEqual([
      [
        "options.unknown_group",
        '--force-named-groups "HR" is not a group or role in roster.csv; roster.csv has no group or role column',
      ],
    ]);
  });

  it("refuses a VIP forced concurrent by a group, counting people", async () => {
    // c is a VIP (named by default) and the only member of group Managers.
    const f = files();
    expect(
      await issues(
        splitCommand.run(
          `${f.sessions} ${RATES} --roster ${f.roster} --force-concurrent-groups Managers`,
          gbp,
        ),
      ),
    ).toEqual([
      {
        code: "options.policy_conflict",
        message:
          "1 person is forced both named (VIP in roster.csv) and concurrent (group Managers)",
        hint: "add --no-vip-policy to let VIPs be pooled, or take them out of the concurrent policy",
      },
    ]);
  });

  it("refuses a VIP typed in --force-concurrent, naming the typed id", async () => {
    const f = files();
    expect(
      await issues(
        splitCommand.run(
          `${f.sessions} ${RATES} --roster ${f.roster} --force-concurrent C@x.com`,
          gbp,
        ),
      ),
    ).toEqual([
      {
        code: "options.policy_conflict",
        message:
          "c@x.com is forced both named (VIP in roster.csv) and concurrent (--force-concurrent)",
        hint: "add --no-vip-policy to let VIPs be pooled, or take them out of the concurrent policy",
      },
    ]);
    // With the VIP policy off, c is simply pooled: the plan is the one without policies, as c is
    // pooled there anyway (£3,360).
    const r = await reply(
      `${f.sessions} ${RATES} --roster ${f.roster} --force-concurrent C@x.com --no-vip-policy`,
    );
    expect(r.headline).toBe(
      "Best plan: 2 named + a pool of 1 concurrent = £3,360 a year — proven optimal.",
    );
    expect(r.notes).toContain("Forced concurrent: 1 (--force-concurrent 1).");
  });

  it("refuses groups that overlap across the two policies", async () => {
    // f is in group Finance and has role Manager.
    const f = files();
    const found = await issues(
      splitCommand.run(
        `${f.sessions} ${RATES} --roster ${f.roster} --no-vip-policy --force-named-groups Manager --force-concurrent-groups Finance`,
        gbp,
      ),
    );
    expect(found).toEqual([
      {
        code: "options.policy_conflict",
        message: "1 person is forced both named (role Manager) and concurrent (group Finance)",
        hint: "put each person under one policy only",
      },
    ]);
  });
});

describe("split policies: options", () => {
  it("reads group lists and the VIP switch", () => {
    const r = parseFileCommand(
      's.csv --force-named-groups "Service Desk, managers,service-desk" --force-concurrent-groups HR --no-vip-policy',
      "split PATH",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // "service-desk" is "Service Desk" again (case, spaces, hyphens ignored): kept once.
    expect(r.value.request.forceNamedGroups).toEqual(["Service Desk", "managers"]);
    expect(r.value.request.forceConcurrentGroups).toEqual(["HR"]);
    expect(r.value.request.noVipPolicy).toBe(true);
    const plain = parseFileCommand("s.csv", "split PATH");
    expect(plain.ok && plain.value.request.noVipPolicy).toBeUndefined();
  });

  it("rejects an empty group name", () => {
    expect(parseFileCommand('s.csv --force-named-groups "HR,,Finance"', "split PATH")).toEqual({
      ok: false,
      issues: [
        {
          code: "options.group_list",
          message: '--force-named-groups "HR,,Finance" has an empty group name',
          hint: '--force-named-groups "Service Desk,Managers" (a comma list; quotes around names with spaces)',
        },
      ],
    });
  });
});
