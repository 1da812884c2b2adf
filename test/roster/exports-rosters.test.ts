/**
 * Rosters as real systems export them (issue 10, class 10, roster side): each fixture in
 * test/fixtures/exports/ is written from the system's documented layout with fictional rows, and
 * right-sized on 1 Oct 2026 at £70 a month with the defaults (inactive after 60 days). Every figure
 * below is counted by hand from the rows, one comment per person.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rightsizeCommand } from "../../src/commands/file-analysis/rightsize.js";
import { currency, major } from "../../src/core/money.js";
import { rightsize } from "../../src/core/rightsize.js";
import { readRosterFile } from "../../src/roster/read-file.js";
import { gbp } from "../commands/file-analysis/fixtures.js";
import { exportBytes } from "./exports.js";
import { csvBytes } from "./fixtures.js";

const path = (name: string) =>
  fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url));

async function rightsized(name: string) {
  current = name;
  const out = await rightsizeCommand.run(`${path(name)} --rate 70 --as-of 2026-10-01`, gbp);
  if (!out.ok) throw new Error(JSON.stringify(out));
  return out.reply;
}

/** A note about reading the file, as the reply shows it: `name: text.` */
const fileNote = (text: string) => `${current}: ${text}.`;
let current = "";

/**
 * Everything the reply says about the file: its assumptions (the "what I read" block at the top)
 * and the notes at the end. A reader's note is an assumption; rightsize's own notes stay notes.
 */
function said(reply: Awaited<ReturnType<typeof rightsized>>): string[] {
  return [...(reply.read?.assumed ?? []), ...reply.notes];
}

/** The mapping the reply's data lists, as "field ← header". */
function mapping(reply: Awaited<ReturnType<typeof rightsized>>): string[] {
  const data = reply.data as { mapping: { field: string; header: string }[] };
  return data.mapping.map((m) => `${m.field} ← ${m.header}`);
}

describe("ServiceNow sys_user list export", () => {
  /*
   * ann active (29 Sep); bob locked_out: disabled; cat active=false: disabled; dan no login,
   * created 2024: never logged in; eve no login, created 15 Sep 2026: new, not flagged; fay last
   * login 30 Jun 17:45: 92 days, inactive; gus 20 Aug: 41 days, active. 7 provisioned, remove 4
   * (2 disabled, 1 never, 1 inactive), 3 needed; 4 × £840 = £3,360.
   */
  it("reads active and locked_out as the account's state, with the hand-counted figures", async () => {
    const r = await rightsized("servicenow-sys-user.csv");
    expect(r.headline).toBe(
      "Licence 3 active fulfillers, not 7 provisioned: £3,360 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["disabled", "2", "remove", "£1,680"],
      ["never logged in", "1", "remove", "£840"],
      ["no login in 60 days", "1", "remove", "£840"],
      ["total to remove", "4", "", "£3,360"],
    ]);
    expect(r.data.rightsize).toMatchObject({
      provisioned: 7,
      active: 3,
      removable: 4,
      recommended: 3,
      newNotYetLoggedIn: 1,
      flagged: { departed: 0, disabled: 2, never_logged_in: 1, inactive: 1, occasional: 0 },
    });
    expect(mapping(r)).toEqual([
      "user ← email",
      "name ← name",
      "group ← department",
      "role ← title",
      "status ← active",
      "lastLogin ← last_login_time",
      "created ← sys_created_on",
    ]);
    expect(said(r)).toContain(fileNote('"active" read as disabled for "false" (1 user)'));
    expect(said(r)).toContain(
      fileNote(
        '"locked_out" read beside "active": yes there counts the account as disabled (1 user)',
      ),
    );
    expect(said(r)).toContain(
      "1 new user has not logged in yet (created within 60 days): not flagged.",
    );
  });
});

