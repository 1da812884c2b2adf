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
    "A quote pasted from a vendor's e-mail is read: the reply starts with what was read (seats, price per agent, term, uplift or cap, tiers, implementation, active seats), then the figures, then every number it did not use. A doubtful reading (a £1.2m price per agent, a price with no period, two terms) is a question back, not a figure. In the console, a pasted quote needs no command word.",
    "When the knowledge base has nothing on the question, ask says so in one line rather than guessing.",
    "With OPENAI_API_KEY set, a model answers instead, calling the same calculators and knowledge search; every figure in its reply must come from a calculator, an article or the question, or the knowledge base's answer is given, with a note saying why.",
  ],
};
