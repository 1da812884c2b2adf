/**
 * Reading deal.json for triage, brief and email through the front end's FileSource (the CLI and
 * the console read the disk; Slack reads nothing by path), with a clear error for a missing file or
 * broken JSON, then the zod check.
 */
import { fail, type Result } from "../../core/result.js";
import { type Deal, parseDeal } from "../../drafting/deal-schema.js";
import type { CommandContext } from "../context.js";
import { NO_PATHS } from "../typed-file.js";

/** A deal.json is a few kilobytes; anything near this is not one. */
const MAX_DEAL_BYTES = 5 * 1024 * 1024;

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

export async function readDealFile(
  ctx: Pick<CommandContext, "files">,
  path: string,
): Promise<Result<Deal>> {
  if (!ctx.files) {
    return fail(
      NO_PATHS.code,
      `${NO_PATHS.message} (${path})`,
      "type the quote instead, e.g. triage 260 @ 62 GBP, or run it in the dealdesk CLI",
    );
  }
  const read = await ctx.files.read(path, MAX_DEAL_BYTES);
  if (!read.ok) {
    const { failure } = read;
    if (failure.reason === "not_found") {
      return fail(
        "deal.file_missing",
        `there is no file at ${path}`,
        "give the path to a deal.json, e.g. examples/deal.json",
      );
    }
    const why: Record<Exclude<typeof failure.reason, "not_found">, string> = {
      is_directory: "it is a folder",
      too_large: "it is far too large for a deal file",
      not_allowed: "I'm not allowed to read it",
      unreadable: "the file could not be read",
    };
    return fail(
      "deal.file_unreadable",
      `I couldn't read ${path}: ${why[failure.reason]}`,
      "check the path and its permissions",
    );
  }
  const text = new TextDecoder().decode(read.file.bytes);
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