describe("Atlassian admin Export users", () => {
  /*
   * Last login from "Last seen in Jira Service Management". Ann 30 Sep: active; Bob Suspended:
   * disabled; Cat never in JSM (Confluence on 20 Sep does not count), added 2024: never logged in;
   * Dan 2 Jun: 121 days, inactive; Eve added 22 Sep 2026, never: new; Fay Deactivated: disabled;
   * Gus 28 Sep: active. 7 provisioned, remove 4 (2 disabled, 1 never, 1 inactive), 3 needed; £3,360.
   */
  it("sizes the service-management product and names the columns not used", async () => {
    const r = await rightsized("atlassian-export-users.csv");
    expect(r.headline).toBe(
      "Licence 3 active fulfillers, not 7 provisioned: £3,360 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.data.rightsize).toMatchObject({
      provisioned: 7,
      active: 3,
      removable: 4,
      newNotYetLoggedIn: 1,
      flagged: { disabled: 2, never_logged_in: 1, inactive: 1 },
    });
    expect(mapping(r)).toContain("lastLogin ← Last seen in Jira Service Management");
    expect(mapping(r)).toContain("created ← Added to org");
    expect(mapping(r)).toContain("status ← User status");
    expect(said(r)).toContain(
      fileNote(
        'last login read from "Last seen in Jira Service Management" (the service-management product); not used: "Last seen in Confluence", "Last seen in Jira"; --map lastLogin="…" to size another product',
      ),
    );
    expect(said(r)).toContain(
      fileNote(
        '"User status" read as disabled for "Suspended" (1 user) and "Deactivated" (1 user)',
      ),
    );
  });

  it("sizes another product when asked with --map", async () => {
    const out = await rightsizeCommand.run(
      `${path("atlassian-export-users.csv")} --rate 70 --as-of 2026-10-01 --map lastLogin="Last seen in Confluence"`,
      gbp,
    );
    if (!out.ok) throw new Error("expected ok");
    // Confluence: Ann 1 Mar (214 days) and Gus (never, added 2023) go too; Cat (20 Sep) stays,
    // Dan never in Confluence: never logged in. Remove Bob, Fay (disabled), Ann, Dan, Gus = 5.
    expect(out.reply.data.rightsize).toMatchObject({
      removable: 5,
      flagged: { disabled: 2, never_logged_in: 2, inactive: 1 },
    });
  });

  it("asks which product when no column is for service management", async () => {
    const text = [
      "User id,User name,email,User status,Added to org,Last seen in Confluence,Last seen in Jira",
      "u1,Ann,ann@example.com,Active,12 Jan 2024,01 Mar 2026,29 Sep 2026",
    ].join("\n");
    const r = await readRosterFile(csvBytes(text), "export-users.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        code: "roster.which_last_seen",
        message:
          'export-users.csv has a "Last seen in" column for each product ("Last seen in Confluence", "Last seen in Jira") and none for a service-management product: which product\'s licence are you sizing?',
        hint: '--map lastLogin="Last seen in Confluence"',
      },
    ]);
  });
});

describe("Jira Service Management agents (Atlassian export, one site column)", () => {
  /*
   * Ann 30 Sep, Eve 29 Sep: active; Bob 10 Jul: 83 days, inactive; Cat invited 1 Jun, never
   * accepted (122 days): never logged in; Dan invited 25 Sep: new. 5 provisioned, remove 2, 3
   * needed; 2 × £840 = £1,680.
   */
  it("reads the site-suffixed column and counts an old invitation as never logged in", async () => {
    const r = await rightsized("jira-service-management-agents.csv");
    expect(r.headline).toBe(
      "Licence 3 active fulfillers, not 5 provisioned: £1,680 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.data.rightsize).toMatchObject({
      provisioned: 5,
      removable: 2,
      newNotYetLoggedIn: 1,
      invitedNeverLoggedIn: 1,
      flagged: { never_logged_in: 1, inactive: 1 },
    });
    expect(mapping(r)).toContain(
      "lastLogin ← Last seen in Jira Service Management - acme-support.atlassian.net",
    );
    expect(said(r)).toContain(
      fileNote(
        'last login read from "Last seen in Jira Service Management - acme-support.atlassian.net"',
      ),
    );
    expect(said(r)).toContain(
      fileNote(
        "2 users invited or pending: the account holds a licence but nobody has logged in with it yet",
      ),
    );
  });
});

describe("HaloITSM agents", () => {
  /*
   * Dates day first (30/09/2026). Ann 30 Sep, Eve 1 Sep (29 days): active; Bob Is Disabled:
   * disabled; Cat no login (no created column): never logged in; Dan 25 Jul 16:40: 67 days,
   * inactive. 5 provisioned, remove 3, 2 needed; 3 × £840 = £2,520.
   */
  it('reads "Is Disabled" inverted and says new accounts cannot be told apart', async () => {
    const r = await rightsized("haloitsm-agents.csv");
    expect(r.headline).toBe(
      "Licence 2 active fulfillers, not 5 provisioned: £2,520 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.data.rightsize).toMatchObject({
      provisioned: 5,
      active: 2,
      removable: 3,
      flagged: { disabled: 1, never_logged_in: 1, inactive: 1 },
    });
    expect(mapping(r)).toEqual([
      "user ← Email",
      "name ← Name",
      "group ← Team",
      "status ← Is Disabled",
      "lastLogin ← Last Login Date",
    ]);
    expect(said(r)).toContain(
      fileNote('"Is Disabled" read as the status: yes means disabled (1 user), no means active'),
    );
    expect(said(r)).toContain(
      fileNote(
        "no created-date column: a new account that has not logged in yet cannot be told from one never used, so both count as never logged in",
      ),
    );
    expect(said(r)).toContain(fileNote("dates read as dd/mm/yyyy"));
  });
});

