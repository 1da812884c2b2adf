import { describe, expect, it } from "vitest";
import { readRosterFile } from "../../src/roster/read-file.js";
import { csvBytes, utc } from "./fixtures.js";

const ROSTER = [
  "Email,Name,Department,Role,Status,Licence Type,Last Login,Created,Tickets Worked,VIP",
  'ANN@x.com,Ann,Service Desk,Agent,Active,Named,2026-03-01 09:00,2025-01-10,"1,234",Yes', // row 2
  "bob@x.com,Bob,HR,,Left,Concurrent user,never,2024-05-01,0,No", //                              row 3
  "cat@x.com,Cat,,,Suspended,,,,,", //                                                             row 4
  "ann@x.com,Ann again,,,Active,,,,,", //                                                          row 5
  "dan@x.com,,,,on leave,gold,yesterday,,many,maybe", //                                           row 6
  "eve@x.com,,,,,,,,,", //                                                                         row 7
].join("\n");

describe("rosters", () => {
  it("reads every field, maps status and licence words, and reports each bad cell", async () => {
    const r = await readRosterFile(csvBytes(ROSTER), "roster.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe("roster");
    expect(r.value.roster).toEqual([
      {
        user: "ann@x.com",
        name: "Ann",
        group: "Service Desk",
        role: "Agent",
        status: "active",
        licence: "named",
        lastLogin: utc(2026, 3, 1, 9),
        created: utc(2025, 1, 10),
        activity: 1234,
        vip: true,
      },
      {
        user: "bob@x.com",
        name: "Bob",
        group: "HR",
        status: "departed",
        licence: "concurrent",
        created: utc(2024, 5, 1),
        activity: 0,
        vip: false,
      },
      { user: "cat@x.com", name: "Cat", status: "disabled", vip: false },
      { user: "eve@x.com", status: "active", vip: false },
    ]);
    expect(r.value.rowErrors).toEqual([
      { row: 5, column: "Email", reason: "user already listed on row 2" },
      {
        row: 6,
        column: "Status",
        reason: '"on leave" is not a status: use active, invited, disabled or departed',
      },
      {
        row: 6,
        column: "Licence Type",
        reason: '"gold" is not a licence type: use named or concurrent',
      },
      { row: 6, column: "Last Login", reason: '"yesterday" is not a date' },
      { row: 6, column: "Tickets Worked", reason: '"many" is not a count of 0 or more' },
      { row: 6, column: "VIP", reason: '"maybe" is not yes or no' },
    ]);
    expect(r.value.rowWarnings).toEqual([
      { row: 7, column: "Status", reason: "no status; counted as active" },
    ]);
    expect(r.value.summary).toMatchObject({
      rows: 6,
      used: 4,
      skipped: 2,
      users: 4,
      duplicates: 1,
      sessions: 0,
    });
  });

  it("counts everyone active when there is no status column, and says so", async () => {
    const r = await readRosterFile(csvBytes("E-mail Address;Agent Name\na@x.com;A\n"), "r.csv");
    expect(r.ok && r.value.roster).toEqual([{ user: "a@x.com", name: "A", status: "active" }]);
    expect(r.ok && r.value.notes).toEqual([
      "semicolon-separated",
      "no status column: every user counted as active",
    ]);
  });
});
