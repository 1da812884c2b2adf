/**
 * Class 9 of issue 10: the words rosters use for "never logged in" and for account states, each
 * read with a stated meaning; unknown words never counted as active; "Is Disabled" read inverted.
 */
import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { csvBytes, utc } from "./fixtures.js";

async function read(text: string, options = {}) {
  const r = await readRosterFile(csvBytes(text), "agents.csv", options);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("last-login words meaning never", () => {
  it("reads Never accessed, Never logged in, Never, -, N/A and zero dates as no login", async () => {
    const r = await read(
      [
        "Email,Status,Last Login,Created",
        "a@x.com,Active,Never accessed,2024-01-01",
        "b@x.com,Active,Never logged in,2024-01-01",
        "c@x.com,Active,Never,2024-01-01",
        "d@x.com,Active,-,2024-01-01",
        "e@x.com,Active,N/A,2024-01-01",
        "f@x.com,Active,0000-00-00,2024-01-01",
        "g@x.com,Active,2026-03-01,2024-01-01",
      ].join("\n"),
    );
    expect(r.rowErrors).toEqual([]);
    expect(r.roster?.map((u) => u.lastLogin)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      utc(2026, 3, 1),
    ]);
    expect(r.notes).toContain(
      `1 row's last login "0000-00-00" (a placeholder date) read as never logged in: row 7`,
    );
  });
});

describe("status words", () => {
  const ROSTER = [
    "Email,Status,Last Login,Created",
    "a@x.com,Active,2026-09-30,2024-01-01", //             row 2
    "b@x.com,Invited,,2026-09-20", //                       row 3
    "c@x.com,Pending activation,,2024-01-01", //           row 4
    "d@x.com,Suspended,2026-01-05,2024-01-01", //          row 5
    "e@x.com,Deactivated,2025-12-01,2024-01-01", //        row 6
    "f@x.com,Locked,2026-09-01,2024-01-01", //             row 7
    "g@x.com,Disabled,2026-02-01,2024-01-01", //           row 8
    "h@x.com,Inactive,2026-02-01,2024-01-01", //           row 9
    "i@x.com,Archived,2025-02-01,2023-01-01", //           row 10
    "j@x.com,Deleted,2025-02-01,2023-01-01", //            row 11
    "k@x.com,Pending,,2024-01-01", //                      row 12
    "l@x.com,Frozen,2026-09-01,2024-01-01", //             row 13
    "m@x.com,On leave,2026-09-01,2024-01-01", //           row 14
    "n@x.com,Frozen,2026-09-01,2024-01-01", //             row 15
  ].join("\n");

  it("gives every word a meaning and says which, per word", async () => {
    const r = await read(ROSTER);
    expect(r.roster?.map((u) => [u.user, u.status, u.invited ?? false])).toEqual([
      ["a@x.com", "active", false],
      ["b@x.com", "active", true],
      ["c@x.com", "active", true],
      ["d@x.com", "disabled", false],
      ["e@x.com", "disabled", false],
      ["f@x.com", "disabled", false],
      ["g@x.com", "disabled", false],
      ["h@x.com", "disabled", false],
      ["i@x.com", "departed", false],
      ["j@x.com", "departed", false],
      ["k@x.com", "active", true],
    ]);
    expect(r.notes).toContain(
      '"Status" read as invited for "Pending activation" (1 user) and "Pending" (1 user); disabled for "Suspended" (1 user), "Deactivated" (1 user), "Locked" (1 user) and "Inactive" (1 user); departed for "Archived" (1 user) and "Deleted" (1 user)',
    );
    expect(r.notes).toContain(
      "3 users invited or pending: the account holds a licence but nobody has logged in with it yet",
    );
  });

  it("never counts an unknown word as active: the rows are skipped and the words listed", async () => {
    const r = await read(ROSTER);
    expect(r.rowErrors).toEqual([
      {
        row: 13,
        column: "Status",
        reason: '"Frozen" is not a status: use active, invited, disabled or departed',
      },
      {
        row: 14,
        column: "Status",
        reason: '"On leave" is not a status: use active, invited, disabled or departed',
      },
      {
        row: 15,
        column: "Status",
        reason: '"Frozen" is not a status: use active, invited, disabled or departed',
      },
    ]);
    expect(r.summary).toMatchObject({ rows: 14, used: 11, skipped: 3, users: 11 });
    expect(r.notes).toContain(
      '"Frozen" in "Status" is not a status I know, so those users were not counted (rows 13, 15): use active, invited, disabled or departed',
    );
    expect(r.notes).toContain(
      '"On leave" in "Status" is not a status I know, so that user was not counted (row 14): use active, invited, disabled or departed',
    );
  });

  it('reads "Is Disabled" inverted: True is a disabled account, not an active one', async () => {
    const r = await read(
      [
        "Name,Email,Is Disabled,Last Login Date",
        "Ann,a@x.com,False,2026-09-30",
        "Bob,b@x.com,True,2026-01-02",
        "Cat,c@x.com,maybe,2026-09-30",
      ].join("\n"),
    );
    expect(r.mapping).toContainEqual({ field: "status", header: "Is Disabled" });
    expect(r.roster?.map((u) => [u.user, u.status])).toEqual([
      ["a@x.com", "active"],
      ["b@x.com", "disabled"],
    ]);
    expect(r.rowErrors).toEqual([
      { row: 4, column: "Is Disabled", reason: '"maybe" is not yes or no' },
    ]);
    expect(r.notes).toContain(
      '"Is Disabled" read as the status: yes means disabled (1 user), no means active',
    );
    expect(r.notes).not.toContain("no status column: every user counted as active");
  });

  it("reads a locked-out flag beside the status column: yes there is disabled", async () => {
    const r = await read(
      [
        "user_name,active,locked_out,last_login_time,sys_created_on",
        "ann,true,false,2026-09-30 09:00:00,2024-01-01 10:00:00",
        "bob,true,true,2026-09-29 09:00:00,2024-01-01 10:00:00",
        "cat,false,true,2026-01-01 09:00:00,2024-01-01 10:00:00",
      ].join("\n"),
    );
    expect(r.roster?.map((u) => [u.user, u.status])).toEqual([
      ["ann", "active"],
      ["bob", "disabled"],
      ["cat", "disabled"],
    ]);
    expect(r.notes).toContain('"active" read as disabled for "false" (1 user)');
    expect(r.notes).toContain(
      '"locked_out" read beside "active": yes there counts the account as disabled (2 users)',
    );
  });
});

