/**
 * The account a Windows Security event is about, read from its message text (Event Viewer's
 * description, PowerShell's `Message`):
 *
 *     An account was successfully logged on.
 *     Subject:
 *         Account Name:   WS-0101$          ← the machine that reported it, not the person
 *     Logon Information:
 *         Logon Type:     2
 *     New Logon:
 *         Account Name:   ann.lee           ← the person
 *         Logon ID:       0x3E7A1
 *
 * The person is in "New Logon" (4624), "Account For Which Logon Failed" (4625) or "Subject"
 * (4634, 4647). Older systems (528, 538…) write "User Name:" and "Logon ID: (0x0,0x3E7A1)" without
 * sections.
 */

export interface WindowsAccount {
  readonly account: string | undefined;
  readonly domain: string | undefined;
  readonly logonId: string | undefined;
  readonly logonType: string | undefined;
}

/** Sections naming the person, most telling first; "" is the text before any section. */
const TARGET_SECTIONS = ["newlogon", "accountforwhichlogonfailed", "subject", ""];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");
const SECTION = /^\s*([A-Za-z][A-Za-z ]*):\s*$/;
const FIELD = /^\s*([A-Za-z][A-Za-z ]*?):\s*(.*?)\s*$/;

export function readWindowsMessage(message: string): WindowsAccount {
  const sections = new Map<string, Map<string, string>>([["", new Map()]]);
  let current = sections.get("") as Map<string, string>;
  let logonType: string | undefined;
  for (const line of message.split(/\r\n|\n|\r/)) {
    const section = SECTION.exec(line);
    if (section) {
      current = new Map();
      sections.set(norm(section[1] as string), current);
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) continue;
    const key = norm(field[1] as string);
    const value = field[2] as string;
    if (key === "logontype") logonType ??= value;
    if (!current.has(key)) current.set(key, value);
  }
  // Then any section with an account: old messages open with a title line ("Successful Logon:").
  const names = [
    ...TARGET_SECTIONS,
    ...[...sections.keys()].filter((n) => !TARGET_SECTIONS.includes(n)),
  ];
  for (const name of names) {
    const fields = sections.get(name);
    const account = fields?.get("accountname") ?? fields?.get("username");
    if (fields === undefined || account === undefined) continue;
    return {
      account: present(account),
      domain: present(fields.get("accountdomain") ?? fields.get("domain")),
      logonId: logonIdOf(fields.get("logonid")),
      logonType: present(logonType),
    };
  }
  return {
    account: undefined,
    domain: undefined,
    logonId: undefined,
    logonType: present(logonType),
  };
}

/** "-" and "" mean none. */
function present(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === "" || v === "-" ? undefined : v;
}

/** "0x3E7A1", and the old "(0x0,0x3E7A1)" as its low part, lower case. */
export function logonIdOf(value: string | undefined): string | undefined {
  const v = present(value);
  if (v === undefined) return undefined;
  const pair = /^\(\s*0x[0-9a-f]+\s*,\s*(0x[0-9a-f]+)\s*\)$/i.exec(v);
  return (pair ? (pair[1] as string) : v).toLowerCase();
}
