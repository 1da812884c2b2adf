/**
 * Column names → fields. Headers are compared with case, spacing and punctuation ignored, so
 * "E-mail Address", "email_address" and "EmailAddress" are the same. Each field tries its aliases
 * in order of preference ("Agent Email" beats "Agent Name" as the user key) and a header serves one
 * field only. `--map field="Header"` overrides the guess.
 */
import { failAll, type Issue, ok, type Result } from "../core/result.js";

export const FIELDS = [
  "user",
  "name",
  "group",
  "role",
  "status",
  "licence",
  "lastLogin",
  "created",
  "activity",
  "vip",
  "start",
  "end",
  "duration",
  "timestamp",
  "event",
  "device",
  "outcome",
  "feature",
] as const;
export type Field = (typeof FIELDS)[number];
export type FileKind = "roster" | "sessions" | "events";

/** Fields of each kind of file, in the order they claim headers. */
export const KIND_FIELDS: Record<FileKind, readonly Field[]> = {
  roster: [
    "user",
    "name",
    "group",
    "role",
    "status",
    "licence",
    "lastLogin",
    "created",
    "activity",
    "vip",
  ],
  sessions: ["user", "start", "end", "duration"],
  events: ["user", "timestamp", "event", "device", "outcome", "feature"],
};

/** How a field is named in messages to the user. */
export const FIELD_LABELS: Record<Field, string> = {
  user: "user (e-mail or id)",
  name: "name",
  group: "group or department",
  role: "role",
  status: "status",
  licence: "licence type",
  lastLogin: "last login",
  created: "created date",
  activity: "activity",
  vip: "VIP flag",
  start: "login time",
  end: "logout time",
  duration: "duration",
  timestamp: "event time",
  event: "event (login or logout)",
  device: "device",
  outcome: "result (success or failure)",
  feature: "licence feature",
};

