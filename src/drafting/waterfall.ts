/**
 * The savings waterfall: a chain of plans from the vendor's offer to our counter-proposal, each one
 * change away from the last, so the steps add up exactly to the total (the same telescoping idea as
 * core/attribution, in the order of the playbook's moves):
 *   offer → right-sizing (active fulfillers, repriced at their tier if the count drops below a
 *   break) → licensing model (full-time agents named, the occasional peak as a concurrent pool)
 *   → volume break (the next tier's rate without buying up, when the count is within 20% of the
 *   break or a growth forecast crosses it).
 * Every step is one of the asks we send, so the counter figure is the offer less the asks shown
 * and nothing else. A benchmark rate is leverage, not an ask: it is never a step here (it once was,
 * as a hidden "rate" step that asked below the volume-break rate we had just asked for); see
 * benchmark.ts for what the brief and triage say about it.
 * The renewal cap is a saving over the term, not per year, and is added by the renewal move.
 */
import { formatMoney, type Money, sub } from "../core/money.js";
import { analyseTiers, forecastTiers, type TierPosition } from "../core/tier-forecast.js";
import { type PriceBook, priceBook, tierIndexFor, tierLabel } from "../core/tiers.js";
import type { Deal } from "./deal-schema.js";
import { type Plan, planAnnual, planWorking } from "./plans.js";

/** One per priced ask: moves.ts maps every key to the move whose ask earns it. */
export type StepKey = "right-sizing" | "licensing-model" | "volume-break";

export interface Step {
  readonly key: StepKey;
  readonly label: string;
  /** Annual saving of this step: the previous plan's annual cost minus this one's. */
  readonly saving: Money;
  readonly before: Plan;
  readonly after: Plan;
  readonly afterAnnual: Money;
  /** The ask that earns this step, with the deal's numbers. */
  readonly ask: string;
  readonly working: readonly string[];
}

export interface Waterfall {
  readonly offer: Plan;
  readonly offerAnnual: Money;
  readonly steps: readonly Step[];
  readonly counter: Plan;
  readonly counterAnnual: Money;
  /** offerAnnual − counterAnnual = the sum of the steps' savings, exactly. */
  readonly totalAnnual: Money;
  readonly book?: PriceBook;
  readonly position?: TierPosition;
  /** Why a step did not apply, for the triage and the notes. */
  readonly skipped: Readonly<Partial<Record<StepKey, string>>>;
}

/** A count within this share of the next break is "just below" it (the seed's playbook move). */
export const NEAR_BREAK_PERCENT = 20;

export function dealBook(deal: Deal): PriceBook | undefined {
  const t = deal.offer.tiers;
  if (!t) return undefined;
  const book = priceBook(t.bands, t.mode, deal.offer.ratePeriod, deal.currency);
  return book.ok ? book.value : undefined;
}

function bookRate(book: PriceBook | undefined, seats: number): Money | undefined {
  if (!book || seats < 1) return undefined;
  const i = tierIndexFor(book, seats);
  return i.ok ? book.tiers[i.value]?.rate : undefined;
}

const lower = (a: Money, b: Money): Money => (a.minor <= b.minor ? a : b);

function step(
  key: StepKey,
  label: string,
  before: Plan,
  after: Plan,
  ask: string,
  why: string[],
): Step {
  const beforeAnnual = planAnnual(before);
  const afterAnnual = planAnnual(after);
  return {
    key,
    label,
    saving: sub(beforeAnnual, afterAnnual),
    before,
    after,
    afterAnnual,
    ask,
    working: [
      ...why,
      `${label}: ${planWorking(before)} → ${planWorking(after)}; saving ${formatMoney(beforeAnnual)} − ${formatMoney(afterAnnual)} = ${formatMoney(sub(beforeAnnual, afterAnnual))}`,
    ],
  };
}

