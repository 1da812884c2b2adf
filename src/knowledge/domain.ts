/**
 * Words that mark a question as being about licensing or contracts. Retrieval alone cannot tell a
 * licensing question from small talk that shares a common word with an article ("what time is it in
 * Sydney" matches "time and materials"), so an answer needs at least one of these words matched, or
 * a match on most of the question. Everyday words such as price, cost and time are left out on
 * purpose: they appear in off-topic questions as often as in real ones.
 */
import { termOf } from "./terms.js";

const ANCHOR_WORDS = `licence licences licensing seat seats named concurrent pool slot agent agents
  fulfiller user users contract vendor renewal renew cap uplift cpi discount tier volume sla
  servicecredit audit data exit termination terminate implementation trueup multiyear noticeperiod
  liability security breach gdpr dataresidency portability negotiation negotiate leverage benchmark
  quote partner itsm esm servicenow freshservice jira zendesk budget invoice payment milestone
  subscription subprocessor encryption escalator procurement sign compliance reharvest
  shelfware headcount pricebook timematerials autorenew rightsize rightsizing peak session login
  environment dr sandbox customisation integration ownership portal selfservice shift roundtheclock
  acquisition changeofcontrol governance stakeholder scope rca uptime outage incident severity
  glossary allin addon ai onprem cloud saas hosting migration transition deletion decommission
  penalty termination overrun acceptance golive pilot rollout logout departed joiner`;

export const ANCHOR_TERMS: ReadonlySet<string> = new Set(
  ANCHOR_WORDS.split(/\s+/).flatMap((w) => termOf(w) ?? []),
);
