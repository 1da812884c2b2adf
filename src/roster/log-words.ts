/**
 * What an event log's words made us assume or leave out, gathered row by row and said once in the
 * reply's notes: failed or refused attempts (how many rows, and that they were not counted) and the
 * licence-server reading of OUT/IN and checked out/in.
 */

/** Distinct event texts quoted in a note; skipped-rows.csv lists every row. */
const EXAMPLES = 3;

export class LogWords {
  private attempts = 0;
  private readonly attemptTexts: string[] = [];
  private moreTexts = false;
  private checkout: string | undefined;
  /** Feature key → as first written. */
  private readonly features = new Map<string, string>();
  private outcomeHeader = "";
  private outcomeRows = 0;
  private readonly outcomeTexts: string[] = [];
  private checkin: string | undefined;

  attempt(text: string): void {
    this.attempts++;
    if (this.attemptTexts.includes(text)) return;
    if (this.attemptTexts.length < EXAMPLES) this.attemptTexts.push(text);
    else this.moreTexts = true;
  }

  /** A result that is neither a success nor a failure: the row counts by its event alone. */
  unreadOutcome(header: string, text: string): void {
    this.outcomeHeader = header;
    this.outcomeRows++;
    if (this.outcomeTexts.length < EXAMPLES && !this.outcomeTexts.includes(text)) {
      this.outcomeTexts.push(text);
    }
  }

  feature(key: string, written: string): void {
    if (!this.features.has(key)) this.features.set(key, written);
  }

  licence(kind: "login" | "logout", text: string): void {
    if (kind === "login") this.checkout ??= text;
    else this.checkin ??= text;
  }

  notes(featureHeader: string | null): string[] {
    const notes: string[] = [];
    if (this.features.size > 1) {
      const names = [...this.features.values()];
      const shown = names.slice(0, EXAMPLES).join(", ") + (names.length > EXAMPLES ? ", …" : "");
      notes.push(
        `${names.length} licence features in "${featureHeader}" (${shown}): each paired on its own, and a person holding several at once counted once; send one feature's rows to count that feature alone`,
      );
    }
    if (this.attempts > 0) {
      const quoted = this.attemptTexts.map((t) => `"${t}"`).join(", ");
      const more = this.moreTexts ? ", …" : "";
      notes.push(
        this.attempts === 1
          ? `1 row is a failed, refused or unconfirmed attempt (${quoted}): left out, not counted as a login or logout`
          : `${this.attempts.toLocaleString("en-GB")} rows are failed, refused or unconfirmed attempts (${quoted}${more}): left out, not counted as logins or logouts`,
      );
    }
    if (this.outcomeRows > 0) {
      const quoted = this.outcomeTexts.map((t) => `"${t}"`).join(", ");
      const rows =
        this.outcomeRows === 1 ? "1 row" : `${this.outcomeRows.toLocaleString("en-GB")} rows`;
      notes.push(
        `"${this.outcomeHeader}" said ${quoted} in ${rows}, neither a success nor a failure: read by the event alone`,
      );
    }
    const parts: string[] = [];
    if (this.checkout !== undefined)
      parts.push(`"${this.checkout}" as a licence checkout (a login)`);
    if (this.checkin !== undefined) parts.push(`"${this.checkin}" as a licence checkin (a logout)`);
    if (parts.length > 0) {
      notes.push(
        `read ${parts.join(" and ")}, as licence servers such as FlexLM and RLM write them`,
      );
    }
    return notes;
  }
}