/** Aliases in normalised form (lower case, letters and digits only), most specific first. */
const ALIASES: Record<Field, readonly string[]> = {
  user: [
    "email",
    "emailaddress",
    "mail",
    "useremail",
    "useremailaddress",
    "agentemail",
    "agentemailaddress",
    "upn",
    "userprincipalname",
    "username",
    "user",
    "userid",
    "loginname",
    "loginid",
    "account",
    "accountname",
    "samaccountname",
    // Palo Alto logs (GlobalProtect, traffic): the web export's "Source User", syslog's srcuser.
    "sourceuser",
    "srcuser",
    // Windows event fields (Get-WinEvent properties, Splunk and Sentinel exports).
    "targetusername",
    "agent",
    "agentid",
    "agentusername",
    "employeeid",
    "staffid",
    "id",
    "agentname",
    "fullname",
    "displayname",
    "name",
  ],
  name: ["name", "fullname", "displayname", "agentname", "employeename", "username"],
  group: [
    "group",
    "department",
    "dept",
    "team",
    "agentgroup",
    "supportgroup",
    "usergroup",
    "businessunit",
    "division",
    "costcentre",
    "costcenter",
  ],
  role: ["role", "agentrole", "userrole", "jobtitle", "title", "position", "orgrole"],
  status: [
    "status",
    "accountstatus",
    "userstatus",
    "agentstatus",
    "state",
    "active",
    "isactive",
    "enabled",
    "isenabled",
    // "Not usable" flags (HaloITSM's "Is Disabled"): read inverted, yes = disabled (roster-values.ts).
    "isdisabled",
    "accountdisabled",
    "disabled",
    "isinactive",
    "inactive",
    "lockedout",
    "islockedout",
    "islocked",
    "accountlocked",
    "issuspended",
    "isdeactivated",
    "isdeleted",
    "isarchived",
  ],
  licence: [
    "licence",
    "license",
    "licencetype",
    "licensetype",
    "licencemodel",
    "licensemodel",
    "licencekind",
    "licensekind",
    "seattype",
    "agenttype",
  ],
  lastLogin: [
    "lastlogin",
    "lastlogon",
    "lastloginat",
    "lastlogindate",
    "lastlogintime",
    "lastlogondate",
    "lastsignin",
    "lastseen",
    "lastactive",
    "lastactivity",
    "lastaccess",
    "lastsignedin",
    "lastsigninat",
    "lastsignintime",
    "lastsignindate",
    "lastloggedin",
    "lastlogonat",
    "lastlogontime",
    // Atlassian's "Export users" has one "Last seen in <product>" column per product.
    "lastseeninjiraservicemanagement",
    "lastseeninjiraservicedesk",
  ],
  created: [
    "created",
    "createdat",
    "createddate",
    "datecreated",
    "createdon",
    "creationdate",
    "accountcreated",
    "whencreated",
    "syscreatedon",
    "addedtoorg",
    "addedtoorganisation",
    "addedtoorganization",
    "dateadded",
    "createdtime",
  ],
  activity: [
    "activity",
    "ticketsworked",
    "tickets90d",
    "tickets90days",
    "ticketslast90days",
    "tickets",
    "ticketcount",
    "ticketsclosed",
    "ticketsresolved",
    "sessions",
    "sessions90d",
    "sessions90days",
    "sessionslast90days",
    "activity90d",
    "activity90days",
    "logins",
    "logins90d",
    "loginslast90days",
    "actions",
  ],
  vip: ["vip", "isvip", "vipuser", "vipflag"],
  start: [
    "start",
    "starttime",
    "startdate",
    "startdatetime",
    "sessionstart",
    "sessionstarttime",
    "login",
    "logintime",
    "logindate",
    "logindatetime",
    "loginat",
    "logon",
    "logontime",
    "loggedin",
    "loggedinat",
    "signin",
    "signintime",
    "connected",
    "connecttime",
    "from",
    "begin",
    // Licence servers and their usage reports: a checkout takes a licence, a checkin returns it.
    "checkedout",
    "checkedoutat",
    "checkedouttime",
    "checkedoutdate",
    "checkout",
    "checkoutat",
    "checkouttime",
    "checkoutdate",
    "checkoutdatetime",
    // FreeRADIUS radacct (SQL accounting table).
    "acctstarttime",
  ],
  end: [
    "end",
    "endtime",
    "enddate",
    "enddatetime",
    "sessionend",
    "sessionendtime",
    "logout",
    "logouttime",
    "logoutdate",
    "logoutdatetime",
    "logoutat",
    "logoff",
    "logofftime",
    "loggedout",
    "loggedoutat",
    "signout",
    "signouttime",
    "disconnected",
    "disconnecttime",
    "to",
    "until",
    "finish",
    "checkedin",
    "checkedinat",
    "checkedintime",
    "checkedindate",
    "checkin",
    "checkinat",
    "checkintime",
    "checkindate",
    "checkindatetime",
    "returned",
    "returnedat",
    "returntime",
    "acctstoptime",
  ],
  duration: ["duration", "sessionduration", "length", "sessionlength", "timeonline", ""],
  timestamp: [
    "timestamp",
    "datetime",
    "date",
    "time",
    "eventtime",
    "eventdate",
    "eventtimestamp",
    "timegenerated",
    "generatedtime",
    "timecreated",
    "occurred",
    "occurredat",
    "when",
    // Windows Event Viewer's CSV.
    "dateandtime",
  ],
  event: ["event", "activity", "action", "eventtype", "eventname", "type", "eventid"],
  device: [
    "pc",
    "device",
    "host",
    "hostname",
    "computer",
    "computername",
    "machine",
    "workstation",
    // Windows Security events: a logon and its logoff share a Logon ID (windows-security.ts).
    "logonid",
  ],
  // Beside the event: did it succeed? Windows writes "Audit Failure" under Keywords.
  outcome: [
    "result",
    "outcome",
    "outcomeresult",
    "eventresult",
    "auditresult",
    "loginresult",
    "logonresult",
    "signinresult",
    "success",
    "succeeded",
    "successful",
    "issuccess",
    "status",
    "loginstatus",
    "logonstatus",
    "signinstatus",
    "keywords",
    "entrytype",
  ],
  // Licence-server logs: each feature is its own licence, checked out and in on its own.
  feature: ["feature", "featurename", "licencefeature", "licensefeature", "product", "productname"],
};

