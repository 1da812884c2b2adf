/**
 * Exact pool evaluation over the reduced constraint sets: load[j] = pooled users online in set j.
 * Naming or pooling a user touches only the sets that contain them; the peak load is kept with a
 * count per level, so each move costs O(sets containing the user) and reading the peak is O(1)
 * amortised. This is what lets the heuristic try thousands of moves exactly.
 */

export class LoadTracker {
  readonly loads: Int32Array;
  private readonly perLevel: Int32Array;
  private top: number;
  readonly named: Uint8Array;

  constructor(
    private readonly sets: readonly Int32Array[],
    private readonly postings: readonly Int32Array[],
    userCount: number,
  ) {
    this.loads = new Int32Array(sets.length);
    let max = 0;
    for (let j = 0; j < sets.length; j++) {
      const n = (sets[j] as Int32Array).length;
      this.loads[j] = n;
      if (n > max) max = n;
    }
    this.perLevel = new Int32Array(max + 2);
    for (const n of this.loads) this.perLevel[n] = (this.perLevel[n] as number) + 1;
    this.top = max;
    this.named = new Uint8Array(userCount);
  }

  peak(): number {
    while (this.top > 0 && this.perLevel[this.top] === 0) this.top--;
    return this.top;
  }

  name(u: number): void {
    if (this.named[u]) return;
    this.named[u] = 1;
    for (const j of this.postings[u] as Int32Array) {
      const l = this.loads[j] as number;
      this.perLevel[l] = (this.perLevel[l] as number) - 1;
      this.perLevel[l - 1] = (this.perLevel[l - 1] as number) + 1;
      this.loads[j] = l - 1;
    }
  }

  pool(u: number): void {
    if (!this.named[u]) return;
    this.named[u] = 0;
    for (const j of this.postings[u] as Int32Array) {
      const l = this.loads[j] as number;
      this.perLevel[l] = (this.perLevel[l] as number) - 1;
      this.perLevel[l + 1] = (this.perLevel[l + 1] as number) + 1;
      this.loads[j] = l + 1;
      if (l + 1 > this.top) this.top = l + 1;
    }
  }

  /** Sets every user's state at once (named when flagged). */
  reset(named: ArrayLike<number>): void {
    for (let u = 0; u < this.named.length; u++) {
      if (named[u]) this.name(u);
      else this.pool(u);
    }
  }

  namedCount(): number {
    let n = 0;
    for (const x of this.named) n += x;
    return n;
  }

  setsOf(u: number): Int32Array {
    return this.postings[u] as Int32Array;
  }

  setSize(j: number): number {
    return (this.sets[j] as Int32Array).length;
  }
}

/** user → the indices of the sets that contain them. */
export function postingsOf(sets: readonly Int32Array[], userCount: number): Int32Array[] {
  const counts = new Int32Array(userCount);
  for (const s of sets) for (const u of s) counts[u] = (counts[u] as number) + 1;
  const out = Array.from({ length: userCount }, (_, u) => new Int32Array(counts[u] as number));
  const fill = new Int32Array(userCount);
  for (let j = 0; j < sets.length; j++) {
    for (const u of sets[j] as Int32Array) {
      (out[u] as Int32Array)[fill[u] as number] = j;
      fill[u] = (fill[u] as number) + 1;
    }
  }
  return out;
}
