/**
 * Licence policies for the split (people or groups a deal names by rule, such as VIPs and managers,
 * or keeps in the pool), turned into the optimiser's two sets of user keys:
 * - `--force-named` / `--force-concurrent`: people typed by id or e-mail;
 * - `--force-named-groups` / `--force-concurrent-groups`: names from the roster's group column or,
 *   failing that, its role column ("Managers" is a role in many exports), case, spaces, hyphens
 *   and underscores ignored; they need `--roster`;
 * - VIPs flagged in the roster are named by default (`--no-vip-policy` turns that off).
 * Groups and VIPs expand only to people who appear in the session log: a member with no sessions
 * is left out and counted in a note (forcing them named would buy a seat nobody used; a person the
 * negotiator types in `--force-named` keeps their seat, as before).
 * Each person is counted once, under the first policy that names them: the typed list, then VIP,
 * then groups in the order typed. Someone forced both named and concurrent is an error.
 * Notes and `data` carry counts and group names only, never people (typed ids aside, in errors).
 */
import { failAll, type Issue, ok, type Result } from "../../core/result.js";
import type { RosterUser } from "../../core/usage.js";
import { count, plural } from "./format.js";
import { groupKey } from "./group-key.js";
import type { FileRequest } from "./request.js";

export type PolicySide = "named" | "concurrent";

export interface PolicySource {
  /** `list`: typed ids; `vip`: the roster's VIP flag; `group` / `role`: a roster column value. */
  readonly source: "list" | "vip" | "group" | "role";
  /** The group or role as the roster spells it; undefined for `list` and `vip`. */
  readonly name?: string;
  /** People this policy covers who are in the log (for a typed list: everyone typed). */
  readonly matched: number;
  /** Of those, the people no earlier policy already covered: the parts add up to the total. */
  readonly counted: number;
  /** People the policy names who have no sessions in the log. */
  readonly withoutSessions: number;
}

export interface ResolvedPolicies {
  readonly forceNamed: ReadonlySet<string>;
  readonly forceConcurrent: ReadonlySet<string>;
  readonly named: readonly PolicySource[];
  readonly concurrent: readonly PolicySource[];
  /** Whether roster VIPs are named by policy (on unless `--no-vip-policy`). */
  readonly vipPolicy: boolean;
  /** VIPs in the roster (0 without a roster or a VIP column). */
  readonly vipsInRoster: number;
  readonly rosterName?: string;
}

export interface PolicyRoster {
  readonly name: string;
  readonly users: readonly RosterUser[];
}

const GROUP_OPTION: Readonly<Record<PolicySide, string>> = {
  named: "--force-named-groups",
  concurrent: "--force-concurrent-groups",
};

/** Distinct values of a roster column, as first spelt, sorted. */
function spellings(users: readonly RosterUser[], column: "group" | "role"): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of users) {
    const value = u[column]?.trim();
    if (value && !out.has(groupKey(value))) out.set(groupKey(value), value);
  }
  return out;
}

function listText(values: Iterable<string>): string {
  return [...values].sort((a, b) => a.localeCompare(b)).join(", ");
}

function unknownGroup(option: string, typed: string, roster: PolicyRoster): Issue {
  const groups = spellings(roster.users, "group");
  const roles = spellings(roster.users, "role");
  const has =
    groups.size === 0 && roles.size === 0
      ? `${roster.name} has no group or role column`
      : [
          groups.size > 0 ? `its groups are ${listText(groups.values())}` : "",
          roles.size > 0 ? `its roles are ${listText(roles.values())}` : "",
        ]
          .filter(Boolean)
          .join("; ");
  return {
    code: "options.unknown_group",
    message: `${option} "${typed}" is not a group or role in ${roster.name}; ${has}`,
    hint: `${option} "Service Desk,Managers" (names as in the roster's group or role column; case and spaces don't matter)`,
  };
}

interface Candidate {
  readonly source: PolicySource["source"];
  readonly name?: string;
  /** Everyone the policy names, in the log or not. */
  readonly users: ReadonlySet<string>;
  readonly label: string;
}

