/**
 * Splitting what a negotiator typed into words. Quotes group words ("Agent Email"); everything
 * else splits on white space. Smart quotes from Slack or a phone keyboard count as quotes.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | undefined;
  let inToken = false;
  for (const ch of text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'")) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = "";
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens;
}

/** Joins argv back into command text, quoting words that contain spaces, for the shared parser. */
export function joinArgs(args: readonly string[]): string {
  return args.map((a) => (a === "" || /\s/.test(a) ? `"${a}"` : a)).join(" ");
}
