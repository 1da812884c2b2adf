/**
 * Who is still pooled (and free to name) at an instant, for the peel. The peel asks for the same
 * busy instants step after step while naming users one by one, so each instant's list is read
 * once from the member index, then kept and compacted in place: a later read costs the list as it
 * was last read (about the pool's peak), not the instant's whole online set, and nothing at all
 * when no user was named since.
 */
import type { MemberIndex } from "./members.js";
import type { SplitProblem } from "./problem.js";

/** Entries kept across reads (an Int32 each); instants beyond it are re-read from the index. */
const KEEP_BUDGET = 8_000_000;

interface Kept {
  /** The list; only the first `length` entries are live. */
  readonly users: Int32Array;
  length: number;
  /** The tracker's naming count when the list was last compacted. */
  version: number;
}

export class PooledMembers {
  private readonly kept = new Map<number, Kept>();
  private keptEntries = 0;

  constructor(
    private readonly problem: SplitProblem,
    private readonly index: MemberIndex,
  ) {}

  /**
   * Users online at instant j who are neither named (`named[u]`) nor forced either way, ascending.
   * `version` must change whenever a user is named (any counter of namings will do), because an
   * unchanged version skips the compaction. The view is valid until the next call for j.
   */
  at(j: number, named: Uint8Array, version: number): Int32Array {
    const held = this.kept.get(j);
    if (held) {
      if (held.version !== version) {
        held.length = this.compact(held.users, held.length, named);
        held.version = version;
      }
      return held.users.subarray(0, held.length);
    }
    const members = this.index.onlineAt(j);
    const length = this.compact(members, members.length, named);
    if (this.keptEntries + members.length <= KEEP_BUDGET) {
      this.kept.set(j, { users: members, length, version });
      this.keptEntries += members.length;
    }
    return members.subarray(0, length);
  }

  /** Moves the still-eligible users to the front, in order; returns how many. */
  private compact(users: Int32Array, length: number, named: Uint8Array): number {
    const { forcedNamed, forcedConcurrent } = this.problem;
    let out = 0;
    for (let i = 0; i < length; i++) {
      const u = users[i] as number;
      if (named[u] || forcedNamed[u] || forcedConcurrent[u]) continue;
      users[out++] = u;
    }
    return out;
  }
}
