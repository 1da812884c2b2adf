/**
 * Palo Alto GlobalProtect logs (PAN-OS 9.1+ "globalprotect" log type), as the web interface's
 * Monitor → Logs → GlobalProtect exports them to CSV ("Generated Time", "Event ID", "Stage",
 * "Source User", "Status", "Login Duration", …) or as syslog fields (`time_generated`, `eventid`,
 * `srcuser`, `status`). A connection is `gateway-connected` and its end `gateway-logout`; the
 * other events (portal-auth, gateway-auth, gateway-getconfig, gateway-hip-report, …) are steps of
 * connecting, reported by the event reader as neither. Its "Type" column (always GLOBALPROTECT)
 * would otherwise be taken for the event, so only the four columns that matter are kept.
 * "Login Duration" (seconds, on a logout) is not used: the connect and logout times give it.
 */
import { normaliseHeader } from "./columns.js";
import type { Cell, Table, TableRow } from "./table.js";

export interface GlobalProtectRead {
  readonly table: Table;
  readonly notes: string[];
}

const MEANING: Readonly<Record<string, string>> = {
  "gateway-connected": "login",
  "gateway-logout": "logout",
};

/** The table read as GlobalProtect events, or undefined when it is not a GlobalProtect log. */
export function readGlobalProtect(table: Table): GlobalProtectRead | undefined {
  const index = (...names: string[]) =>
    table.headers.findIndex((h) => names.includes(normaliseHeader(h)));
  const event = index("eventid");
  const stage = index("stage");
  const user = index("sourceuser", "srcuser");
  const time = index("generatedtime", "timegenerated");
  const status = index("status");
  if (event < 0 || stage < 0 || user < 0 || time < 0) return undefined;
  const kept = [user, time, event, ...(status < 0 ? [] : [status])];
  const rows = table.rows.map((row): TableRow => {
    const cells: Cell[] = kept.map((i) => row.cells[i] ?? null);
    const e = cells[2];
    const meaning = typeof e === "string" ? MEANING[e.trim().toLowerCase()] : undefined;
    if (meaning !== undefined) cells[2] = meaning;
    return { row: row.row, cells };
  });
  const duration = index("loginduration");
  const notes = [
    `read as Palo Alto GlobalProtect logs: "gateway-connected" is a login and "gateway-logout" a logout of "${table.headers[user]}", at "${table.headers[time]}"; the other events are steps of connecting, not logins${duration < 0 ? "" : `; "${table.headers[duration]}" not used, the two times give the length`}`,
  ];
  const plain: Table = {
    format: table.format,
    headers: kept.map((i) => table.headers[i] ?? ""),
    headerRow: table.headerRow,
    rows,
    blankRows: table.blankRows,
    date1904: table.date1904,
    rejected: table.rejected,
    notes: table.notes,
  };
  return { table: plain, notes };
}
