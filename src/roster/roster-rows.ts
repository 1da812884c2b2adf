/**
 * Roster rows → RosterUser, one per user. Status words map to active / invited / disabled /
 * departed (no status column: everyone is active, noted by the caller; an empty status cell is
 * active with a warning; an unknown word skips the row). A user listed twice keeps the first row;
 * the second is reported.
 */
import type { RosterUser } from "../core/usage.js";
import { cellAt, cellText, headerOf, isBlank, userKey, userSpelling } from "./cells.js";
import type { ColumnMap, Field } from "./columns.js";
import { type DateContext, readDateCell } from "./dates.js";
import { AccountStatusReader } from "./roster/account-status.js";
import { flagOf, licenceOf, mayBeFreeSeat, meansNever } from "./roster-values.js";
import type { RowIssue } from "./row-issue.js";
import { type PlaceholderKind, PlaceholderNotes, placeholderReason } from "./sentinel-dates.js";
import type { TableRow } from "./table.js";

export interface RosterRowsContext {
  readonly headers: readonly string[];
  readonly columns: ColumnMap;
  readonly dates: DateContext;
}

export interface RosterRowsResult {
  readonly users: RosterUser[];
  /** Each listed user's key → the id as written on their row, in roster order. */
  readonly spelling: Map<string, string>;
  readonly errors: RowIssue[];
  readonly warnings: RowIssue[];
  readonly duplicates: number;
  /** Placeholder dates read as never or unknown, one line per value written (for the reply). */
  readonly notes: string[];
}

/** A last login of 0000-00-00, 0001-01-01 or epoch zero is "never"; 9999-12-31 is refused. */
const NEVER: ReadonlySet<PlaceholderKind> = new Set(["zero", "far-past", "epoch"]);
const DATE_FIELDS = {
  lastLogin: { label: "last login", what: "last login" },
  created: { label: "created", what: "created date" },
} as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

export function rosterRows(rows: readonly TableRow[], ctx: RosterRowsContext): RosterRowsResult {
  const { headers, columns } = ctx;
  const header = (f: Field) => headerOf(headers, columns, f);
  const users: RosterUser[] = [];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const firstRow = new Map<string, number>();
  const spelling = new Map<string, string>();
  let duplicates = 0;
  const statuses = new AccountStatusReader(headers, columns);
  let invited = 0;
  /** Role as written → users, for roles some vendors do not charge a seat for. */
  const freeRoles = new Map<string, number>();
  const placeholders = new PlaceholderNotes({
    "last login": "never logged in",
    created: "no created date",
  });
  for (const row of rows) {
    const problems: RowIssue[] = [];
    const problem = (field: Field, reason: string) =>
      problems.push({ row: row.row, column: header(field), reason });
    const text = (field: Field) => cellText(cellAt(row, columns, field));
    const userCell = cellAt(row, columns, "user");
    const user = userKey(userCell);
    if (user === undefined) problem("user", "no user");

    const statusRead = statuses.read(row);
    for (const p of statusRead.problems) problems.push({ row: row.row, ...p });
    const { noStatus } = statusRead;
    const meaning = statusRead.meaning ?? { status: "active" };
    const entry: Mutable<RosterUser> = { user: user ?? "", status: meaning.status };
    if (meaning.invited) entry.invited = true;
    const name = text("name");
    if (name !== "") entry.name = name;
    const group = text("group");
    if (group !== "") entry.group = group;
    const role = text("role");
    if (role !== "") entry.role = role;

    const licence = text("licence");
    if (licence !== "") {
      const kind = licenceOf(licence);
      if (kind === undefined)
        problem("licence", `"${licence}" is not a licence type: use named or concurrent`);
      else entry.licence = kind;
    }
    // Noted only if the row is used: a skipped row is reported for its own problem.
    const pending: [string, string][] = [];
    for (const field of ["lastLogin", "created"] as const) {
      const cell = cellAt(row, columns, field);
      if (isBlank(cell) || (typeof cell === "string" && meansNever(cell))) continue;
      const read = readDateCell(cell, ctx.dates);
      const { label, what } = DATE_FIELDS[field];
      if (read.ok) entry[field] = read.ms;
      else if (read.placeholder !== undefined && NEVER.has(read.placeholder)) {
        pending.push([label, cellText(cell)]);
      } else if (read.placeholder !== undefined) {
        problem(field, placeholderReason(cellText(cell), read.placeholder, what));
      } else problem(field, read.reason);
    }
    const activityCell = cellAt(row, columns, "activity");
    if (!isBlank(activityCell)) {
      const raw = cellText(activityCell);
      const value =
        typeof activityCell === "number"
          ? activityCell
          : NUMBER.test(raw)
            ? Number(raw.replaceAll(",", ""))
            : Number.NaN;
      if (Number.isFinite(value) && value >= 0) entry.activity = value;
      else problem("activity", `"${raw}" is not a count of 0 or more`);
    }
    const vip = text("vip");
    if (columns.vip !== undefined) {
      const flag = flagOf(vip);
      if (flag === undefined) problem("vip", `"${vip}" is not yes or no`);
      else entry.vip = flag;
    }
    if (user !== undefined && problems.length === 0) {
      const first = firstRow.get(user);
      if (first !== undefined) {
        duplicates++;
        problems.push({
          row: row.row,
          column: header("user"),
          reason: `user already listed on row ${first}`,
        });
      } else firstRow.set(user, row.row);
    }
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    if (noStatus) {
      warnings.push({
        row: row.row,
        column: header("status"),
        reason: "no status; counted as active",
      });
    }
    for (const [label, written] of pending) placeholders.add(label, written, row.row);
    statuses.count(statusRead);
    if (entry.invited) invited++;
    if (entry.role !== undefined && mayBeFreeSeat(entry.role)) {
      freeRoles.set(entry.role, (freeRoles.get(entry.role) ?? 0) + 1);
    }
    users.push(entry);
    spelling.set(entry.user, userSpelling(userCell));
  }
  const notes = [...statuses.notes(), ...placeholders.notes()];
  if (freeRoles.size > 0) notes.push(freeRoleNote(header("role") ?? "role", freeRoles));
  if (columns.created === undefined && (columns.lastLogin !== undefined || invited > 0)) {
    notes.push(
      "no created-date column: a new account that has not logged in yet cannot be told from one never used, so both count as never logged in",
    );
  }
  return { users, spelling, errors, warnings, duplicates, notes };
}

/** `"Role" says "Light agent" for 1 user: …` */
function freeRoleNote(column: string, roles: ReadonlyMap<string, number>): string {
  const said = [...roles].map(([role, n]) => `"${role}" for ${n === 1 ? "1 user" : `${n} users`}`);
  return `"${column}" says ${said.join(", ")}: some vendors give that role without a paid seat (Zendesk's light agents and contributors), but it is counted here as a licence; leave those users out of the roster if they hold no paid seat`;
}
