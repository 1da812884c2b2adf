/**
 * Exact pool evaluation over every maximal instant: load[j] = pooled users online at instant j.
 * A user's presence covers contiguous ranges of instants, so naming or pooling them is a range
 * add per interval on a max segment tree: O(intervals × log instants) per move, whatever the set
 * sizes, and the peak load is read in O(1). This is what lets the heuristic try thousands of
 * moves exactly at 5,000 users.
 */
import type { SplitProblem } from "./problem.js";

export class LoadTracker {
  readonly named: Uint8Array;
  private namedUsers = 0;
  /** Leaves start at `width`; add[n] applies to the whole subtree of n. */
  private readonly width: number;
  private readonly add: Int32Array;
  /** top[n] = add[n] + max(top of children): the subtree's peak, ancestors' adds excluded. */
  private readonly top: Int32Array;
  private readonly count: number;

  constructor(private readonly problem: SplitProblem) {
    const m = problem.at.length;
    this.count = m;
    let width = 1;
    while (width < m) width *= 2;
    this.width = width;
    this.add = new Int32Array(2 * width);
    this.top = new Int32Array(2 * width);
    this.named = new Uint8Array(problem.users.length);
    this.build(problem.sizes);
  }

  private build(values: ArrayLike<number>): void {
    const w = this.width;
    this.add.fill(0);
    // Padding leaves never hold a load: far below any real one so they are never the peak.
    for (let j = 0; j < w; j++)
      this.add[w + j] = j < this.count ? (values[j] as number) : -(2 ** 30);
    this.top.set(this.add.subarray(w), w);
    for (let n = w - 1; n >= 1; n--) this.pull(n);
  }

  private pull(n: number): void {
    this.top[n] =
      (this.add[n] as number) + Math.max(this.top[2 * n] as number, this.top[2 * n + 1] as number);
  }

  /** Adds v to the loads of instants [lo, hi). */
  private rangeAdd(lo: number, hi: number, v: number): void {
    let l = lo + this.width;
    let r = hi + this.width;
    const l0 = l;
    const r0 = r - 1;
    while (l < r) {
      if (l & 1) {
        this.add[l] = (this.add[l] as number) + v;
        this.top[l] = (this.top[l] as number) + v;
        l++;
      }
      if (r & 1) {
        r--;
        this.add[r] = (this.add[r] as number) + v;
        this.top[r] = (this.top[r] as number) + v;
      }
      l >>= 1;
      r >>= 1;
    }
    for (let n = l0 >> 1; n >= 1; n >>= 1) this.pull(n);
    for (let n = r0 >> 1; n >= 1; n >>= 1) this.pull(n);
  }

  private shift(u: number, v: number): void {
    const p = this.problem;
    for (const i of p.userIntervals[u] as Int32Array) {
      this.rangeAdd(p.intervalFrom[i] as number, p.intervalTo[i] as number, v);
    }
  }

  /** The highest load over all instants (0 with none). */
  peak(): number {
    return this.count === 0 ? 0 : Math.max(0, this.top[1] as number);
  }

  name(u: number): void {
    if (this.named[u]) return;
    this.named[u] = 1;
    this.namedUsers++;
    this.shift(u, -1);
  }

  pool(u: number): void {
    if (!this.named[u]) return;
    this.named[u] = 0;
    this.namedUsers--;
    this.shift(u, 1);
  }

  /**
   * Sets every user's state at once (named when flagged). Few changes are moved one by one; many
   * (switching between whole plans) rebuild the tree from the loads in O(intervals + instants),
   * which at 20,000 users is far cheaper than ~270,000 range updates.
   */
  reset(named: ArrayLike<number>): void {
    const p = this.problem;
    let moved = 0;
    for (let u = 0; u < this.named.length; u++) {
      if ((named[u] ? 1 : 0) !== this.named[u]) moved += (p.userIntervals[u] as Int32Array).length;
    }
    // A moved interval costs about two root paths of updates and two of pulls.
    if (moved * 4 * Math.log2(this.width + 1) < p.intervalUser.length + 2 * this.width) {
      for (let u = 0; u < this.named.length; u++) {
        if (named[u]) this.name(u);
        else this.pool(u);
      }
      return;
    }
    this.namedUsers = 0;
    for (let u = 0; u < this.named.length; u++) {
      this.named[u] = named[u] ? 1 : 0;
      this.namedUsers += this.named[u] as number;
    }
    const loads = new Int32Array(this.count + 1);
    for (let i = 0; i < p.intervalUser.length; i++) {
      if (this.named[p.intervalUser[i] as number]) continue;
      const from = p.intervalFrom[i] as number;
      const to = p.intervalTo[i] as number;
      loads[from] = (loads[from] as number) + 1;
      loads[to] = (loads[to] as number) - 1;
    }
    for (let j = 1; j < this.count; j++) loads[j] = (loads[j] as number) + (loads[j - 1] as number);
    this.build(loads);
  }

  namedCount(): number {
    return this.namedUsers;
  }

  /** The instants whose load equals the peak, ascending. */
  atPeak(): number[] {
    const out: number[] = [];
    const peak = this.peak();
    if (this.count === 0 || peak === 0) return out;
    const visit = (n: number, above: number): void => {
      if (above + (this.top[n] as number) !== peak) return;
      if (n >= this.width) {
        out.push(n - this.width);
        return;
      }
      const here = above + (this.add[n] as number);
      visit(2 * n, here);
      visit(2 * n + 1, here);
    };
    visit(1, 0);
    return out;
  }

  /** Every instant's load now: each node's adds summed down from the root, read at the leaves. */
  loads(): Int32Array {
    const below = new Int32Array(2 * this.width);
    below[1] = this.add[1] as number;
    for (let n = 2; n < 2 * this.width; n++) {
      below[n] = (below[n >> 1] as number) + (this.add[n] as number);
    }
    return below.slice(this.width, this.width + this.count);
  }
}
