/**
 * `--out` on a command that writes a file (brief): a file path, or a folder to put the file in.
 * The reply file is named from the path's last part when that names a file of the right kind
 * (`--out /tmp/acme.docx` → acme.docx); otherwise the path is taken as a folder and the file keeps
 * the command's own name. Where it is written is the terminal's business (cli/save-plan.ts);
 * Slack uploads the file under its name.
 */

/** `.docx` of `brief.DOCX`; "" for `reports` or `.env`. */
export function extensionOf(name: string): string {
  return /.\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
}

/** The last part of a path written with either slash ("" when it ends with one). */
export function lastPart(path: string): string {
  return path.split(/[\\/]/).pop() ?? "";
}

export function nameFromOut(out: string, fallback: string): string {
  const last = lastPart(out);
  return last !== "" && extensionOf(last) === extensionOf(fallback) ? last : fallback;
}
