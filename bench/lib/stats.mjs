// Small figures for the benchmarks' one-line results.

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (v) => `${Math.round(v)} ms`;
export const seconds = (v) => `${(v / 1000).toFixed(1)} s`;
export const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