/** In an event log a bare "id" is the event's id (logon.csv: `id,date,user,pc,activity`), not the user's. */
const NOT_IN_KIND: Partial<Record<FileKind, Partial<Record<Field, readonly string[]>>>> = {
  events: { user: ["id"] },
};

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A duration header without its unit: "Duration (mins)" → "duration", "Minutes" → "". */
function durationStem(header: string): string {
  return normaliseHeader(header.replace(/\((s|m|h)\)/gi, "")).replace(
    /(seconds?|secs?|minutes?|mins?|hours?|hrs?|inseconds|inminutes|inhours)$/,
    "",
  );
}

function matches(field: Field, header: string, alias: string): boolean {
  if (field === "duration") {
    return durationStem(header) === alias && (alias !== "" || normaliseHeader(header) !== "");
  }
  return normaliseHeader(header) === alias;
}

/** Which header each field reads from (index into the header list). */
export type ColumnMap = Readonly<Partial<Record<Field, number>>>;

export function quoteList(headers: readonly string[]): string {
  const named = headers.filter((h) => h.trim() !== "").map((h) => `"${h}"`);
  return named.length > 0 ? named.join(", ") : "(none)";
}

/** The header an override names: exact text first, then ignoring case, spacing and punctuation. */
function findHeader(headers: readonly string[], wanted: string): number {
  const exact = headers.indexOf(wanted);
  if (exact >= 0) return exact;
  const norm = normaliseHeader(wanted);
  return norm === "" ? -1 : headers.findIndex((h) => normaliseHeader(h) === norm);
}

/** Overrides that name a known field and an existing header, as field → header index. */
export function resolveOverrides(
  headers: readonly string[],
  overrides: Readonly<Partial<Record<string, string>>>,
): Result<ColumnMap> {
  const issues: Issue[] = [];
  const map: Partial<Record<Field, number>> = {};
  for (const [field, header] of Object.entries(overrides)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      issues.push({
        code: "map.unknown_field",
        message: `--map ${field}= is not a field I read. Fields: ${FIELDS.join(", ")}.`,
        hint: '--map start="Login Time"',
      });
      continue;
    }
    const index = findHeader(headers, header ?? "");
    if (index < 0) {
      issues.push({
        code: "map.unknown_column",
        message: `--map ${field}="${header}" names no column in the file. Columns found: ${quoteList(headers)}.`,
        hint: `--map ${field}="<one of the columns above>"`,
      });
      continue;
    }
    map[field as Field] = index;
  }
  return issues.length > 0 ? failAll(issues) : ok(map);
}

/** Maps the fields of one kind of file to headers, starting from the user's overrides. */
export function mapColumns(
  headers: readonly string[],
  kind: FileKind,
  overrides: ColumnMap,
): ColumnMap {
  const map: Partial<Record<Field, number>> = {};
  const taken = new Set<number>();
  for (const field of KIND_FIELDS[kind]) {
    const index = overrides[field];
    if (index !== undefined) {
      map[field] = index;
      taken.add(index);
    }
  }
  for (const field of KIND_FIELDS[kind]) {
    if (map[field] !== undefined) continue;
    const excluded = NOT_IN_KIND[kind]?.[field] ?? [];
    for (const alias of ALIASES[field]) {
      if (excluded.includes(alias)) continue;
      const index = headers.findIndex((h, i) => !taken.has(i) && matches(field, h, alias));
      if (index >= 0) {
        map[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return map;
}

/** True when a header is a known alias of any field of any kind (used to tell a header from data). */
export function isKnownHeader(header: string): boolean {
  return FIELDS.some((f) => ALIASES[f].some((a) => matches(f, header, a)));
}
