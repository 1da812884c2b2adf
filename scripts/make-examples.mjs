#!/usr/bin/env node
// Writes the example files in examples/ that the README and `help` examples use: a month of
// sessions, the matching roster (CSV and XLSX), and a Windows-style logon event log. Every person
// is fictional (personNNNN@example.com); the data is generated from a fixed seed, so running this
// again writes the same files. Run: node scripts/make-examples.mjs
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { rng } from "../bench/generate-org.mjs";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = Date.UTC(2026, 8, 7); // Monday 7 September 2026, four weeks
const USERS = 120;
const out = new URL("../examples/", import.meta.url);

const r = rng(20260907);
const iso = (ms) => new Date(Math.round(ms / MIN) * MIN).toISOString().replace(".000Z", "Z");
const email = (i) => `person${String(i).padStart(4, "0")}@example.com`;
const roleOf = (i) => (i < USERS * 0.3 ? "Agent" : i < USERS * 0.4 ? "Team Lead" : "Occasional");
const groupOf = (i) => (i < USERS * 0.4 ? "Service Desk" : ["HR", "Finance", "Facilities"][i % 3]);

// Sessions: agents on early/day/late shifts with a lunch break, leads shorter, occasional users
// a 20–120 minute session on 15% of weekdays; 8% absence; 2% of logouts missing.
const sessions = ["Agent Email,Login Time,Logout Time"];
const lastLogin = new Map();
const add = (i, start, minutes) => {
  const end = r() < 0.02 ? "" : iso(start + minutes * MIN);
  sessions.push(`${email(i)},${iso(start)},${end}`);
  lastLogin.set(i, Math.max(lastLogin.get(i) ?? 0, start));
};
for (let i = 0; i < USERS; i++) {
  const role = roleOf(i);
  const shift = [7, 9, 9, 13][i % 4];
  for (let d = 0; d < 28; d++) {
    if (d % 7 >= 5) continue;
    const day = START + d * DAY;
    if (role === "Occasional") {
      if (r() < 0.15) add(i, day + (8 + r() * 9) * 60 * MIN, 20 + r() * 100);
      continue;
    }
    if (r() < 0.08) continue;
    const begin = day + (shift + r() * 0.5) * 60 * MIN;
    const first = role === "Agent" ? 240 + r() * 30 : 150 + r() * 60;
    add(i, begin, first);
    add(
      i,
      begin + (first + 30 + r() * 30) * MIN,
      role === "Agent" ? 200 + r() * 40 : 120 + r() * 90,
    );
  }
}
writeFileSync(new URL("sessions.csv", out), `${sessions.join("\n")}\n`);

// The roster: everyone above, plus 30 more licences that accumulated: leavers, disabled
// accounts, people who never logged in and people last seen months ago.
const roster = [
  ["Email", "Name", "Group", "Role", "Status", "Last Login", "Created", "Tickets Worked"],
];
const date = (ms) => (ms ? new Date(ms).toISOString().slice(0, 10) : "");
for (let i = 0; i < USERS; i++) {
  const role = roleOf(i);
  const tickets = role === "Occasional" ? Math.floor(r() * 9) : 60 + Math.floor(r() * 200);
  roster.push([
    email(i),
    `Person ${i}`,
    groupOf(i),
    role,
    "Active",
    date(lastLogin.get(i)),
    "2024-01-15",
    String(tickets),
  ]);
}
for (let i = USERS; i < USERS + 30; i++) {
  const kind = i % 4;
  const status = kind === 0 ? "Departed" : kind === 1 ? "Disabled" : "Active";
  const last = kind === 2 ? undefined : START - (70 + Math.floor(r() * 200)) * DAY;
  roster.push([
    email(i),
    `Person ${i}`,
    groupOf(i),
    "Agent",
    status,
    date(last),
    "2023-06-01",
    "0",
  ]);
}
writeFileSync(new URL("roster.csv", out), `${roster.map((row) => row.join(",")).join("\n")}\n`);
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet("Agents");
for (const row of roster) sheet.addRow(row);
await book.xlsx.writeFile(new URL("roster.xlsx", out).pathname);

// A logon event log in the insider-threat style (id,date,user,pc,activity), US dates, one week.
const events = ["id,date,user,pc,activity"];
let id = 1;
const us = (ms) => {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};
for (let d = 0; d < 5; d++) {
  for (let i = 0; i < 40; i++) {
    if (i >= 12 && r() > 0.2) continue;
    // The second week (14–18 Sep): a day past the 12th shows the file writes months first.
    const start = START + (7 + d) * DAY + (8 + r() * (i < 12 ? 1 : 8)) * 60 * MIN;
    const minutes = i < 12 ? 420 + r() * 60 : 20 + r() * 90;
    events.push(
      `{E${String(id++).padStart(5, "0")}},${us(start)},${email(i)},PC-${1000 + i},Logon`,
    );
    events.push(
      `{E${String(id++).padStart(5, "0")}},${us(start + minutes * MIN)},${email(i)},PC-${1000 + i},Logoff`,
    );
  }
}
writeFileSync(new URL("logon.csv", out), `${events.join("\n")}\n`);
console.log(
  `examples/: sessions.csv ${sessions.length - 1} rows, roster.csv/.xlsx ${roster.length - 1} people, logon.csv ${events.length - 1} events`,
);
