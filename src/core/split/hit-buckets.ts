/**
 * Users bucketed by a small count (how many of the busiest instants each is online at), for the
 * peel's greedy pick: the most-hitting users, best first by time online, without rescanning every
 * busiest instant's members at every step. Counts move by one as instants join or leave the
 * busiest set, an O(1) bit flip; reading the leaders scans one bucket's bit words
 * (users ÷ 32) from its lowest possibly set word.
 *
 * Within a bucket, users sit in rank order: more time online first, then lower index, so the
 * first set bit is the leader and its ties on time online follow it directly.
 */
export class HitBuckets {
  private readonly rankOf: Int32Array;
  private readonly userOfRank: Int32Array;
  private readonly count: Int32Array;
  private readonly dropped: Uint8Array;
  private readonly words: number;
  /** bits[h]: users with count h, by rank (created when first needed; h = 0 is not kept). */
  private readonly bits: Uint32Array[] = [];
  private readonly members: number[] = [];
  /** Per bucket, the lowest word that may hold a set bit. */
  private readonly low: number[] = [];

  constructor(private readonly onlineMs: readonly number[]) {
    const n = onlineMs.length;
    this.userOfRank = Int32Array.from({ length: n }, (_, u) => u).sort(
      (x, y) => (onlineMs[y] as number) - (onlineMs[x] as number) || x - y,
    );
    this.rankOf = new Int32Array(n);
    for (let r = 0; r < n; r++) this.rankOf[this.userOfRank[r] as number] = r;
    this.count = new Int32Array(n);
    this.dropped = new Uint8Array(n);
    this.words = Math.ceil(n / 32);
  }

  /** User u's count now (0 once dropped). */
  countOf(u: number): number {
    return this.count[u] as number;
  }

  /** Moves u's count by `delta` (±1 in use; never below 0). Ignored once u is dropped. */
  add(u: number, delta: number): void {
    if (this.dropped[u]) return;
    const from = this.count[u] as number;
    const to = from + delta;
    if (to < 0) throw new Error(`HitBuckets: count of user ${u} below 0`);
    this.count[u] = to;
    const r = this.rankOf[u] as number;
    if (from > 0) this.clear(from, r);
    if (to > 0) this.set(to, r);
  }

  /** Takes u out for good (named): later adds for u are ignored. */
  drop(u: number): void {
    if (this.dropped[u]) return;
    const h = this.count[u] as number;
    if (h > 0) this.clear(h, this.rankOf[u] as number);
    this.count[u] = 0;
    this.dropped[u] = 1;
  }

  /** The highest count any user has (0 when none has one). */
  top(): number {
    for (let h = this.members.length - 1; h >= 1; h--) if ((this.members[h] ?? 0) > 0) return h;
    return 0;
  }

  /**
   * The users with the highest count and, among them, the most time online, ascending by index;
   * none when no user has a count.
   */
  leaders(): number[] {
    const h = this.top();
    if (h === 0) return [];
    const b = this.bits[h] as Uint32Array;
    let w = this.low[h] as number;
    while ((b[w] as number) === 0) w++;
    this.low[h] = w;
    const first = 32 * w + (31 - Math.clz32((b[w] as number) & -(b[w] as number)));
    const lead = this.userOfRank[first] as number;
    const ms = this.onlineMs[lead] as number;
    const out = [lead];
    // Equal time online: the next ranks, in index order; keep those in this bucket.
    for (let r = first + 1; r < this.userOfRank.length; r++) {
      const u = this.userOfRank[r] as number;
      if (this.onlineMs[u] !== ms) break;
      if ((b[r >>> 5] as number) & (1 << (r & 31))) out.push(u);
    }
    return out;
  }

  private bucket(h: number): Uint32Array {
    while (this.bits.length <= h) {
      this.bits.push(new Uint32Array(this.words));
      this.members.push(0);
      this.low.push(this.words);
    }
    return this.bits[h] as Uint32Array;
  }

  private set(h: number, r: number): void {
    const b = this.bucket(h);
    const w = r >>> 5;
    b[w] = (b[w] as number) | (1 << (r & 31));
    this.members[h] = (this.members[h] as number) + 1;
    if (w < (this.low[h] as number)) this.low[h] = w;
  }

  private clear(h: number, r: number): void {
    const b = this.bits[h] as Uint32Array;
    const w = r >>> 5;
    b[w] = (b[w] as number) & ~(1 << (r & 31));
    this.members[h] = (this.members[h] as number) - 1;
  }
}
