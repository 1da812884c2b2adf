/**
 * Windows Security event exports — Event Viewer's "Save All Events As… CSV", `Get-WinEvent |
 * Export-Csv` (`Id`, `TimeCreated`, `Message`) and `Get-EventLog -LogName Security | Export-Csv`
 * (`EventID`, `TimeGenerated`, `UserName`, `Message`) — rewritten as a plain event log the events
 * reader pairs: the time, the event id (4624 logon, 4634/4647 logoff, 4625 failed logon), the
 * person's account and the Logon ID that ties a logoff to its logon.
 *
 * What is left out is reported row by row, never silently: other event ids (4672, 4648…), logons
 * that are not a person signing in (Logon Type 3 network, 5 service…: only 2 interactive, 10
 * remote desktop and 11 cached interactive count), computer accounts (ending in `$`) and Windows'
 * own accounts (SYSTEM, DWM-1…), and the 4634 Windows writes after a 4647 for the same logon.
 */
import { cellText } from "./cells.js";
import { normaliseHeader } from "./columns.js";
import type { RowIssue } from "./row-issue.js";
import type { Cell, Table, TableRow } from "./table.js";
import { FAILED_LOGON_IDS, LOGOFF_IDS, LOGON_IDS, USER_LOGOFF_IDS } from "./windows-event-ids.js";
import { logonIdOf, readWindowsMessage } from "./windows-message.js";

const READ_IDS = new Set([...LOGON_IDS, ...LOGOFF_IDS, ...USER_LOGOFF_IDS, ...FAILED_LOGON_IDS]);

/** Logon types that are a person at a session: interactive, remote desktop, cached interactive. */
const PERSON_TYPES = new Set(["2", "10", "11"]);
const TYPE_NAMES: Readonly<Record<string, string>> = {
  "2": "interactive",
  "3": "network",
  "4": "batch",
  "5": "service",
  "7": "unlock",
  "8": "network cleartext",
  "9": "new credentials",
  "10": "remote desktop",
  "11": "cached interactive",
  "12": "cached remote interactive",
  "13": "cached unlock",
};
const EVENT_NAMES: Readonly<Record<string, string>> = {
  "4648": "a logon with explicit credentials",
  "4672": "special privileges assigned to a new logon",
  "4768": "a Kerberos ticket requested",
  "4769": "a Kerberos service ticket requested",
  "4776": "a credential validation",
  "4778": "a session reconnected",
  "4779": "a session disconnected",
  "4800": "the workstation locked",
  "4801": "the workstation unlocked",
};
/** Accounts Windows itself logs on with. */
const SYSTEM_ACCOUNTS = /^(system|local service|network service|anonymous logon|(dwm|umfd)-\d+)$/i;
const SYSTEM_DOMAINS = /^(nt authority|window manager|font driver host)$/i;

const find = (headers: readonly string[], names: readonly string[]) => {
  for (const name of names) {
    const i = headers.findIndex((h) => normaliseHeader(h) === name);
    if (i >= 0) return i;
  }
  return -1;
};

interface Columns {
  readonly id: number;
  readonly time: number;
  readonly message: number;
  readonly targetUser: number;
  readonly userName: number;
  readonly logonType: number;
  readonly logonId: number;
  readonly machine: number;
}

function columnsOf(headers: readonly string[]): Columns | undefined {
  const c: Columns = {
    id: find(headers, ["eventid", "id", "instanceid"]),
    time: find(headers, ["timecreated", "timegenerated", "dateandtime"]),
    message: find(headers, ["message", "description"]),
    targetUser: find(headers, ["targetusername"]),
    userName: find(headers, ["username", "accountname"]),
    logonType: find(headers, ["logontype"]),
    logonId: find(headers, ["targetlogonid", "logonid"]),
    machine: find(headers, ["machinename", "computer", "computername"]),
  };
  const hasUser = c.message >= 0 || c.targetUser >= 0;
  return c.id >= 0 && c.time >= 0 && hasUser ? c : undefined;
}

const at = (row: TableRow, i: number): Cell => (i < 0 ? null : (row.cells[i] ?? null));
const text = (row: TableRow, i: number): string => cellText(at(row, i));

/** The rewritten table's account and session columns: names the events reader maps without help. */
const HEADERS = ["Account Name", "Logon ID"] as const;

export interface WindowsRead {
  readonly table: Table;
  readonly notes: string[];
}

/**
 * The Windows Security events in `table` as a plain event log, or undefined when it is not such
 * an export (no event id, time and message or account column, or no logon event id in any row).
 */
