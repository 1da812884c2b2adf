/**
 * Who is online at an instant, read on demand. Instants are cut into blocks of BLOCK consecutive
 * instants and each block lists the intervals that touch it, so a query scans one block's list
 * (about the set's size plus the intervals ending inside the block) instead of every interval.
 */
import type { SplitProblem } from "./problem.js";

const BLOCK = 32;
/** Members kept from earlier queries (the peel asks for the same busy instants many times). */
const CACHE_BUDGET = 8_000_000;

export class MemberIndex {
  private readonly offsets: Int32Array;
  private readonly entries: Int32Array;
  private readonly cache = new Map<number, Int32Array>();
  private cached = 0;

  constructor(private readonly problem: SplitProblem) {
    const blocks = Math.ceil(problem.at.length / BLOCK);
    const counts = new Int32Array(blocks + 1);
    const { intervalFrom: from, intervalTo: to } = problem;
    for (let i = 0; i < from.length; i++) {
      const last = ((to[i] as number) - 1) / BLOCK;
      for (let b = Math.floor((from[i] as number) / BLOCK); b <= last; b++) {
        counts[b + 1] = (counts[b + 1] as number) + 1;
      }
    }
    for (let b = 1; b <= blocks; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
    this.offsets = counts;
    this.entries = new Int32Array(counts[blocks] as number);
    const fill = counts.slice(0, blocks);
    for (let i = 0; i < from.length; i++) {
      const last = ((to[i] as number) - 1) / BLOCK;
      for (let b = Math.floor((from[i] as number) / BLOCK); b <= last; b++) {
        this.entries[fill[b] as number] = i;
        fill[b] = (fill[b] as number) + 1;
      }
    }
  }

  /** Pooled-eligible users online at instant j, ascending (shared: do not modify). */
  membersAt(j: number): Int32Array {
    const held = this.cache.get(j);
    if (held) return held;
    const members = this.onlineAt(j);
    if (this.cached + members.length <= CACHE_BUDGET) {
      this.cache.set(j, members);
      this.cached += members.length;
    }
    return members;
  }

  /** The same users in a fresh array the caller owns, never cached. */
  onlineAt(j: number): Int32Array {
    const b = Math.floor(j / BLOCK);
    const { intervalFrom: from, intervalTo: to, intervalUser: user } = this.problem;
    const out: number[] = [];
    for (let e = this.offsets[b] as number; e < (this.offsets[b + 1] as number); e++) {
      const i = this.entries[e] as number;
      if ((from[i] as number) <= j && j < (to[i] as number)) out.push(user[i] as number);
    }
    return Int32Array.from(out).sort();
  }
}
