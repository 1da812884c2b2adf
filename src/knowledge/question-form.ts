/**
 * The form of a question: what kind of sentence answers it. "What is a true-up?" wants the
 * definition, "how quickly must they tell us?" wants a time, "should we…?" wants a recommendation.
 * Retrieval finds the right article; the form picks the unit of it that answers what was asked.
 * The same function reads a user's question and a unit's own questions, so they meet on one scale.
 */
export type QuestionForm =
  | "definition"
  | "difference"
  | "how-long"
  | "how-many"
  | "should"
  | "ask-for"
  | "how-to"
  | "what-happens"
  | "other";

/** Ordered: the first matching rule wins, so the specific forms come before the general ones. */
const RULES: readonly (readonly [QuestionForm, RegExp])[] = [
  ["difference", /\bdifference between\b|\bversus\b|\bvs\.?\b|\bcompared? (to|with)\b/],
  [
    "how-long",
    /\bhow (long|quickly|soon|fast|early|late)\b|\bhow much notice\b|\bhow many (days|hours|weeks|months)\b|\bdeadline\b|\bwhen (must|should|do|does|can)\b|\bwhen'?s the best time\b/,
  ],
  ["how-many", /\bhow (many|much|often|big|large)\b|\bwhat (share|percentage|size)\b/],
  [
    "ask-for",
    /\bwhat (should|do|can) (we|i) (ask|push|insist|negotiate)\b|\bwhat to (ask|negotiate|push)\b|\bwhat (should|must) (the|a|our) (contract|clause|agreement|sla)\b|\bwhat (terms|rights|protections|clauses)\b|\bwhat should .* (say|include|cover|contain)\b|\b(ask|push) for\b/,
  ],
  [
    "should",
    /^(should|shall)\b|\bshould (we|i|our)\b|\bis it (worth|better|wise|sensible)\b|\bworth it\b|\bwhich is better\b|\bor\b.*\?$|\bdo (we|i) (need|have to)\b|\bdoes it make sense\b|\bis .* (worth|cheaper|better)\b/,
  ],
  ["what-happens", /\bwhat happens\b|\bwhat if\b/],
  [
    "definition",
    /^(what('s| is| are)|whats) (an? |the )?[\w-]+( [\w-]+){0,2}\??$|\bwhat does .* (mean|stand for)\b|\bmeaning of\b|\bdefine\b|\bdefinition\b/,
  ],
  ["how-to", /^how (do|can|should|would|to)\b|^how\b/],
];

export function questionForm(question: string): QuestionForm {
  const q = question
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  for (const [form, pattern] of RULES) if (pattern.test(q)) return form;
  return "other";
}
