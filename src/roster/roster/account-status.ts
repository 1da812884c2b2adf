/**
 * A roster row's account status, from the status column and any "not usable" flag column beside
 * it (ServiceNow's `locked_out` next to `active`; HaloITSM's "Is Disabled" as the only one, read
 * inverted). Gathers for the reply what each status word was read as, and the words not known:
 * an unknown word is never counted as active.
 */
import type { UserStatus } from "../../core/usage.js";
import { cellText } from "../cells.js";
import type { ColumnMap } from "../columns.js";
import {
  flagOf,
  negativeFlagOf,
  STATUS_HINT,
  type StatusMeaning,
  statusOf,
} from "../roster-values.js";
import type { TableRow } from "../table.js";

export interface StatusProblem {
  readonly column: string;
  readonly reason: string;
}

export interface StatusRead {
  /** Undefined when the row has a problem (see `problems`) or no status cell at all. */
  readonly meaning?: StatusMeaning;
  /** The status cell is empty: counted as active with a warning. */
  readonly noStatus: boolean;
  readonly problems: readonly StatusProblem[];
  /** The status word as written, and each flag column that said yes (for the notes). */
  readonly word?: string;
  readonly flagsSet: readonly number[];
}

interface FlagColumn {
  readonly index: number;
  readonly header: string;
  readonly means: UserStatus;
}

const RANK: Record<UserStatus, number> = { active: 0, disabled: 1, departed: 2 };

function worse(a: StatusMeaning, b: UserStatus): StatusMeaning {
  return RANK[b] > RANK[a.status] ? { status: b } : a;
}

function rowList(rows: readonly number[]): string {
  const shown = rows.length > 5 ? `${rows.slice(0, 5).join(", ")} …` : rows.join(", ");
  return `${rows.length === 1 ? "row" : "rows"} ${shown}`;
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const users = (n: number) => (n === 1 ? "1 user" : `${n.toLocaleString("en-US")} users`);

export class AccountStatusReader {
  private readonly status?: { index: number; header: string; inverted?: UserStatus };
  private readonly flags: FlagColumn[] = [];
  /** Status word as written → count of users read with it. */
  private readonly words = new Map<string, { meaning: StatusMeaning; users: number }>();
  private readonly unknown = new Map<string, number[]>();
  private readonly flagUsers = new Map<number, number>();

  constructor(headers: readonly string[], columns: ColumnMap) {
    const index = columns.status;
    if (index !== undefined) {
      const header = headers[index] ?? "";
      const inverted = negativeFlagOf(header);
      this.status = inverted === undefined ? { index, header } : { index, header, inverted };
    }
    const used = new Set(Object.values(columns));
    headers.forEach((header, i) => {
      const means = negativeFlagOf(header);
      if (means !== undefined && !used.has(i)) this.flags.push({ index: i, header, means });
    });
  }

  read(row: TableRow): StatusRead {
    const problems: StatusProblem[] = [];
    let meaning: StatusMeaning | undefined = { status: "active" };
    let noStatus = false;
    let word: string | undefined;
    if (this.status !== undefined) {
      const { header, inverted } = this.status;
      const raw = cellText(row.cells[this.status.index] ?? null);
      if (raw === "") noStatus = true;
      else if (inverted !== undefined) {
        const flag = flagOf(raw);
        if (flag === undefined) {
          problems.push({ column: header, reason: `"${raw}" is not yes or no` });
        } else {
          word = raw;
          meaning = flag ? { status: inverted } : { status: "active" };
        }
      } else {
        meaning = statusOf(raw);
        word = raw;
        if (meaning === undefined) {
          problems.push({
            column: header,
            reason: `"${raw}" is not a status: ${STATUS_HINT}`,
          });
          const rows = this.unknown.get(raw) ?? [];
          rows.push(row.row);
          this.unknown.set(raw, rows);
        }
      }
    }
    const flagsSet: number[] = [];
    for (const flag of this.flags) {
      const raw = cellText(row.cells[flag.index] ?? null);
      if (raw === "") continue;
      const yes = flagOf(raw);
      if (yes === undefined)
        problems.push({ column: flag.header, reason: `"${raw}" is not yes or no` });
      else if (yes) {
        flagsSet.push(flag.index);
        if (meaning !== undefined) meaning = worse(meaning, flag.means);
      }
    }
    if (problems.length > 0 || meaning === undefined) return { noStatus, problems, flagsSet };
    return {
      meaning,
      // An empty status cell is "counted as active" only if no flag column said otherwise.
      noStatus: noStatus && flagsSet.length === 0,
      problems,
      ...(word === undefined ? {} : { word }),
      flagsSet,
    };
  }

  /** Counts a row that was used, for the notes. */
  count(read: StatusRead): void {
    if (read.word !== undefined && read.meaning !== undefined) {
      const seen = this.words.get(read.word) ?? {
        meaning: statusOf(read.word) ?? read.meaning,
        users: 0,
      };
      seen.users++;
      this.words.set(read.word, seen);
    }
    for (const index of read.flagsSet)
      this.flagUsers.set(index, (this.flagUsers.get(index) ?? 0) + 1);
  }

  notes(): string[] {
    const notes: string[] = [];
    const status = this.status;
    if (status?.inverted !== undefined) {
      const yes = [...this.words]
        .filter(([w]) => flagOf(w) === true)
        .reduce((n, [, s]) => n + s.users, 0);
      notes.push(
        `"${status.header}" read as the status: yes means ${status.inverted} (${users(yes)}), no means active`,
      );
    } else if (status !== undefined) {
      const groups: Record<string, string[]> = {};
      for (const [word, { meaning, users: n }] of this.words) {
        const label = meaning.invited ? "invited" : meaning.status;
        if (label === "active" || word.toLowerCase() === label) continue;
        const group = groups[label] ?? [];
        group.push(`"${word}" (${users(n)})`);
        groups[label] = group;
      }
      const parts = Object.entries(groups).map(([label, words]) => `${label} for ${listed(words)}`);
      if (parts.length > 0) notes.push(`"${status.header}" read as ${parts.join("; ")}`);
      const invited = [...this.words.values()]
        .filter((s) => s.meaning.invited)
        .reduce((n, s) => n + s.users, 0);
      if (invited > 0) {
        notes.push(
          `${users(invited)} invited or pending: the account holds a licence but nobody has logged in with it yet`,
        );
      }
    }
    for (const flag of this.flags) {
      const n = this.flagUsers.get(flag.index) ?? 0;
      const beside = status === undefined ? "" : ` beside "${status.header}"`;
      notes.push(
        `"${flag.header}" read${beside}: yes there counts the account as ${flag.means} (${users(n)})`,
      );
    }
    for (const [word, rows] of this.unknown) {
      notes.push(
        `"${word}" in "${status?.header ?? "status"}" is not a status I know, so ${rows.length === 1 ? "that user was" : "those users were"} not counted (${rowList(rows)}): ${STATUS_HINT}`,
      );
    }
    return notes;
  }
}
