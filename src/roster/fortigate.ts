/**
 * FortiGate VPN event logs, as FortiAnalyzer's Log View (or the FortiGate's own log page) exports
 * them to CSV: one column per log field (`date,time,logid,type,subtype,…,action,…,user,…,duration`).
 * A tunnel opening is `action=tunnel-up` and its closing `action=tunnel-down`, words that are
 * neither a login nor a logout in plain English, so they are read as such only in a file whose
 * columns are FortiOS's own (logid, subtype and action). `ssl-login-fail` stays a failed attempt
 * (reported); any other action is left as written and reported by the event reader.
 * The `duration` of a tunnel-down (seconds the tunnel was up) is not used: the up and down times
 * give the length, and a tunnel still up at export time has no duration yet.
 */
import { normaliseHeader } from "./columns.js";
import type { Table, TableRow } from "./table.js";

export interface FortiGateRead {
  readonly table: Table;
  readonly notes: string[];
}

const MEANING: Readonly<Record<string, string>> = {
  "tunnel-up": "login",
  "tunnel-down": "logout",
};

/** The table with tunnel-up/down read as logins/logouts, or undefined when it is not FortiOS's. */
export function readFortiGate(table: Table): FortiGateRead | undefined {
  const index = (name: string) => table.headers.findIndex((h) => normaliseHeader(h) === name);
  const action = index("action");
  if (action < 0 || index("logid") < 0 || index("subtype") < 0) return undefined;
  const rows = table.rows.map((row): TableRow => {
    const cell = row.cells[action];
    const meaning = typeof cell === "string" ? MEANING[cell.trim().toLowerCase()] : undefined;
    if (meaning === undefined) return row;
    const cells = [...row.cells];
    cells[action] = meaning;
    return { row: row.row, cells };
  });
  const duration = index("duration");
  const notes = [
    `read as FortiGate VPN events: action "tunnel-up" is a login and "tunnel-down" a logout${duration < 0 ? "" : `; ${table.headers[duration]} (seconds up, on tunnel-down) not used, the two times give the length`}`,
  ];
  const plain: Table = {
    format: table.format,
    headers: table.headers,
    headerRow: table.headerRow,
    rows,
    blankRows: table.blankRows,
    date1904: table.date1904,
    rejected: table.rejected,
    notes: table.notes,
  };
  return { table: plain, notes };
}
