/**
 * Indices that put start times in order, ties by index (a stable sort): orderByTime, exact and
 * without a comparator for any span of whole-millisecond times.
 */
import { orderByTime } from "../core/time-order.js";

export function sortByStart(starts: ArrayLike<number>): Uint32Array {
  return orderByTime(starts);
}
