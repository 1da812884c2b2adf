import type { CurrencyCode } from "../core/money.js";

/** What every command may rely on besides its own text. Front ends build it from config. */
export interface CommandContext {
  /** Used when the text names no currency; the reply always says it was assumed. */
  readonly defaultCurrency: CurrencyCode;
}
