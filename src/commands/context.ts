import type { QuestionAnswerer } from "../assistant/types.js";
import type { CurrencyCode, Money } from "../core/money.js";

/** The channel's deal rates, when a front end knows them (Slack: `/deal set …`). */
export interface DealRates {
  readonly currency: CurrencyCode;
  /** Per user per month. */
  readonly namedRate?: Money;
  /** Per pool seat per month. */
  readonly concurrentRate?: Money;
}

/** What every command may rely on besides its own text. Front ends build it from config. */
export interface CommandContext {
  /** Used when the text names no currency; the reply always says it was assumed. */
  readonly defaultCurrency: CurrencyCode;
  /** The channel's stored deal, so a file dropped in a channel can be priced without asking. */
  readonly deal?: DealRates;
  /**
   * Answers `ask` with a model that calls the calculators as tools (createAnswerer(config), set
   * when OPENAI_API_KEY is). Absent, `ask` answers from the knowledge base alone.
   */
  readonly answerer?: QuestionAnswerer;
}
