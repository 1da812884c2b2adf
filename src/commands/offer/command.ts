/**
 * `offer …`: records a round (or sets our target / walk-away) in the channel's offer book, which
 * the front end hands in as ctx.offers. The date defaults to today (UTC, from ctx.now) and the
 * reply says so; amounts default to the channel's offers' currency, else the deal's or the default.
 */
import { type OfferLedger, overlay } from "../../core/offer-terms.js";
import type { Command } from "../command.js";
import type { CommandContext } from "../context.js";
import { type CommandOutcome, rejected } from "../reply.js";
import { readOffer, type TypedOffer } from "./grammar.js";
import { OFFER_EXAMPLE, OFFER_INFO } from "./info.js";
import { noBookReply, positionReply, roundReply } from "./offer-reply.js";
import { offerTerms, type ReadTerms } from "./terms.js";

/** Today's date in UTC, `YYYY-MM-DD`. */
function today(ctx: CommandContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

function channelCurrency(ledger: OfferLedger) {
  return ledger.rounds[0]?.currency ?? ledger.target?.currency ?? ledger.walkAway?.currency;
}

function dateNotes(typed: TypedOffer, date: string, now: string, ledger: OfferLedger): string[] {
  const notes: string[] = [];
  if (typed.date === undefined) notes.push(`No date given, so I dated it today, ${now} (UTC).`);
  if (date > now) notes.push(`${date} is after today (${now}, UTC): check the date.`);
  const last = ledger.rounds[ledger.rounds.length - 1];
  if (last !== undefined && date < last.date) {
    notes.push(
      `It is dated before round ${last.round} (${last.date}); rounds stay in the order they were recorded.`,
    );
  }
  return notes;
}

function currencyNotes(read: ReadTerms, ledger: OfferLedger): string[] {
  if (!read.currencyAssumed) return [];
  const from = channelCurrency(ledger) ? "this channel's offers" : "the default";
  return [`No currency given, so amounts are in ${read.currency} (${from}).`];
}

export const offerCommand: Command = {
  ...OFFER_INFO,
  async run(text, ctx): Promise<CommandOutcome> {
    const typed = readOffer(text);
    if (!typed.ok) return rejected("offer", typed.issues, OFFER_EXAMPLE);
    const book = ctx.offers;
    const ledger: OfferLedger = book ? await book.ledger() : { rounds: [] };
    const stored = channelCurrency(ledger);
    const read = offerTerms(typed.value, stored ?? ctx.defaultCurrency);
    if (!read.ok) return rejected("offer", read.issues, OFFER_EXAMPLE);
    if (stored !== undefined && read.value.currency !== stored) {
      const message = `this channel's offers are in ${stored}, so a round in ${read.value.currency} can't be compared with them`;
      return rejected(
        "offer",
        [{ code: "offer.currency_mismatch", message, hint: `write the amounts in ${stored}` }],
        OFFER_EXAMPLE,
      );
    }
    if (book === undefined) return noBookReply("offer", read.value.terms);
    const { who } = typed.value;
    if (who.kind === "round") {
      const now = today(ctx);
      const date =
        typed.value.date === undefined || typed.value.date === "today" ? now : typed.value.date;
      const saved = await book.addRound({
        date,
        offeredBy: who.party,
        currency: read.value.currency,
        terms: read.value.terms,
      });
      const notes = [
        ...dateNotes(typed.value, date, now, ledger),
        ...currencyNotes(read.value, ledger),
      ];
      return roundReply(saved, ledger, { notes, keptIn: book.keptIn });
    }
    const before = who.kind === "target" ? ledger.target : ledger.walkAway;
    const terms = overlay(before?.terms ?? {}, read.value.terms);
    const position = await book.setPosition(who.kind, { currency: read.value.currency, terms });
    const after: OfferLedger = {
      ...ledger,
      ...(who.kind === "target" ? { target: position } : { walkAway: position }),
    };
    return positionReply(who.kind, position.terms, after, {
      notes: currencyNotes(read.value, ledger),
      keptIn: book.keptIn,
    });
  },
};
