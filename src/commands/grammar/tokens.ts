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

/**
 * Joins argv back into command text for the shared parser. A shell argument that follows an option
 * (`--tiers "1-99 @ 75, 100+ @ 70"`) or holds `=` (`start="Login Time"`) is one value and is
 * quoted; any other (`cost "150 named @ 70 vs 500 named @ 100"`) is text to read word by word,
 * exactly as if it had been typed in chat.
 */
export function joinArgs(args: readonly string[]): string {
  return args
    .map((a, i) => {
      const isValue = /^--?[a-z]/i.test(args[i - 1] ?? "") || /^[^\s=]+=.*\s/.test(a);
      return a === "" || (isValue && /\s/.test(a)) ? `"${a}"` : a;
    })
    .join(" ");
}