describe("flag columns", () => {
  it("reads ServiceNow's display labels the same way as its field names", async () => {
    const r = await read(
      [
        '"User ID","Name","Email","Active","Locked out","Last login time","Created"',
        '"ann","Ann","ann@x.com","true","false","2026-09-30 09:00:00","2024-01-01 10:00:00"',
        '"bob","Bob","bob@x.com","true","true","2026-09-29 09:00:00","2024-01-01 10:00:00"',
      ].join("\n"),
    );
    expect(r.roster?.map((u) => [u.user, u.status])).toEqual([
      ["ann@x.com", "active"],
      ["bob@x.com", "disabled"],
    ]);
    expect(r.notes).toContain(
      '"Locked out" read beside "Active": yes there counts the account as disabled (1 user)',
    );
  });

  it("reads a lone locked-out column as the status, inverted, so no one is assumed active", async () => {
    const r = await read(["Email,Locked Out", "a@x.com,No", "b@x.com,Yes"].join("\n"));
    expect(r.mapping).toContainEqual({ field: "status", header: "Locked Out" });
    expect(r.roster?.map((u) => u.status)).toEqual(["active", "disabled"]);
    expect(r.notes).not.toContain("no status column: every user counted as active");
  });

  it("does not call an empty status active when the locked-out flag says otherwise", async () => {
    const r = await read(["Email,Status,locked_out", "a@x.com,,true", "b@x.com,,false"].join("\n"));
    expect(r.roster?.map((u) => u.status)).toEqual(["disabled", "active"]);
    expect(r.rowWarnings).toEqual([
      { row: 3, column: "Status", reason: "no status; counted as active" },
    ]);
  });

  it('leaves a "Suspended" column of dates alone (it is not a yes/no flag)', async () => {
    const r = await read(
      ["Email,Status,Suspended", "a@x.com,Active,", "b@x.com,Suspended,2026-02-01"].join("\n"),
    );
    expect(r.rowErrors).toEqual([]);
    expect(r.roster?.map((u) => u.status)).toEqual(["active", "disabled"]);
  });
});

describe("new accounts without a created date", () => {
  it("says a new account cannot be told from one never used", async () => {
    const r = await read(
      ["Email,Status,Last Login", "a@x.com,Active,2026-09-30", "b@x.com,Active,"].join("\n"),
    );
    expect(r.notes).toContain(
      "no created-date column: a new account that has not logged in yet cannot be told from one never used, so both count as never logged in",
    );
  });

  it("says nothing of it when the created date is there", async () => {
    const r = await read(
      ["Email,Status,Last Login,Created", "a@x.com,Active,2026-09-30,2024-01-01"].join("\n"),
    );
    expect(r.notes.some((n) => n.startsWith("no created-date column"))).toBe(false);
  });
});
