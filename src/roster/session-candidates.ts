/**
 * Sessions read from a file before duplicates and overlaps are settled, stored column-wise in
 * typed arrays with users interned as small integers: a million-row log then costs a few flat
 * buffers instead of a million objects (or boxed array slots), and grouping by user is a counting
 * sort instead of a map of arrays.
 */
import { userSpelling } from "./cells.js";
import type { Cell } from "./table.js";

export class SessionCandidates {
  /** User keys by id. */
  readonly userKeys: string[] = [];
  /** Each user key as first written in the file, by id. */
  readonly userSpellings: string[] = [];
  private readonly userIds = new Map<string, number>();
  private count = 0;
  /** Row numbers, user ids, starts, ends and timeout flags (1 = closed at the timeout) by index. */
  rows = new Int32Array(1024);
  users = new Int32Array(1024);
  starts = new Float64Array(1024);
  ends = new Float64Array(1024);
  closedAtTimeout = new Uint8Array(1024);

  get length(): number {
    return this.count;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const bigger = <T extends Int32Array | Float64Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.rows = bigger(this.rows, (n) => new Int32Array(n));
    this.users = bigger(this.users, (n) => new Int32Array(n));
    this.starts = bigger(this.starts, (n) => new Float64Array(n));
    this.ends = bigger(this.ends, (n) => new Float64Array(n));
    this.closedAtTimeout = bigger(this.closedAtTimeout, (n) => new Uint8Array(n));
  }

  /**
   * `written` is the user cell as written (a cell, or the spelling already taken from one); it is
   * only turned into text the first time `user` is seen, so the million-row path does no more work.
   */
  add(
    row: number,
    user: string,
    written: Cell,
    start: number,
    end: number,
    closedAtTimeout: boolean,
  ): void {
    this.addById(row, this.userId(user, written), start, end, closedAtTimeout);
  }

  /** The id of a user key, given one (and its spelling taken from `written`) if it is new. */
  userId(user: string, written: Cell): number {
    let id = this.userIds.get(user);
    if (id === undefined) {
      id = this.userKeys.length;
      this.userIds.set(user, id);
      this.userKeys.push(user);
      this.userSpellings.push(userSpelling(written));
    }
    return id;
  }

  /** add, for a user already given an id by userId. */
  addById(row: number, id: number, start: number, end: number, closedAtTimeout: boolean): void {
    if (this.count === this.rows.length) this.grow();
    const i = this.count++;
    this.rows[i] = row;
    this.users[i] = id;
    this.starts[i] = start;
    this.ends[i] = end;
    this.closedAtTimeout[i] = closedAtTimeout ? 1 : 0;
  }

  /** User key → the key as first written, in order of first appearance. */
  spellingByKey(): Map<string, string> {
    return new Map(this.userKeys.map((key, id) => [key, this.userSpellings[id] ?? key]));
  }

  /** Candidate indices grouped by user id (each group in insertion order), with group bounds. */
  groupByUser(): { readonly order: Int32Array; readonly bounds: Int32Array } {
    const n = this.count;
    const bounds = new Int32Array(this.userKeys.length + 1);
    for (let i = 0; i < n; i++) {
      const u = this.users[i] as number;
      bounds[u + 1] = (bounds[u + 1] ?? 0) + 1;
    }
    for (let u = 0; u < this.userKeys.length; u++) {
      bounds[u + 1] = (bounds[u + 1] ?? 0) + (bounds[u] ?? 0);
    }
    const next = bounds.slice(0, this.userKeys.length);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const u = this.users[i] as number;
      order[next[u] as number] = i;
      next[u] = (next[u] as number) + 1;
    }
    return { order, bounds };
  }
}
