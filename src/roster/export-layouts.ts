/**
 * Exports whose layout needs more than column names to read right: Windows Security events (the
 * person is inside the message text) and FreeRADIUS radacct (a NULL stop time is a session still
 * open). Each is recognised by its columns and rewritten into a table the ordinary readers read,
 * with notes saying how; any other table passes through unchanged.
 */
import { readRadacct } from "./radacct.js";
import type { Table } from "./table.js";
import { readWindowsSecurity } from "./windows-security.js";

export interface LayoutRead {
  readonly table: Table;
  readonly notes: readonly string[];
}

export function readExportLayout(table: Table, fileName: string): LayoutRead {
  return readWindowsSecurity(table, fileName) ?? readRadacct(table) ?? { table, notes: [] };
}
