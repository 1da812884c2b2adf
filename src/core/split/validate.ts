/** Checks the split's options before any work, with messages in the negotiator's terms. */
import type { Money } from "../money.js";
import { compare, ZERO } from "../ratio.js";
import { fail, failAll, type Issue, ok, type Result } from "../result.js";

interface SplitOptionsToCheck {
  readonly namedRate: Money;
  readonly concurrentRate: Money;
  readonly headroom?: { readonly percent?: { num: bigint; den: bigint }; readonly seats?: number };
  readonly forceNamed?: ReadonlySet<string>;
  readonly forceConcurrent?: ReadonlySet<string>;
  readonly timeLimitSeconds?: number;
  readonly rowsPerRound?: number;
}

export function validateSplit(o: SplitOptionsToCheck): Result<true> {
  if (o.namedRate.currency !== o.concurrentRate.currency) {
    return fail(
      "split.mixed_currency",
      `the named rate is in ${o.namedRate.currency} but the concurrent rate is in ${o.concurrentRate.currency}`,
      "give both rates in one currency, e.g. --named-rate 70 --concurrent-rate 140 --currency GBP",
    );
  }
  const issues: Issue[] = [];
  if (o.namedRate.minor <= 0) {
    issues.push({
      code: "split.bad_named_rate",
      message: "the named rate must be more than zero",
      hint: "e.g. --named-rate 70",
    });
  }
  if (o.concurrentRate.minor <= 0) {
    issues.push({
      code: "split.bad_concurrent_rate",
      message: "the concurrent rate must be more than zero",
      hint: "e.g. --concurrent-rate 140",
    });
  }
  const seats = o.headroom?.seats;
  if (seats !== undefined && (!Number.isInteger(seats) || seats < 0)) {
    issues.push({
      code: "split.bad_headroom",
      message: `headroom of ${seats} seats is not a whole number ≥ 0`,
      hint: "e.g. --headroom +5 or --headroom 10%",
    });
  }
  const percent = o.headroom?.percent;
  if (percent !== undefined && compare(percent, ZERO) < 0) {
    issues.push({
      code: "split.bad_headroom",
      message: "headroom cannot be a negative percentage",
      hint: "e.g. --headroom 10%",
    });
  }
  const both = [...(o.forceNamed ?? [])].filter((u) => o.forceConcurrent?.has(u)).sort();
  if (both.length > 0) {
    issues.push({
      code: "split.policy_conflict",
      message: `${both.length === 1 ? "user" : "users"} ${both.join(", ")} cannot be forced both named and concurrent`,
      hint: "list each user under one policy only",
    });
  }
  const limit = o.timeLimitSeconds;
  if (limit !== undefined && !(limit > 0 && Number.isFinite(limit))) {
    issues.push({
      code: "split.bad_time_limit",
      message: `the time limit ${limit} seconds must be more than zero`,
      hint: "e.g. --time-limit 10",
    });
  }
  const rows = o.rowsPerRound;
  if (rows !== undefined && !(Number.isInteger(rows) && rows >= 1)) {
    issues.push({
      code: "split.bad_rows_per_round",
      message: `${rows} rows per round is not a whole number ≥ 1`,
      hint: "leave it out for the default of 100, or give e.g. 50",
    });
  }
  return issues.length > 0 ? failAll(issues) : ok(true);
}
