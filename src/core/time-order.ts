/**
 * Ordering a million instants fast and exactly: the usage analyses sort sessions and logins by
 * time with ties broken by user, and a comparator sort over a million objects (comparing e-mail
 * strings) takes seconds. Here integral times are packed with their index into one exact float,
 * (time − earliest) × n + index, and sorted natively; when that key could pass 2^53 (a year of
 * ms × 285k sessions does) a stable radix sort on (time − earliest) gives the same order, exact
 * for any span. Runs of equal times are then ordered by each user's rank (their place in text
 * order, computed once per distinct user). Only fractional times take a comparator sort.
 */
/** Indices 0..n−1 ordered by time, ties by index (a stable sort). */
export function orderByTime(times: ArrayLike<number>): Uint32Array {
  const n = times.length;
  const order = new Uint32Array(n);
  if (n === 0) return order;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) integral = false;
  }
  if (integral && (max - min + 1) * n < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((times[i] as number) - min) * n + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = (keys[i] as number) % n;
    return order;
  }
  if (integral && max - min < Number.MAX_SAFE_INTEGER) return radixOrder(times, min, max - min);
  const fallback = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (times[a] as number) - (times[b] as number) || a - b,
  );
  order.set(fallback);
  return order;
}

const DIGIT_BITS = 16;
const DIGITS = 1 << DIGIT_BITS;
const TWO_32 = 2 ** 32;

/**
 * Stable least-significant-digit radix sort of the offsets (time − min), 16 bits a pass, as many
 * passes as the span needs (three for a year in ms): O(n) a pass, exact for any offset < 2^53.
 * Each offset is split once into its low and high 32 bits, so every digit is a shift and a mask.
 */
function radixOrder(times: ArrayLike<number>, min: number, span: number): Uint32Array {
  const n = times.length;
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const d = (times[i] as number) - min;
    const h = Math.floor(d / TWO_32);
    high[i] = h;
    low[i] = d - h * TWO_32;
  }
  let passes = 1;
  while (passes < 4 && span >= 2 ** (DIGIT_BITS * passes)) passes++;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(DIGITS + 1);
  for (let pass = 0; pass < passes; pass++) {
    const words = pass < 2 ? low : high;
    const shift = (pass % 2) * DIGIT_BITS;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((words[i] as number) >>> shift) & (DIGITS - 1);
      counts[digit + 1] = (counts[digit + 1] as number) + 1;
    }
    for (let b = 0; b < DIGITS; b++)
      counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const digit = ((words[i] as number) >>> shift) & (DIGITS - 1);
      next[counts[digit] as number] = i;
      counts[digit] = (counts[digit] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Place of each distinct name in text order (compareText: UTF-16 code units), by the names' ids.
 * Sorting 300,000 strings compares e-mails sharing a long prefix ("person…@example.com") millions
 * of times; here each name first gets a number from the few characters after the prefix all
 * names share (end of name lowest, as in text order), so nearly every comparison is of two numbers
 * and only names equal in those characters compare as text. The same order as sorting the text.
 */
export function textRanks(names: readonly string[]): Int32Array {
  const n = names.length;
  const rank = new Int32Array(n);
  if (n === 0) return rank;
  const first = names[0] as string;
  let shared = first.length;
  for (let i = 1; i < n && shared > 0; i++) {
    const s = names[i] as string;
    let j = 0;
    while (j < shared && j < s.length && s.charCodeAt(j) === first.charCodeAt(j)) j++;
    shared = j;
  }
  // Six characters in base 256 when those are all below 255 (ASCII e-mails), else three in
  // base 65,537: either way under 2^53, so the number is exact.
  let narrow = true;
  for (let i = 0; i < n && narrow; i++) {
    const s = names[i] as string;
    const to = Math.min(s.length, shared + 6);
    for (let p = shared; p < to; p++) if (s.charCodeAt(p) >= 255) narrow = false;
  }
  const width = narrow ? 6 : 3;
  const base = narrow ? 256 : 65_537;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = names[i] as string;
    let key = 0;
    for (let j = 0; j < width; j++) {
      const p = shared + j;
      key = key * base + (p < s.length ? s.charCodeAt(p) + 1 : 0);
    }
    keys[i] = key;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const d = (keys[a] as number) - (keys[b] as number);
    if (d !== 0) return d;
    const x = names[a] as string;
    const y = names[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  // Equal names (none in practice) share the place of the last of them, as a Map of places would.
  for (let r = n - 1; r >= 0; r--) {
    const i = order[r] as number;
    const next = order[r + 1];
    rank[i] = next !== undefined && names[next] === names[i] ? (rank[next] as number) : r;
  }
  return rank;
}

/**
 * User ranks already known for an array (mergePresence records them for the presence it returns),
 * so the replays of that presence need not intern a million user strings again. A cache keyed by
 * the array itself: it holds nothing once the array is gone and never changes an answer.
 */
const knownRanks = new WeakMap<object, Int32Array>();

export function rememberRanks(items: object, ranks: Int32Array): void {
  knownRanks.set(items, ranks);
}

/** Each item's user as a rank in text order (equal users, equal ranks). */
export function userRanks(items: ArrayLike<{ readonly user: string }>): Int32Array {
  const known = knownRanks.get(items);
  if (known !== undefined && known.length === items.length) return known;
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const user = (items[i] as { user: string }).user;
    let id = ids.get(user);
    if (id === undefined) {
      id = names.length;
      ids.set(user, id);
      names.push(user);
    }
    idOf[i] = id;
  }
  const rank = textRanks(names);
  for (let i = 0; i < idOf.length; i++) idOf[i] = rank[idOf[i] as number] as number;
  return idOf;
}

/**
 * Indices ordered by time, then by user rank, then by index: what a stable sort with
 * `time(a) − time(b) || compareText(user(a), user(b))` gives when `ranks` come from userRanks.
 */
export function orderByTimeThenUser(times: ArrayLike<number>, ranks: Int32Array): Uint32Array {
  const n = times.length;
  // Logs and merged presence usually come in time order already: then only ties need ordering.
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++) inOrder = (times[i - 1] as number) <= (times[i] as number);
  const order = inOrder ? identity(n) : orderByTime(times);
  // Within a run of equal times indices ascend, so a run is in order when its ranks never fall.
  // A run out of order is sorted by rank × n + index, packed like the times (exact below 2^53).
  const packable = n * n < Number.MAX_SAFE_INTEGER;
  let lo = 0;
  while (lo < n) {
    const t = times[order[lo] as number] as number;
    let hi = lo + 1;
    let sorted = true;
    while (hi < n && times[order[hi] as number] === t) {
      if ((ranks[order[hi - 1] as number] as number) > (ranks[order[hi] as number] as number)) {
        sorted = false;
      }
      hi++;
    }
    if (!sorted) sortRunByRank(order, lo, hi, ranks, packable);
    lo = hi;
  }
  return order;
}

function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

function sortRunByRank(
  order: Uint32Array,
  lo: number,
  hi: number,
  ranks: Int32Array,
  packable: boolean,
): void {
  const n = order.length;
  if (!packable) {
    const run = Array.from(order.subarray(lo, hi)).sort(
      (a, b) => (ranks[a] as number) - (ranks[b] as number) || a - b,
    );
    order.set(run, lo);
    return;
  }
  const keys = new Float64Array(hi - lo);
  for (let k = lo; k < hi; k++) {
    const i = order[k] as number;
    keys[k - lo] = (ranks[i] as number) * n + i;
  }
  keys.sort();
  for (let k = lo; k < hi; k++) order[k] = (keys[k - lo] as number) % n;
}
