/**
 * Constraint reduction: if an instant's online set is a subset of another's, covering the larger
 * covers the smaller for every choice of named users, so the smaller constraint can go. Exact
 * duplicates go first (by key), then subsets, checked against kept sets through an inverted index
 * on the set's rarest member and a bitset per kept set.
 */

export interface ReducedSets {
  readonly sets: Int32Array[];
  readonly at: number[];
}

export function removeDominated(
  sets: readonly Int32Array[],
  at: readonly number[],
  userCount: number,
): ReducedSets {
  const seen = new Set<string>();
  const order: number[] = [];
  for (let j = 0; j < sets.length; j++) {
    const s = sets[j] as Int32Array;
    if (s.length === 0) continue;
    const key = s.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    order.push(j);
  }
  // Largest first, so every possible superset of a set is already kept when it is checked.
  order.sort((x, y) => (sets[y] as Int32Array).length - (sets[x] as Int32Array).length || x - y);
  const words = Math.ceil(userCount / 32);
  const postings: number[][] = Array.from({ length: userCount }, () => []);
  const bits: Uint32Array[] = [];
  const kept: Int32Array[] = [];
  const keptAt: number[] = [];
  for (const j of order) {
    const s = sets[j] as Int32Array;
    let rarest = s[0] as number;
    for (const u of s) {
      if ((postings[u] as number[]).length < (postings[rarest] as number[]).length) rarest = u;
    }
    let dominated = false;
    for (const k of postings[rarest] as number[]) {
      const b = bits[k] as Uint32Array;
      let all = true;
      for (const u of s) {
        if (((b[u >>> 5] as number) & (1 << (u & 31))) === 0) {
          all = false;
          break;
        }
      }
      if (all) {
        dominated = true;
        break;
      }
    }
    if (dominated) continue;
    const b = new Uint32Array(words);
    for (const u of s) {
      b[u >>> 5] = (b[u >>> 5] as number) | (1 << (u & 31));
      (postings[u] as number[]).push(kept.length);
    }
    bits.push(b);
    kept.push(s);
    keptAt.push(at[j] as number);
  }
  return { sets: kept, at: keptAt };
}
