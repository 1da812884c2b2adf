/**
 * `ask`: a licensing question in plain words. A question that carries a calculation's numbers is
 * translated into a calculator command and run (route.ts); any other question is answered
 * from the knowledge base in a few sentences, with the articles cited, or with a plain line saying
 * the knowledge base has no answer. When the context carries a model answerer (OPENAI_API_KEY),
 * the model answers first, calling the same calculators and knowledge search as tools; if it fails,
 * is slow, or writes a figure of its own (figures are inserted by code), the deterministic answer is given instead, with a
 * note saying so.
 */

import type { Issue } from "../../core/result.js";
import { type Answer, answerQuestion } from "../../knowledge/answer.js";
import { defaultKnowledgeBase } from "../../knowledge/knowledge.js";
import type { Command } from "../command.js";
import type { CommandContext, QuestionAnswerer } from "../context.js";
import { answerQuote } from "../quote/answer.js";
import { readQuote } from "../quote/read.js";
import { type CommandOutcome, type Reply, rejected, replied } from "../reply.js";
import { runCalculatorText, runRoute } from "./calculators.js";
import { ASK_INFO, EXAMPLE, NAME, USAGE } from "./info.js";
import type { ModelAnswer } from "./model-answer.js";
import { fallbackNote, modelNote, sentencesOf } from "./presentation.js";
import { type Route, routeQuestion } from "./route.js";

const COST_EXAMPLE = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100";
const TIERS_EXAMPLE = 'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62"';
const RENEWAL_EXAMPLE = "renewal 294000 --years 3 --cap 3%";
const IMPL_EXAMPLE = "impl --fixed 45k --days 60 --day-rate 1200 --overrun 10-40%";

/** The calculator worth trying after an answer from each article. */
const FOLLOW_UPS: Readonly<Record<string, string>> = {
  "named-vs-concurrent": COST_EXAMPLE,
  "mixing-licence-types": COST_EXAMPLE,
  "user-groups-licence-fit": COST_EXAMPLE,
  "named-concurrent-break-even": COST_EXAMPLE,
  "worked-example-500-staff": COST_EXAMPLE,
  "savings-attribution": COST_EXAMPLE,
  "expanding-beyond-it": COST_EXAMPLE,
  "all-staff-self-service": COST_EXAMPLE,
  "shift-based-teams": COST_EXAMPLE,
  "volume-tiers": TIERS_EXAMPLE,
  "landing-volume-break": TIERS_EXAMPLE,
  "renewal-caps": RENEWAL_EXAMPLE,
  "cpi-clauses": "renewal 294000 --years 3 --cpi 4.1,3.2 --lesser-of 3%",
  "multi-year-terms": "renewal 294000 --years 3 --cap 3% --discount 5%",
  "implementation-cost-control": IMPL_EXAMPLE,
  "milestone-payments": IMPL_EXAMPLE,
};

/** The question without the quotes a shell or Slack user may have put around it. */
export function cleanQuestion(text: string): string {
  const trimmed = text.trim().replace(/[\u201c\u201d]/g, '"');
  const quoted = /^"([\s\S]*)"$/.exec(trimmed) ?? /^'([\s\S]*)'$/.exec(trimmed);
  return (quoted?.[1] ?? trimmed).trim();
}

/**
 * The `data` contract of an ask reply:
 * - `answer`: the answer as one paragraph (for a routed question, the calculator's headline; when
 *   nothing was found, the no-answer line);
 * - `sources`: `[{ id, title }]`, the articles the answer was drawn from (empty when routed or when
 *   nothing was found);
 * - `routedTo`: present only when the question went to a calculator: the command text that was run;
 * - `noAnswer`: true when the knowledge base had nothing relevant;
 * - `result`: present only when routed: the calculator's own `data`.
 * When a model answerer is configured, the data also carries (see withModel):
 * - `answeredBy`: "model" or "knowledge-base" (the model failed, was slow, or was not grounded);
 * - `grounding`: `{ rejected: true, problems }` when the model's reply broke the figure rules (a
 *   figure of its own, an unknown figure name, a tool argument the user never gave): the problems
 *   are reason codes, never the model's text, so an invented figure is never shown;
 * - for a model answer: `model` (its name) and `calculations`: `[{ command, result }]`, each
 *   calculator the model ran, with the command text and the calculator's own `data`.
 */
function askData(
  answer: string,
  sources: Answer["sources"],
  noAnswer: boolean,
  routed?: { route: Route; reply: Reply },
) {
  return {
    answer,
    sources: sources.map((s) => ({ id: s.id, title: s.title })),
    ...(routed ? { routedTo: routed.route.text } : {}),
    noAnswer,
    ...(routed ? { result: routed.reply.data } : {}),
  };
}

async function routedReply(route: Route, ctx: CommandContext): Promise<CommandOutcome> {
  const outcome = await runRoute(route, ctx);
  if (!outcome.ok) return outcome;
  const reply = outcome.reply;
  return replied({
    ...reply,
    command: NAME,
    notes: [...reply.notes, `Worked out with: ${route.text}`],
    data: askData(reply.headline, [], false, { route, reply }),
  });
}