export function buildWaterfall(deal: Deal): Waterfall {
  const { offer, usage } = deal;
  const book = dealBook(deal);
  const offerPlan: Plan = {
    named: offer.named.seats,
    namedRate: offer.named.rate,
    concurrent: offer.concurrent?.seats ?? 0,
    ...(offer.concurrent ? { concurrentRate: offer.concurrent.rate } : {}),
    period: offer.ratePeriod,
  };
  const steps: Step[] = [];
  const skipped: Partial<Record<StepKey, string>> = {};
  let plan = offerPlan;

  const active = usage.activeFulfillers;
  if (active === undefined) {
    skipped["right-sizing"] = "no active-fulfiller count (usage.activeFulfillers)";
  } else if (active >= plan.named) {
    skipped["right-sizing"] =
      `the offer's ${plan.named} named seats do not exceed ${active} active fulfillers`;
  } else {
    const tierRate = bookRate(book, active);
    const rate = tierRate && tierRate.minor > plan.namedRate.minor ? tierRate : plan.namedRate;
    const why =
      rate === tierRate
        ? [
            `${active} seats fall in the ${tierLabelFor(book, active)} tier at ${formatMoney(rate)}, so the vendor would reprice them`,
          ]
        : [];
    const after = { ...plan, named: active, namedRate: rate };
    if (planAnnual(after).minor >= planAnnual(plan).minor) {
      skipped["right-sizing"] =
        `at the ${formatMoney(rate)} tier rate, ${active} seats would cost no less than ${plan.named} at ${formatMoney(plan.namedRate)}`;
    } else {
      steps.push(
        step(
          "right-sizing",
          "Right-sizing",
          plan,
          after,
          `Licence ${active} active fulfillers, not ${plan.named} provisioned`,
          why,
        ),
      );
      plan = after;
    }
  }

  const poolRate = offer.concurrent?.rate ?? offer.concurrentRate;
  const { fullTimeAgents: fullTime, occasionalPeak: peak } = usage;
  if (offer.concurrent) {
    skipped["licensing-model"] = "the offer already includes a concurrent pool";
  } else if (fullTime === undefined || peak === undefined || !poolRate) {
    skipped["licensing-model"] =
      "needs usage.fullTimeAgents, usage.occasionalPeak and a concurrent rate (offer.concurrentRate)";
  } else {
    // Fewer named seats may fall into a dearer tier; the vendor would price them there.
    const tierRate = bookRate(book, fullTime);
    const namedRate = tierRate && tierRate.minor > plan.namedRate.minor ? tierRate : plan.namedRate;
    const after: Plan = {
      ...plan,
      named: fullTime,
      namedRate,
      concurrent: peak,
      concurrentRate: poolRate,
    };
    if (planAnnual(after).minor < planAnnual(plan).minor) {
      const occasional = plan.named - fullTime;
      steps.push(
        step(
          "licensing-model",
          "Licensing model",
          plan,
          after,
          `Name the ${fullTime} full-time agents and share a pool of ${peak} concurrent licences among the other ${occasional}`,
          [],
        ),
      );
      plan = after;
    } else {
      skipped["licensing-model"] =
        `named seats for everyone cost less than ${fullTime} named + a pool of ${peak}`;
    }
  }

  let position: TierPosition | undefined;
  if (!book) {
    skipped["volume-break"] = "no price book (offer.tiers)";
  } else if (plan.named === 0) {
    skipped["volume-break"] = "no named seats left to price";
  } else if (offer.tiers?.mode === "graduated") {
    skipped["volume-break"] = "a graduated price book: run the tiers command for the ask";
  } else {
    const found = analyseTiers(book, plan.named);
    if (found.ok) position = found.value;
    const next = position?.nextBreak;
    const candidates: { rate: Money; why: string }[] = [];
    if (next) {
      const near = next.seatsAway * 100 <= next.tier.from * NEAR_BREAK_PERCENT;
      const forecast =
        deal.forecast && position
          ? forecastTiers(position, deal.forecast.seats, deal.forecast.withinMonths)
          : undefined;
      if (near) {
        candidates.push({
          rate: next.tier.rate,
          why: `${plan.named} is ${next.seatsAway} seats below the ${next.tier.from} break (within ${NEAR_BREAK_PERCENT}%)`,
        });
      } else if (forecast?.ok && forecast.value.recommend) {
        candidates.push({
          rate: forecast.value.tier.rate,
          why: `the forecast of ${forecast.value.quantity} seats reaches the ${tierLabel(forecast.value.tier)} tier`,
        });
      }
    }
    const best = candidates.reduce<{ rate: Money; why: string } | undefined>(
      (b, c) => (b === undefined || c.rate.minor < b.rate.minor ? c : b),
      undefined,
    );
    if (best && best.rate.minor < plan.namedRate.minor) {
      const after = { ...plan, namedRate: lower(best.rate, plan.namedRate) };
      steps.push(
        step(
          "volume-break",
          "Volume break",
          plan,
          after,
          `Price ${plan.named} named seats at ${formatMoney(best.rate)}, the next tier's rate, without buying up to it`,
          [`Why: ${best.why}`],
        ),
      );
      plan = after;
    } else {
      skipped["volume-break"] = next
        ? `${plan.named} seats are ${next.seatsAway} below the next break at ${next.tier.from}: too far to ask for its rate`
        : `${plan.named} seats are already in the best tier`;
    }
  }

  const offerAnnual = planAnnual(offerPlan);
  const counterAnnual = planAnnual(plan);
  return {
    offer: offerPlan,
    offerAnnual,
    steps,
    counter: plan,
    counterAnnual,
    totalAnnual: sub(offerAnnual, counterAnnual),
    ...(book ? { book } : {}),
    ...(position ? { position } : {}),
    skipped,
  };
}

function tierLabelFor(book: PriceBook | undefined, seats: number): string {
  if (!book) return "";
  const i = tierIndexFor(book, seats);
  const t = i.ok ? book.tiers[i.value] : undefined;
  return t ? tierLabel(t) : "";
}
