/**
 * Global CLI flags, taken out before the rest of argv goes to the shared command parser:
 * `--json`, `--working` (`-w`), `--help` (`-h`), `--version`.
 */
export interface CliArgs {
  readonly json: boolean;
  readonly working: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** The command word and its arguments, in order, without the global flags. */
  readonly rest: readonly string[];
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let json = false;
  let working = false;
  let help = false;
  let version = false;
  const rest: string[] = [];
  for (const a of argv) {
    if (a === "--json") json = true;
    else if (a === "--working" || a === "-w") working = true;
    else if (a === "--help" || a === "-h") help = true;
    else if (a === "--version") version = true;
    else rest.push(a);
  }
  return { json, working, help, version, rest };
}
