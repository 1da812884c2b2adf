/**
 * Reading deal.json for triage, brief and email: the file I/O lives here (commands may do I/O;
 * drafting/ may not), with a clear error for a missing file or broken JSON, then the zod check.
 */
import { readFile } from "node:fs/promises";
import { fail, type Result } from "../../core/result.js";
import { type Deal, parseDeal } from "../../drafting/deal-schema.js";

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

export async function readDealFile(path: string): Promise<Result<Deal>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? fail(
          "deal.file_missing",
          `there is no file at ${path}`,
          "give the path to a deal.json, e.g. examples/deal.json",
        )
      : fail(
          "deal.file_unreadable",
          `I couldn't read ${path} (${code ?? "unknown error"})`,
          "check the path and its permissions",
        );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const where = at?.[1] ? ` at ${lineAndColumn(text, Number(at[1]))}` : "";
    return fail(
      "deal.not_json",
      `${path} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
      "check for a missing comma or quote; examples/deal.json shows the format",
    );
  }
  const deal = parseDeal(json);
  if (!deal.ok) {
    return {
      ok: false,
      issues: deal.issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })),
    };
  }
  return deal;
}

/** True when the text names a JSON file rather than a quote typed in chat. */
export function looksLikeJsonPath(token: string | undefined): token is string {
  return token !== undefined && /\.json$/i.test(token);
}
