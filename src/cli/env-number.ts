/**
 * A whole-number setting read from the environment by the Slack server (thread count, shutdown
 * grace): unset or blank gives the default, anything else must be a whole number in range, or the
 * result is the one line that names the variable and says what it expects.
 */
export type EnvNumber =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

export interface EnvNumberRule {
  /** What the number counts, for the message: "threads", "seconds". */
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

export function wholeNumberFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  rule: EnvNumberRule,
): EnvNumber {
  const text = env[name]?.trim();
  if (text === undefined || text === "") return { ok: true, value: rule.fallback };
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < rule.min || value > rule.max) {
    return {
      ok: false,
      message: `${name} must be a whole number of ${rule.unit} from ${rule.min} to ${rule.max} (got "${text}")`,
    };
  }
  return { ok: true, value };
}
