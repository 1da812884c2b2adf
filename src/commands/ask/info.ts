/** What `help` and the registry know about `ask`, without loading the knowledge base. */
import type { CommandInfo } from "../command.js";

export const NAME = "ask";
export const USAGE = 'ask "QUESTION"   e.g. ask "is concurrent cheaper for our HR team?"';
export const EXAMPLE = 'ask "what is a sensible renewal cap?"';

export const ASK_INFO: CommandInfo = {
  name: NAME,
  aliases: ["q", "question"],
  summary:
    "Answers a licensing question from the knowledge base, with sources, or runs the calculation it describes.",
  usage: USAGE,
  examples: [
    'ask "is concurrent cheaper for our HR team?"',
    'ask "what is a sensible renewal cap?"',
    'ask "what would 150 named at 70 and 100 concurrent at 140 cost against 500 named at 100?"',
    'ask "renew 294k at a 3% cap for 3 years"',
  ],
  help: [
    "Ask in plain words; the answer is a few sentences from dealdesk's knowledge base, with the articles it came from.",
    "A question with the numbers of a calculation is run by the calculator instead: seats and prices go to cost, a tier list and a seat count to tiers, an annual amount with a term and a cap or uplift to renewal.",
    "When the knowledge base has nothing on the question, ask says so in one line rather than guessing.",
    "With OPENAI_API_KEY set, a model answers instead, calling the same calculators and knowledge search; every figure in its reply must come from a calculator, an article or the question, or the knowledge base's answer is given, with a note saying why.",
  ],
};
