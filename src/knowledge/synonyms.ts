/**
 * Words negotiators use for the same idea. Multi-word phrases are first joined into one word
 * ("true-up" → "trueup"); then every word of a group is folded onto the group's first word, in
 * articles and questions alike, so a question about a "floating licence" finds the articles that
 * say "concurrent". Groups are small on purpose: folding unrelated words together blurs ranking.
 */
import { stem } from "./stem.js";

/** Phrases written several ways, joined into one word before splitting. Applied to lower case. */
const COMPOUNDS: readonly (readonly [RegExp, string])[] = [
  [/\bright[- ]?siz/g, "rightsiz"],
  // Not a licence that is shared: kept apart from the "shared" of the concurrent group.
  [/\bshare[- ]?prices?\b/g, "shareprice"],
  // "What does ESM stand for?" asks for a definition.
  [/\bstands? for\b/g, "definition"],
  [/\btrue[- ]?ups?\b/g, "trueup"],
  [/\bbreak[- ]?even\b/g, "breakeven"],
  [/\bmulti[- ]?years?\b/g, "multiyear"],
  [/\bself[- ]?serv(ice|e)\b/g, "selfservice"],
  [/\bfollow[- ]the[- ]sun\b/g, "roundtheclock"],
  [/\b24\s?[/x]\s?7\b|\bround[- ]the[- ]clock\b/g, "roundtheclock"],
  [/\ball-in\b/g, "allin"],
  [/\btime[- ]and[- ]materials?\b|\bt\s?&\s?m\b/g, "timematerials"],
  [/\bsub[- ]?processors?\b/g, "subprocessor"],
  [/\bon[- ]prem(ises|ise)?\b/g, "onprem"],
  [
    /\bauto[- ]?renew(al|als|s|ing|ed)?\b|\bautomatic(ally)? renew(al|als|s|ing|ed)?\b/g,
    "autorenew",
  ],
  [/\bservice[- ]levels?( agreements?)?\b|\bslas?\b/g, "sla"],
  [/\bhuman resources\b/g, "hr"],
  [/\bartificial intelligence\b/g, "ai"],
  [/\badd[- ]?ons?\b/g, "addon"],
  [/\bwalk[- ]?away\b|\bwalk away\b/g, "walkaway"],
  [/\b(year|quarter|month)[- ]end\b/g, "periodend"],
  [/\bshelf[- ]?ware\b/g, "shelfware"],
  [/\bgo[- ]?live\b/g, "golive"],
  [/\bprice[- ]?books?\b|\bprice[- ]?lists?\b|\brate[- ]?cards?\b/g, "pricebook"],
  [/\bhead[- ]?counts?\b/g, "headcount"],
  [/\bchange[- ]of[- ]control\b/g, "changeofcontrol"],
  [/\broot[- ]cause( analysis| analyses)?\b|\brcas?\b/g, "rca"],
  [/\bforce[- ]majeure\b/g, "forcemajeure"],
  [/\bdisaster[- ]recovery\b/g, "dr"],
  [/\bsoc\s?2\b/g, "soc2"],
  [/\biso\s?27001\b/g, "iso27001"],
  [/\bnon[- ]?compliance\b/g, "noncompliance"],
  [/\bservice[- ]credits?\b/g, "servicecredit"],
  [/\bnotice[- ]periods?\b/g, "noticeperiod"],
  [/\bdata[- ]residency\b|\bdata[- ]sovereignty\b|\bdata[- ]location\b/g, "dataresidency"],
  // A leaver is a departed user; without this "leaver" and "annual leave" share the stem "leav".
  [/\bleavers?\b/g, "departed"],
  [/\bnew (starter|joiner|hire)s?\b|\bjoiners?\b/g, "joiner"],
  [/\blog(s|ged|ging)?[- ]?(off|out)s?\b/g, "logout"],
  // "Times out" is the timeout, not the time of day ("in real time").
  [/\btim(e|es|ed|ing)[- ]?outs?\b/g, "timeout"],
  [/\broll(s|ed|ing)?[- ]out\b/g, "rollout"],
];

/** Synonym groups; the first word is the canonical one. */
const GROUPS: readonly (readonly string[])[] = [
  ["concurrent", "floating", "shared", "concurrency", "simultaneous", "simultaneously"],
  ["named", "dedicated", "assigned", "nominated"],
  ["uplift", "increase", "escalator", "escalators", "hike", "rise", "indexation"],
  ["cap", "ceiling"],
  ["cpi", "inflation", "rpi"],
  ["agent", "fulfiller", "analyst", "technician", "engineer"],
  ["vendor", "supplier", "provider", "seller"],
  ["contract", "agreement", "deal"],
  ["tier", "band", "threshold", "bracket", "break"],
  ["staff", "employee", "workforce", "personnel", "people"],
  ["implementation", "deployment", "rollout", "onboard"],
  ["competitor", "competing", "competition", "rival", "alternative"],
  ["glossary", "definition", "define", "meaning", "mean", "jargon", "acronym"],
  ["terminate", "termination", "cancel", "cancellation", "cancelled", "cancelling", "canceled"],
  ["acquisition", "acquire", "acquired", "bought", "takeover", "buyout", "merger"],
  ["autorenew", "evergreen", "rollover"],
  ["addon", "module", "sku", "bundle", "unbundle", "unbundling"],
  ["occasional", "infrequent", "casual", "light", "sporadic", "rare", "rarely"],
  ["power", "heavy", "frequent", "daily"],
  ["inactive", "dormant", "unused", "stale", "shelfware", "departed"],
  ["overrun", "overspend", "blowout"],
  ["quote", "proposal", "offer", "bid"],
  ["discount", "concession", "markdown"],
  ["liability", "liable"],
  ["encryption", "encrypt", "encrypted"],
  ["notification", "notify", "notified", "tell", "telling", "inform", "informed"],
  ["change", "swap", "replace", "alter"],
  ["compliance", "compliant", "comply"],
  ["negotiate", "negotiation", "haggle", "bargain", "negotiator"],
  ["reharvest", "reharvesting", "reclaim", "recycle", "reassign", "harvest"],
  ["portability", "portable", "export", "extract", "extraction"],
  ["uptime", "availability", "outage", "downtime"],
  ["saving", "save", "reduction", "reduce", "cheaper", "cheap"],
  ["sign", "signoff", "approve", "approval", "approver"],
  ["cloud", "saas", "hosted"],
  ["executive", "exec", "vip", "leadership", "director", "board"],
  ["audit", "inspect", "inspection", "auditor"],
  ["migrate", "migration", "switch", "switching"],
  ["reasonable", "sensible", "sane", "fair", "typical", "normal"],
];

const CANONICAL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of GROUPS) {
    const head = stem(group[0] as string);
    for (const word of group) map.set(stem(word), head);
  }
  return map;
})();

export function joinCompounds(lowerText: string): string {
  let text = lowerText;
  for (const [pattern, word] of COMPOUNDS) text = text.replace(pattern, word);
  return text;
}

/** The canonical term for a stem (itself when it belongs to no group). */
export function canonicalTerm(stemmed: string): string {
  return CANONICAL.get(stemmed) ?? stemmed;
}
