/**
 * Exports whose layout needs more than column names to read right: Windows Security events (the
 * person is inside the message text) and FreeRADIUS radacct (a NULL stop time is a session still
 * open). Each is recognised by its columns and rewritten into a table the ordinary readers read,
 * with notes saying how; any other table passes through unchanged.
 */
import { readFortiGate } from "./fortigate.js";
import { readGlobalProtect } from "./globalprotect.js";
import { readRadacct } from "./radacct.js";
import type { Table } from "./table.js";
import { readWindowsSecurity } from "./windows-security.js";

export interface LayoutRead {
  readonly table: Table;
  readonly notes: readonly string[];
}

/**
 * `mapped` is true when the user named columns with --map: the Windows rewrite, which replaces the
 * file's columns with its own, then stands aside so the columns they named are the ones read.
 */
export function readExportLayout(table: Table, fileName: string, mapped: boolean): LayoutRead {
  const windows = mapped ? undefined : readWindowsSecurity(table, fileName);
  return (
    windows ??
    readRadacct(table) ??
    readFortiGate(table) ??
    readGlobalProtect(table) ?? {
      table,
      notes: [],
    }
  );
}
