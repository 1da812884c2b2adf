/**
 * Indices that put start times in order, ties by index (a stable sort). For a month of a million
 * sessions it packs (start − earliest) × n + index into one exact float and uses the native numeric
 * sort, several times faster than a comparator; when the packed key could exceed 2^53 (very long
 * spans), it falls back to a comparator sort.
 */
export function sortByStart(starts: ArrayLike<number>): Uint32Array | number[] {
  const n = starts.length;
  if (n === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const s = starts[i] as number;
    if (s < min) min = s;
    if (s > max) max = s;
    if (!Number.isInteger(s)) integral = false;
  }
  if (integral && (max - min + 1) * n < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((starts[i] as number) - min) * n + i;
    keys.sort();
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = (keys[i] as number) % n;
    return order;
  }
  return Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (starts[a] as number) - (starts[b] as number) || a - b,
  );
}
