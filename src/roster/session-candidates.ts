/**
 * Sessions read from a file before duplicates and overlaps are settled, stored column-wise with
 * users interned as small integers: a million-row log then costs a few flat arrays instead of a
 * million objects, and grouping by user is a counting sort instead of a map of arrays.
 */
export class SessionCandidates {
  /** User keys by id. */
  readonly userKeys: string[] = [];
  private readonly userIds = new Map<string, number>();
  readonly rows: number[] = [];
  readonly users: number[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly closedAtTimeout: boolean[] = [];

  get length(): number {
    return this.rows.length;
  }

  add(row: number, user: string, start: number, end: number, closedAtTimeout: boolean): void {
    let id = this.userIds.get(user);
    if (id === undefined) {
      id = this.userKeys.length;
      this.userIds.set(user, id);
      this.userKeys.push(user);
    }
    this.rows.push(row);
    this.users.push(id);
    this.starts.push(start);
    this.ends.push(end);
    this.closedAtTimeout.push(closedAtTimeout);
  }

  /** Candidate indices grouped by user id (each group in insertion order), with group bounds. */
  groupByUser(): { readonly order: Int32Array; readonly bounds: Int32Array } {
    const bounds = new Int32Array(this.userKeys.length + 1);
    for (const u of this.users) bounds[u + 1] = (bounds[u + 1] ?? 0) + 1;
    for (let u = 0; u < this.userKeys.length; u++) {
      bounds[u + 1] = (bounds[u + 1] ?? 0) + (bounds[u] ?? 0);
    }
    const next = bounds.slice(0, this.userKeys.length);
    const order = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const u = this.users[i] as number;
      order[next[u] as number] = i;
      next[u] = (next[u] as number) + 1;
    }
    return { order, bounds };
  }
}
