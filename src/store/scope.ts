/**
 * The scope every stored record belongs to: one Slack workspace (team) and one channel. Every
 * repository method takes it and every query filters by both ids, so a command issued in one
 * channel can never read another channel's deal, uploads or analyses.
 */

export interface Scope {
  /** Slack team (workspace) id, e.g. `T0123ABCD`; `local` for the console. */
  readonly teamId: string;
  /** Slack channel id, e.g. `C0456EFGH`; `console` for the terminal chat. */
  readonly channelId: string;
}

/** Who did something and when; the clock is always the caller's, never read inside the store. */
export interface Stamp {
  /** Slack user id (`U0123ABCD`) or a system actor such as `system:retention`. */
  readonly by: string;
  readonly at: Date;
}

const ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Ids come from Slack or from code, not from typed text, so a bad one is a bug: it throws. */
export function checkScope(scope: Scope): Scope {
  if (!ID.test(scope.teamId) || !ID.test(scope.channelId)) {
    throw new RangeError("store scope needs a team id and a channel id (letters, digits, . _ : -)");
  }
  return scope;
}

export function checkStamp(stamp: Stamp): Stamp {
  if (!ID.test(stamp.by)) throw new RangeError("store stamp needs an actor id");
  if (Number.isNaN(stamp.at.getTime())) throw new RangeError("store stamp needs a valid time");
  return stamp;
}

/** The two scope parameters in the order every query uses them: `$1` team, `$2` channel. */
export function scopeParams(scope: Scope): [string, string] {
  checkScope(scope);
  return [scope.teamId, scope.channelId];
}
