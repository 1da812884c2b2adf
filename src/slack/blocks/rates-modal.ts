/**
 * The "Change rates" form: vendor, currency and the two monthly rates, validated on submit (each
 * bad field gets its message under it), then stored as the channel's deal.
 */
import { z } from "zod";
import type { ChannelDeal } from "../../commands/deal/set.js";
import { toDecimal } from "../../core/money.js";
import { stripInvisible } from "./text.js";
import { type Block, plain } from "./types.js";

export const RATES_CALLBACK = "dealdesk.rates.submit";
export const FIELDS = {
  vendor: "vendor",
  currency: "currency",
  named: "named",
  concurrent: "concurrent",
} as const;

function input(
  id: string,
  label: string,
  hint: string,
  initial: string | undefined,
  placeholder: string,
): Block {
  return {
    type: "input",
    block_id: id,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: "plain_text_input",
      action_id: id,
      placeholder: plain(placeholder),
      // A stored vendor is the user's text: shown literally, less invisible characters.
      ...(initial ? { initial_value: stripInvisible(initial) } : {}),
    },
  };
}

export interface RatesView {
  readonly type: "modal";
  readonly callback_id: string;
  readonly title: ReturnType<typeof plain>;
  readonly submit: ReturnType<typeof plain>;
  readonly close: ReturnType<typeof plain>;
  readonly private_metadata: string;
  readonly blocks: readonly Block[];
}

/** `privateMetadata`: where it was opened, sealed (src/slack/rates/rates-origin.ts). */
export function ratesModal(
  privateMetadata: string,
  deal: ChannelDeal | undefined,
  fallbackCurrency: string,
): RatesView {
  return {
    type: "modal",
    callback_id: RATES_CALLBACK,
    title: plain("Change rates"),
    submit: plain("Save and re-run"),
    close: plain("Cancel"),
    private_metadata: privateMetadata,
    blocks: [
      input(FIELDS.vendor, "Vendor", "Whose licences these are.", deal?.vendor, "HaloITSM"),
      input(
        FIELDS.currency,
        "Currency",
        "An ISO code such as GBP, USD or EUR.",
        deal?.currency ?? fallbackCurrency,
        "GBP",
      ),
      input(
        FIELDS.named,
        "Named rate per user per month",
        "A positive amount, e.g. 70 or 70.50.",
        deal?.namedRate ? toDecimal(deal.namedRate) : undefined,
        "70",
      ),
      input(
        FIELDS.concurrent,
        "Concurrent rate per pool slot per month",
        "A positive amount, e.g. 140.",
        deal?.concurrentRate ? toDecimal(deal.concurrentRate) : undefined,
        "140",
      ),
    ],
  };
}

const fieldState = z.object({ value: z.string().nullish() });
/** The part of view.state.values the form reads; anything else in the payload is ignored. */
export const ratesStateSchema = z.object({
  vendor: z.object({ vendor: fieldState }),
  currency: z.object({ currency: fieldState }),
  named: z.object({ named: fieldState }),
  concurrent: z.object({ concurrent: fieldState }),
});
