/**
 * Words a roster uses for status, licence type and the VIP flag, mapped to the fixed vocabulary.
 * Matching ignores case and punctuation ("Left", "De-activated", "Named User").
 */
import type { LicenceKind, UserStatus } from "../core/usage.js";

const STATUS_WORDS: Record<string, UserStatus> = {};
for (const w of [
  "active",
  "enabled",
  "yes",
  "y",
  "true",
  "1",
  "live",
  "current",
  "ok",
  "licensed",
  "licenced",
]) {
  STATUS_WORDS[w] = "active";
}
for (const w of [
  "disabled",
  "inactive",
  "suspended",
  "locked",
  "lockedout",
  "deactivated",
  "no",
  "n",
  "false",
  "0",
  "blocked",
  "onhold",
  "expired",
]) {
  STATUS_WORDS[w] = "disabled";
}
for (const w of [
  "departed",
  "left",
  "leaver",
  "terminated",
  "deleted",
  "removed",
  "archived",
  "former",
  "exited",
  "resigned",
  "offboarded",
]) {
  STATUS_WORDS[w] = "departed";
}

function norm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export function statusOf(text: string): UserStatus | undefined {
  return STATUS_WORDS[norm(text)];
}

/** "Named", "Named agent", "Concurrent user", "Floating" … → the licence kind. */
export function licenceOf(text: string): LicenceKind | undefined {
  const t = norm(text);
  if (/concurrent|floating|shared|pool/.test(t)) return "concurrent";
  if (/named|fixed|dedicated|full/.test(t)) return "named";
  return undefined;
}

const YES = new Set(["yes", "y", "true", "1", "x", "vip", "✓", "✔"]);
const NO = new Set(["no", "n", "false", "0", "", "-"]);

export function flagOf(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** Words meaning "never" in a last-login column. */
export function meansNever(text: string): boolean {
  return ["never", "-", "n/a", "na", "none", "null"].includes(text.trim().toLowerCase());
}
