/**
 * FreeRADIUS accounting (`radacct`, exported from its SQL database): one row per session with
 * `acctstarttime`, `acctupdatetime` (the last interim update) and `acctstoptime`. A NULL stop time
 * is a session still open when the table was exported: its last interim update is the latest time
 * it is known to have been online, so that is read as its end (and said); with no interim update
 * (the update time is empty or the start time itself) the stop is left blank, and the session is
 * closed at the session timeout like any login with no logout. `acctsessiontime` (seconds online)
 * is not used: the two times say the same, and an open session's count stops at its last update.
 */
import { cellText } from "./cells.js";
import { normaliseHeader } from "./columns.js";
import { placeholderOf } from "./sentinel-dates.js";
import type { Cell, Table, TableRow } from "./table.js";

export interface RadacctRead {
  readonly table: Table;
  readonly notes: string[];
}

/** What SQL clients write for a missing value. */
const NULLS = new Set(["", "null", "\\n", "(null)", "<null>"]);

function noStop(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell === "string" && NULLS.has(cell.trim().toLowerCase())) return true;
  return placeholderOf(cell) === "zero";
}

const rowList = (rows: readonly number[]) =>
  rows.length <= 5
    ? `row${rows.length === 1 ? "" : "s"} ${rows.join(", ")}`
    : `rows ${rows.slice(0, 5).join(", ")}, …`;

/** The table with open sessions' ends settled, or undefined when it is not a radacct export. */
export function readRadacct(table: Table): RadacctRead | undefined {
  const index = (name: string) => table.headers.findIndex((h) => normaliseHeader(h) === name);
  const start = index("acctstarttime");
  const stop = index("acctstoptime");
  const update = index("acctupdatetime");
  const sessionTime = index("acctsessiontime");
  if (start < 0 || stop < 0) return undefined;
  const stopHeader = table.headers[stop] ?? "acctstoptime";
  const updateHeader = table.headers[update] ?? "acctupdatetime";
  const toUpdate: number[] = [];
  const toTimeout: number[] = [];
  const rows: TableRow[] = table.rows.map((row) => {
    const stopCell = row.cells[stop] ?? null;
    if (!noStop(stopCell)) return row;
    const updateCell = update < 0 ? null : (row.cells[update] ?? null);
    const interim =
      !noStop(updateCell) && cellText(updateCell) !== cellText(row.cells[start] ?? null);
    const cells = [...row.cells];
    if (interim) {
      cells[stop] = updateCell;
      toUpdate.push(row.row);
    } else {
      cells[stop] = "";
      // Its seconds online stop at the last update (0 with none): not how long it lasted.
      if (sessionTime >= 0) cells[sessionTime] = "";
      toTimeout.push(row.row);
    }
    return { row: row.row, cells };
  });
  const notes = [
    `read as FreeRADIUS accounting (radacct): each row one session from ${table.headers[start]} to ${stopHeader}; acctsessiontime (seconds) not used, the two times give the length`,
  ];
  if (toUpdate.length > 0) {
    notes.push(
      `${toUpdate.length} ${toUpdate.length === 1 ? "session was" : "sessions were"} still open when the table was exported (${stopHeader} empty or NULL): read as ending at the last interim update (${updateHeader}), the latest time known online (${rowList(toUpdate)})`,
    );
  }
  if (toTimeout.length > 0) {
    notes.push(
      `${toTimeout.length} ${toTimeout.length === 1 ? "session was" : "sessions were"} still open with no interim update (${stopHeader} empty or NULL): closed at the session timeout (${rowList(toTimeout)})`,
    );
  }
  return { table: { ...tableFields(table), rows }, notes };
}

/** A Table's fields as a plain object (a LinesTable keeps them on its prototype). */
function tableFields(t: Table): Table {
  return {
    format: t.format,
    headers: t.headers,
    headerRow: t.headerRow,
    rows: t.rows,
    blankRows: t.blankRows,
    date1904: t.date1904,
    rejected: t.rejected,
    notes: t.notes,
  };
}