export function readWindowsSecurity(table: Table, fileName: string): WindowsRead | undefined {
  const c = columnsOf(table.headers);
  if (c === undefined) return undefined;
  const rows = table.rows;
  if (!rows.some((r) => READ_IDS.has(text(r, c.id)))) return undefined;
  const messageHeader = c.message < 0 ? null : (table.headers[c.message] ?? null);
  const idHeader = table.headers[c.id] ?? null;
  const typeHeader = c.logonType >= 0 ? (table.headers[c.logonType] ?? null) : messageHeader;
  const rejected: RowIssue[] = [...table.rejected];
  const kept: { row: TableRow; id: string; user: string; session: string }[] = [];
  const otherIds = new Map<string, number>();
  const otherTypes = new Map<string, number>();
  let typed = 0;
  let fromMessage = 0;
  for (const row of rows) {
    const id = text(row, c.id);
    if (!READ_IDS.has(id)) {
      otherIds.set(id, (otherIds.get(id) ?? 0) + 1);
      const name = EVENT_NAMES[id];
      rejected.push({
        row: row.row,
        column: idHeader,
        reason: `event ${id}${name === undefined ? "" : ` (${name})`} is not a logon or logoff`,
      });
      continue;
    }
    const parsed = readWindowsMessage(text(row, c.message));
    const targetUser = text(row, c.targetUser);
    const account =
      (targetUser !== "" && targetUser !== "-" ? targetUser : undefined) ??
      parsed.account ??
      (text(row, c.userName) || undefined);
    if (account === parsed.account && account !== undefined) fromMessage++;
    const logonType = (c.logonType >= 0 ? text(row, c.logonType) : "") || parsed.logonType;
    const logonId = logonIdOf(text(row, c.logonId)) ?? parsed.logonId;
    const refuse = (column: string | null, reason: string) =>
      rejected.push({ row: row.row, column, reason });
    const userColumn = c.targetUser >= 0 ? (table.headers[c.targetUser] ?? null) : messageHeader;
    if (account === undefined) {
      refuse(userColumn, `no Account Name in event ${id}: whose logon it is can't be told`);
      continue;
    }
    // A "DOMAIN\user" value: the account is the part after the backslash.
    const bare = account.includes("\\") ? (account.split("\\").pop() ?? account) : account;
    if (bare.endsWith("$")) {
      refuse(userColumn, `"${bare}" is a computer account (its name ends in $), not a person`);
      continue;
    }
    if (SYSTEM_ACCOUNTS.test(bare) || SYSTEM_DOMAINS.test(parsed.domain ?? "")) {
      refuse(userColumn, `"${bare}" is an account Windows itself uses, not a person`);
      continue;
    }
    if (logonType !== undefined && !FAILED_LOGON_IDS.has(id) && !USER_LOGOFF_IDS.has(id)) {
      typed++;
      if (!PERSON_TYPES.has(logonType)) {
        otherTypes.set(logonType, (otherTypes.get(logonType) ?? 0) + 1);
        const name = TYPE_NAMES[logonType];
        refuse(
          typeHeader,
          `Logon Type ${logonType}${name === undefined ? "" : ` (${name})`} is not a person signing in: only types 2 (interactive), 10 (remote desktop) and 11 (cached interactive) are counted`,
        );
        continue;
      }
    }
    const machine = text(row, c.machine);
    const session = logonId === undefined ? "" : machine === "" ? logonId : `${machine} ${logonId}`;
    kept.push({ row, id, user: bare, session });
  }
  // Windows writes a 4634 after a user's own 4647 logoff of the same logon: one logoff, not two.
  const userLogoffs = new Map<string, number>();
  for (const k of kept) {
    if (USER_LOGOFF_IDS.has(k.id) && k.session !== "") {
      userLogoffs.set(`${k.user.toLowerCase()} ${k.session}`, k.row.row);
    }
  }
  const out: TableRow[] = [];
  for (const k of kept) {
    const first = userLogoffs.get(`${k.user.toLowerCase()} ${k.session}`);
    if (LOGOFF_IDS.has(k.id) && first !== undefined) {
      rejected.push({
        row: k.row.row,
        column: idHeader,
        reason: `the logoff of row ${first} (event 4647) written again by Windows: counted once`,
      });
      continue;
    }
    out.push({ row: k.row.row, cells: [at(k.row, c.time), k.id, k.user, k.session] });
  }
  const notes = [
    `read as Windows Security events: 4624 logons paired with 4634 or 4647 logoffs${kept.some((k) => k.session !== "") ? " of the same Logon ID" : " of the same account"}; 4625 failed logons left out and reported${fromMessage > 0 && messageHeader !== null ? `; the account is the one logging on in "${messageHeader}", without its domain` : ""}`,
  ];
  if (otherIds.size > 0) notes.push(otherIdsNote(otherIds));
  if (otherTypes.size > 0) notes.push(otherTypesNote(otherTypes));
  if (typed === 0) {
    notes.push(
      `${fileName} gives no Logon Type: every 4624 is counted as a person signing in (network and service logons, types 3 and 5, cannot be told apart)`,
    );
  }
  rejected.sort((a, b) => a.row - b.row);
  return {
    table: {
      format: table.format,
      // The file's own event id header when the events reader knows it ("Event ID", "EventID").
      headers: [
        table.headers[c.time] ?? "",
        normaliseHeader(idHeader ?? "") === "eventid" ? (idHeader ?? "") : "Event ID",
        ...HEADERS,
      ],
      headerRow: table.headerRow,
      rows: out,
      blankRows: table.blankRows,
      date1904: table.date1904,
      rejected,
      notes: table.notes,
    },
    notes,
  };
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

const tally = (counts: ReadonlyMap<string, number>, label: (key: string) => string) =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => `${label(key)} ×${n}`)
    .join(", ");

function otherIdsNote(counts: ReadonlyMap<string, number>): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return `${plural(total, "event is not a logon or logoff", "events are not logons or logoffs")} (${tally(counts, (id) => id)}): left out, listed in the skipped rows`;
}

function otherTypesNote(counts: ReadonlyMap<string, number>): string {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const label = (t: string) => `type ${t}${TYPE_NAMES[t] === undefined ? "" : ` ${TYPE_NAMES[t]}`}`;
  return `${plural(total, "logon or logoff is", "logons and logoffs are")} not a person signing in (${tally(counts, label)}): left out; only interactive (2), remote desktop (10) and cached interactive (11) logons are counted`;
}