describe("Freshservice agents", () => {
  /*
   * Ann full time, 30 Sep: active; Bob occasional, 12 Sep: active; Cat Active=false: disabled;
   * Dan occasional, 3 Mar: 211 days, inactive, but an occasional agent holds no named licence, so
   * his removal is not priced; Eve created 25 Sep: new; Fay full time, never, created 2025: never
   * logged in. 6 provisioned, remove 3, 3 needed; priced (3 − 1) × £840 = £1,680.
   */
  it("reads Agent Type, prices only full-time agents and says so", async () => {
    const r = await rightsized("freshservice-agents.csv");
    expect(r.headline).toBe(
      "Licence 3 active fulfillers, not 6 provisioned: £1,680 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.tables[0]?.rows).toEqual([
      ["disabled", "1", "remove", "£840"],
      ["never logged in", "1", "remove", "£840"],
      ["no login in 60 days", "1", "remove", "£0"],
      ["total to remove", "3", "", "£1,680"],
    ]);
    expect(r.working).toContain("saving: (3 − 1 on a concurrent licence) × £70 × 12 = £1,680");
    expect(said(r)).toContain(
      "1 user to remove holds a concurrent or occasional licence, not a named one: removing it frees no named licence, so it is not priced in the saving.",
    );
    expect(r.data.rightsize).toMatchObject({
      provisioned: 6,
      removable: 3,
      recommended: 3,
      newNotYetLoggedIn: 1,
      unpricedConcurrent: 1,
      annualSaving: { minor: 168_000 },
    });
    expect(mapping(r)).toContain("licence ← Agent Type");
    expect(mapping(r)).toContain("status ← Active");
  });
});

describe("Zendesk agents", () => {
  /*
   * Ann, Bob (29-30 Sep): active; Cat 20 May: 133 days, inactive; Dan light agent, 15 Jan: 258
   * days, inactive; Eve "Never", created 28 Sep: new; Fay "Never", created 2025: never logged in.
   * 6 provisioned, remove 3, 3 needed; 3 × £840 = £2,520. No status column: all active (said).
   */
  it('reads "Last sign-in" with "Never", and says a light agent may be a free seat', async () => {
    const r = await rightsized("zendesk-agents.csv");
    expect(r.headline).toBe(
      "Licence 3 active fulfillers, not 6 provisioned: £2,520 a year. Inactivity measured to 1 Oct 2026 (--as-of).",
    );
    expect(r.data.rightsize).toMatchObject({
      provisioned: 6,
      removable: 3,
      newNotYetLoggedIn: 1,
      flagged: { never_logged_in: 1, inactive: 2 },
    });
    expect(mapping(r)).toContain("lastLogin ← Last sign-in");
    expect(said(r)).toContain(fileNote("no status column: every user counted as active"));
    expect(said(r)).toContain(
      fileNote(
        '"Role" says "Light agent" for 1 user: some vendors give that role without a paid seat (Zendesk\'s light agents and contributors), but it is counted here as a licence; leave those users out of the roster if they hold no paid seat',
      ),
    );
  });
});

describe("the figures do not depend on row order, delimiter or encoding", () => {
  const FIXTURES = [
    "servicenow-sys-user.csv",
    "atlassian-export-users.csv",
    "jira-service-management-agents.csv",
    "haloitsm-agents.csv",
    "freshservice-agents.csv",
    "zendesk-agents.csv",
  ];
  const NOW = Date.UTC(2026, 9, 1);

  async function figures(bytes: Uint8Array, name: string) {
    const read = await readRosterFile(bytes, name);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const r = rightsize(read.value.roster ?? [], {
      now: NOW,
      rate: major(70, currency("GBP")),
      ratePeriod: "month",
    });
    if (!r.ok) throw new Error("expected ok");
    const { provisioned, active, removable, recommended, counts, unpriced, annualSaving } = r.value;
    return { provisioned, active, removable, recommended, counts, unpriced, annualSaving };
  }

  it.each(FIXTURES)(
    "%s: shuffled, semicolon-separated or UTF-16, the same figures",
    async (name) => {
      const [header, ...rows] = readFileSync(path(name), "utf8").trimEnd().split("\n");
      const expected = await figures(exportBytes(name), name);
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(rows, { minLength: rows.length }),
          fc.constantFrom("csv", "semicolon", "utf16"),
          async (shuffled, form) => {
            let text = [header, ...shuffled].join("\n");
            // No value in these fixtures holds a comma or a semicolon, so swapping is exact.
            if (form === "semicolon") text = text.replaceAll(",", ";");
            const bytes =
              form === "utf16"
                ? new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))])
                : csvBytes(text);
            expect(await figures(bytes, name)).toEqual(expected);
          },
        ),
        { numRuns: 12, seed: 10 },
      );
    },
  );
});