function answerReply(answer: Answer): CommandOutcome {
  if (answer.noAnswer) {
    return replied({
      command: NAME,
      headline: answer.text,
      tables: [],
      notes: [],
      working: [],
      // A declined question gets no calculator to try: a worked example would read as an answer.
      next: ["help"],
      data: askData(answer.text, [], true),
    });
  }
  const [first = "", ...rest] = answer.sentences;
  const followUps = [...new Set(answer.sources.flatMap((s) => FOLLOW_UPS[s.id] ?? []))];
  return replied({
    command: NAME,
    headline: first,
    tables: [],
    notes: [
      ...(rest.length > 0 ? [rest.join(" ")] : []),
      `Sources: ${answer.sources.map((s) => s.title).join(" · ")}`,
    ],
    working: [],
    next: followUps.slice(0, 2),
    data: askData(answer.text, answer.sources, false),
  });
}

/**
 * The answer without a model: a comparison of plans ("… vs …") to cost; a quote, or a question
 * with a quote's numbers, to the quote reader; any other calculation the router recognises to its
 * calculator; else retrieval.
 */
async function deterministicAnswer(question: string, ctx: CommandContext): Promise<CommandOutcome> {
  const route = routeQuestion(question);
  if (route !== undefined && isPlanComparison(question)) return routedReply(route, ctx);
  const reading = readQuote(question);
  if (reading.isQuote) return answerQuote(reading, ctx, runCalculatorText);
  if (route) return routedReply(route, ctx);
  const kb = defaultKnowledgeBase();
  if (!kb.ok) return rejected(NAME, kb.issues, USAGE);
  return answerReply(answerQuestion(kb.value, question));
}

/** Plans compared with each other ("… vs …") are the cost command's job; the reader reads one quote. */
function isPlanComparison(question: string): boolean {
  const route = routeQuestion(question);
  return route?.command === "cost" && route.text.includes(" vs ");
}

/** The model's grounded answer: its words, the calculators' tables and working, the sources. */
function modelReply(answer: Extract<ModelAnswer, { ok: true }>): CommandOutcome {
  const [first = answer.text, ...rest] = sentencesOf(answer.text);
  const calculations = answer.calculations;
  const followUps = [
    ...calculations.flatMap((c) => c.reply.next),
    ...answer.sources.flatMap((s) => FOLLOW_UPS[s.id] ?? []),
  ];
  return replied({
    command: NAME,
    headline: first,
    tables: calculations.flatMap((c) => c.reply.tables),
    notes: [
      ...(rest.length > 0 ? [rest.join(" ")] : []),
      ...calculations.map((c) => `Worked out with: ${c.command}`),
      ...(answer.sources.length > 0
        ? [`Sources: ${answer.sources.map((s) => s.title).join(" · ")}`]
        : []),
      modelNote(answer.model),
    ],
    working: calculations.flatMap((c) => c.reply.working),
    next: [...new Set(followUps)].slice(0, 3),
    data: {
      ...askData(answer.text, answer.sources, false),
      answeredBy: "model",
      model: answer.model,
      calculations: calculations.map((c) => ({ command: c.command, result: c.reply.data })),
    },
  });
}

async function askModel(
  answerer: QuestionAnswerer,
  question: string,
  ctx: CommandContext,
): Promise<ModelAnswer> {
  try {
    return await answerer.answer(question, ctx);
  } catch {
    // An answerer promises not to throw; if one does, the user still gets an answer.
    return { ok: false, reason: "malformed", detail: "the model answerer failed" };
  }
}

/** The model first; on any failure the deterministic answer, with a note and `answeredBy`. */
async function withModel(
  answerer: QuestionAnswerer,
  question: string,
  ctx: CommandContext,
): Promise<CommandOutcome> {
  const answer = await askModel(answerer, question, ctx);
  if (answer.ok) return modelReply(answer);
  const outcome = await deterministicAnswer(question, ctx);
  if (!outcome.ok) return outcome;
  const reply = outcome.reply;
  return replied({
    ...reply,
    notes: [...reply.notes, fallbackNote(answer)],
    data: {
      ...reply.data,
      answeredBy: "knowledge-base",
      ...(answer.reason === "ungrounded"
        ? { grounding: { rejected: true, problems: answer.problems ?? [] } }
        : {}),
    },
  });
}

async function run(text: string, ctx: CommandContext): Promise<CommandOutcome> {
  const question = cleanQuestion(text);
  if (question === "") {
    const issue: Issue = { code: "ask.empty", message: "ask needs a question", hint: EXAMPLE };
    return rejected(NAME, [issue], USAGE);
  }
  if (ctx.answerer === undefined) return deterministicAnswer(question, ctx);
  // A quote the reader can work out in full is answered by it even with a model configured: the
  // model could only add words around figures it cannot write, and a slow or refused reply would
  // cost the negotiator time on the call. A quote the reader would ask about goes to the model,
  // whose fallback is that same question.
  const reading = isPlanComparison(question) ? undefined : readQuote(question);
  if (reading?.isQuote) {
    const worked = await answerQuote(reading, ctx, runCalculatorText);
    if (worked.ok) return worked;
  }
  return withModel(ctx.answerer, question, ctx);
}

export const askCommand: Command = {
  ...ASK_INFO,
  run,
};
