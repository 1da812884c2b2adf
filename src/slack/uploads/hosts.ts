/**
 * Where the bot token may be sent: only to Slack's file host and the hosts added with
 * SLACK_FILE_HOSTS, over HTTPS (plain HTTP only to this machine, for tests).
 */
export const SLACK_FILE_HOSTS: readonly string[] = ["files.slack.com"];

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function allowedFileHosts(extra: readonly string[]): string[] {
  return [...new Set([...SLACK_FILE_HOSTS, ...extra.map((h) => h.toLowerCase())])];
}

/** The URL when the token may go there, otherwise undefined. */
export function allowedFileUrl(text: string, hosts: readonly string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.username !== "" || url.password !== "") return undefined;
  const secure =
    url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!secure) return undefined;
  return hosts.includes(url.host.toLowerCase()) ? url : undefined;
}
