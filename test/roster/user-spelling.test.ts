import { describe, expect, it } from "vitest";
import { asWritten, readRosterFile } from "../../src/roster/read-file.js";
import { csvBytes } from "./fixtures.js";

async function read(text: string, name: string) {
  const r = await readRosterFile(csvBytes(text), name);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

// Users are matched on the key (trimmed, spaces collapsed, lower case) and shown as first written.
describe("user ids as written", () => {
  it("keeps a session log's first spelling of each key, padding trimmed", async () => {
    const log = [
      "Agent Email,Login Time,Logout Time",
      ",2026-03-02 08:00,2026-03-02 09:00", //                          row 2: no user
      "Ann  Lee,2026-03-02 25:00,2026-03-02 10:00", //                  row 3: bad date, not used
      "Alice.Smith@Example.com,2026-03-02 09:00,2026-03-02 10:00", //  row 4
      " alice.smith@example.com ,2026-03-02 11:00,2026-03-02 12:00", // row 5: same person
      "ann lee,2026-03-02 09:00,2026-03-02 10:00", //                   row 6
      "ANN LEE,2026-03-02 11:00,2026-03-02 12:00", //                   row 7: same person
    ].join("\n");
    const r = await read(log, "sessions.csv");
    // Matching is unchanged: two people, each with two sessions under the key.
    expect(r.summary.users).toBe(2);
    expect(r.sessions?.map((s) => s.user)).toEqual([
      "alice.smith@example.com",
      "ann lee",
      "alice.smith@example.com",
      "ann lee",
    ]);
    // Row 3 ("Ann  Lee") was not used, so ann's first spelling is row 6's.
    expect([...r.userSpelling]).toEqual([
      ["alice.smith@example.com", "Alice.Smith@Example.com"],
      ["ann lee", "ann lee"],
    ]);
  });

  it("keeps an event log's first spelling across devices", async () => {
    const log = [
      "user,date,pc,activity",
      "DTAA/Kee0997,2010-01-02 07:00,PC-1,Logon", //  row 2
      "dtaa/kee0997,2010-01-02 08:00,PC-2,Logon", //  row 3: another PC, same person
      "DTAA/KEE0997,2010-01-02 09:00,PC-2,Logoff", // row 4
      "DTAA/KEE0997,2010-01-02 17:00,PC-1,Logoff", // row 5
    ].join("\n");
    const r = await read(log, "logon.csv");
    expect(r.kind).toBe("events");
    expect(r.summary.users).toBe(1);
    expect([...r.userSpelling]).toEqual([["dtaa/kee0997", "DTAA/Kee0997"]]);
  });

  it("keeps a roster's spelling of each listed user, the first row of a repeated one", async () => {
    const roster = [
      "Email,Name,Status",
      "Ann.Lee@X.com,Ann,Active", //    row 2
      "BOB@x.com,Bob,Left", //          row 3
      "ann.lee@x.com,Ann again,Active", // row 4: repeats row 2
    ].join("\n");
    const r = await read(roster, "roster.csv");
    expect(r.roster?.map((u) => u.user)).toEqual(["ann.lee@x.com", "bob@x.com"]);
    expect(r.rowErrors).toEqual([
      { row: 4, column: "Email", reason: "user already listed on row 2" },
    ]);
    expect([...r.userSpelling]).toEqual([
      ["ann.lee@x.com", "Ann.Lee@X.com"],
      ["bob@x.com", "BOB@x.com"],
    ]);
  });

  it("looks a key up in each spelling map in turn, else shows the key", () => {
    const file = new Map([["a@x.com", "A@x.com"]]);
    const roster = new Map([
      ["a@x.com", "a@X.COM"],
      ["b@x.com", "B@x.com"],
    ]);
    expect(asWritten("a@x.com", file, roster)).toBe("A@x.com");
    expect(asWritten("b@x.com", file, roster)).toBe("B@x.com");
    expect(asWritten("c@x.com", file, undefined, roster)).toBe("c@x.com");
  });
});