/** A typed group name → the roster's members of that group (else role), or an issue. */
function groupCandidate(option: string, typed: string, roster: PolicyRoster): Candidate | Issue {
  const key = groupKey(typed);
  for (const column of ["group", "role"] as const) {
    const members = roster.users.filter((u) => u[column] && groupKey(u[column]) === key);
    const name = spellings(members, column).get(key);
    if (members.length > 0 && name) {
      return {
        source: column,
        name,
        users: new Set(members.map((u) => u.user)),
        label: `${column} ${name}`,
      };
    }
  }
  return unknownGroup(option, typed, roster);
}

function candidates(
  side: PolicySide,
  request: FileRequest,
  roster: PolicyRoster | undefined,
  issues: Issue[],
): Candidate[] {
  const out: Candidate[] = [];
  const list = side === "named" ? request.forceNamed : request.forceConcurrent;
  if (list && list.size > 0) {
    out.push({ source: "list", users: list, label: `--force-${side}` });
  }
  if (side === "named" && roster && !request.noVipPolicy) {
    const vips = roster.users.filter((u) => u.vip === true).map((u) => u.user);
    if (vips.length > 0) out.push({ source: "vip", users: new Set(vips), label: "VIP" });
  }
  const groups = side === "named" ? request.forceNamedGroups : request.forceConcurrentGroups;
  const option = GROUP_OPTION[side];
  if (groups && groups.length > 0) {
    if (!roster) {
      issues.push({
        code: "options.groups_need_roster",
        message: `${option} needs a roster to know who is in each group: add --roster roster.csv`,
        hint: `split sessions.csv --named 70 --concurrent 140 --roster roster.csv ${option} "${groups.join(",")}"`,
      });
      return out;
    }
    for (const typed of groups) {
      const c = groupCandidate(option, typed, roster);
      if ("code" in c) issues.push(c);
      else out.push(c);
    }
  }
  return out;
}

/** Who a side forces, with the count each policy adds; typed lists keep people not in the log. */
function expand(list: readonly Candidate[], inLog: ReadonlySet<string>) {
  const forced = new Set<string>();
  const by = new Map<string, string[]>();
  const sources: PolicySource[] = list.map((c) => {
    // A typed list keeps everyone typed: named, they take a seat (a note says so); concurrent,
    // the optimiser ignores them, but typing someone both ways is still an error.
    const keepAbsent = c.source === "list";
    const present = [...c.users].filter((u) => keepAbsent || inLog.has(u));
    let counted = 0;
    for (const u of present) {
      by.set(u, [...(by.get(u) ?? []), c.label]);
      if (!forced.has(u)) counted++;
      forced.add(u);
    }
    return {
      source: c.source,
      ...(c.name !== undefined ? { name: c.name } : {}),
      matched: present.length,
      counted,
      withoutSessions: [...c.users].filter((u) => !inLog.has(u)).length,
    };
  });
  return { forced, by, sources };
}

function conflicts(
  named: ReturnType<typeof expand>,
  concurrent: ReturnType<typeof expand>,
  rosterName: string | undefined,
  typedNamed: ReadonlySet<string>,
  typedConcurrent: ReadonlySet<string>,
): Issue[] {
  const byPair = new Map<string, { named: string[]; concurrent: string[]; users: string[] }>();
  for (const user of [...named.forced].filter((u) => concurrent.forced.has(u)).sort()) {
    const n = named.by.get(user) ?? [];
    const c = concurrent.by.get(user) ?? [];
    const key = `${n.join("|")}→${c.join("|")}`;
    const entry = byPair.get(key) ?? { named: n, concurrent: c, users: [] };
    entry.users.push(user);
    byPair.set(key, entry);
  }
  const where = (label: string) =>
    label === "VIP" ? `VIP in ${rosterName ?? "the roster"}` : label;
  return [...byPair.values()].map((p) => {
    // Only ids the negotiator typed are repeated back; roster-derived people are counted.
    const typed = p.users.filter((u) => typedNamed.has(u) || typedConcurrent.has(u));
    const who =
      typed.length === p.users.length
        ? p.users.join(", ")
        : plural(p.users.length, "person", "people");
    const be = p.users.length === 1 ? "is" : "are";
    return {
      code: "options.policy_conflict",
      message: `${who} ${be} forced both named (${p.named.map(where).join(", ")}) and concurrent (${p.concurrent.map(where).join(", ")})`,
      hint: p.named.includes("VIP")
        ? "add --no-vip-policy to let VIPs be pooled, or take them out of the concurrent policy"
        : "put each person under one policy only",
    };
  });
}

