/**
 * What the knowledge base does not cover, said plainly instead of answered with whatever article
 * shares a word with the question. Two kinds: questions about nothing in it (the weather), and
 * questions about another vendor's own products — its prices, editions or set-up. The articles
 * mention other vendors only to compare licensing models and as negotiating leverage, so a
 * question naming one is answered only when it is about that.
 */

export const KB_SCOPE =
  "it covers negotiating ITSM licences and contracts: named and concurrent seats, volume tiers, renewals and caps, true-ups, implementation, SLAs, audits, data, exit and vendor terms";

export const NO_ANSWER = `The knowledge base doesn't cover that; ${KB_SCOPE}. I can also cost licensing plans (cost), price volume tiers (tiers) or project a renewal (renewal) — type help to see how.`;

/** Other vendors and products, as they are written in replies. */
const OTHER_VENDORS: readonly (readonly [RegExp, string])[] = [
  [/\bservice ?now\b/, "ServiceNow"],
  [/\bfresh ?service\b/, "Freshservice"],
  [/\bfresh ?desk\b/, "Freshdesk"],
  [/\bfreshworks\b/, "Freshworks"],
  [/\bjira\b/, "Jira"],
  [/\batlassian\b/, "Atlassian"],
  [/\bzendesk\b/, "Zendesk"],
  [/\bmicrosoft\b|\bm365\b|\boffice 365\b|\bintune\b/, "Microsoft"],
  [/\bsalesforce\b/, "Salesforce"],
  [/\bivanti\b/, "Ivanti"],
  [/\bmanage ?engine\b/, "ManageEngine"],
  [/\btopdesk\b/, "TOPdesk"],
  [/\bcherwell\b/, "Cherwell"],
  [/\bbmc\b|\bremedy\b|\bhelix\b/, "BMC"],
  [/\bsysaid\b/, "SysAid"],
  [/\boracle\b/, "Oracle"],
  [/\bsap\b/, "SAP"],
];

/** What the articles say about other vendors: how they license, models compared, quotes as leverage. */
const COVERED_ABOUT_OTHERS =
  /\blicen[sc](ed|ing)\b|\bnamed\b|\bconcurrent\b|\bfloating\b|\bmodel\b|\bonly\b|\bcompar|\bversus\b|\bvs\b|\balternative|\bcompetit|\bleverage\b|\bquotes?\b|\bbenchmark|\brival/;

/** The other vendor a question asks about, when it asks about something the articles don't cover. */
export function uncoveredVendor(question: string): string | undefined {
  const q = question.toLowerCase();
  const vendor = OTHER_VENDORS.find(([pattern]) => pattern.test(q))?.[1];
  if (vendor === undefined || COVERED_ABOUT_OTHERS.test(q)) return undefined;
  return vendor;
}

export function vendorDecline(vendor: string): string {
  return `The knowledge base doesn't cover ${vendor}'s own prices, editions or set-up; ${KB_SCOPE}.`;
}