/**
 * The policies of a request against a roster (optional) and the people in the log. Errors: a group
 * option without `--roster`, a group the roster doesn't have, someone forced both ways.
 */
export function resolvePolicies(
  request: FileRequest,
  roster: PolicyRoster | undefined,
  inLog: ReadonlySet<string>,
): Result<ResolvedPolicies> {
  const issues: Issue[] = [];
  const named = expand(candidates("named", request, roster, issues), inLog);
  const concurrent = expand(candidates("concurrent", request, roster, issues), inLog);
  if (issues.length > 0) return failAll(issues);
  const clash = conflicts(
    named,
    concurrent,
    roster?.name,
    request.forceNamed ?? new Set(),
    request.forceConcurrent ?? new Set(),
  );
  if (clash.length > 0) return failAll(clash);
  return ok({
    forceNamed: named.forced,
    forceConcurrent: concurrent.forced,
    named: named.sources,
    concurrent: concurrent.sources,
    vipPolicy: !request.noVipPolicy,
    vipsInRoster: roster?.users.filter((u) => u.vip === true).length ?? 0,
    ...(roster ? { rosterName: roster.name } : {}),
  });
}

function sourceLabel(s: PolicySource, side: PolicySide): string {
  if (s.source === "list") return `--force-${side}`;
  if (s.source === "vip") return "VIP";
  return `${s.source} ${s.name ?? ""}`;
}

/** `Forced named: 12 (VIP 3, group Service Desk 9).` per side, then the VIP and absence notes. */
export function policyNotes(p: ResolvedPolicies): string[] {
  const notes: string[] = [];
  for (const [side, sources, total] of [
    ["named", p.named, p.forceNamed.size],
    ["concurrent", p.concurrent, p.forceConcurrent.size],
  ] as const) {
    if (total === 0) continue;
    const parts = sources
      .filter((s) => s.counted > 0)
      .map((s) => `${sourceLabel(s, side)} ${count(s.counted)}`);
    notes.push(`Forced ${side}: ${count(total)} (${parts.join(", ")}).`);
  }
  const roster = p.rosterName ?? "the roster";
  const vip = p.named.find((s) => s.source === "vip");
  if (vip) {
    notes.push(
      `VIPs in ${roster} are named by default: ${plural(vip.matched, "VIP has", "VIPs have")} sessions in the log (--no-vip-policy to let the plan pool them).`,
    );
  } else if (!p.vipPolicy && p.vipsInRoster > 0) {
    notes.push(
      `VIP policy off (--no-vip-policy): ${plural(p.vipsInRoster, "VIP", "VIPs")} in ${roster} planned like everyone else.`,
    );
  }
  for (const [side, sources] of [
    ["named", p.named],
    ["concurrent", p.concurrent],
  ] as const) {
    for (const s of sources) {
      if (s.source === "list" || s.withoutSessions === 0) continue;
      const who =
        s.source === "vip"
          ? plural(s.withoutSessions, "VIP has", "VIPs have")
          : `${plural(s.withoutSessions, "person", "people")} in ${s.source} ${s.name ?? ""} ${s.withoutSessions === 1 ? "has" : "have"}`;
      const consequence =
        side === "named"
          ? "left out of the plan (--force-named gives someone a seat anyway)"
          : "nothing to pool";
      notes.push(`${who} no sessions in the log: ${consequence}.`);
    }
  }
  return notes;
}

/**
 * `data.split.policies`: `{ vipPolicy, named: { total, sources }, concurrent: { total, sources } }`,
 * each source `{ source: "list" | "vip" | "group" | "role", name (group or role as the roster
 * spells it, else null), matched, counted, withoutSessions }`. `counted` adds up to `total` (each
 * person under the first policy naming them); no people's ids.
 */
export function policiesData(p: ResolvedPolicies | undefined): Record<string, unknown> {
  const side = (total: number, sources: readonly PolicySource[]) => ({
    total,
    sources: sources.map((s) => ({
      source: s.source,
      name: s.name ?? null,
      matched: s.matched,
      counted: s.counted,
      withoutSessions: s.withoutSessions,
    })),
  });
  return {
    vipPolicy: p?.vipPolicy ?? true,
    named: side(p?.forceNamed.size ?? 0, p?.named ?? []),
    concurrent: side(p?.forceConcurrent.size ?? 0, p?.concurrent ?? []),
  };
}
