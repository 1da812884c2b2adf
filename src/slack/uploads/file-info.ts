/**
 * files.info, read once: a shared file's name, size, download URL and the messages that shared it
 * in the channel asked about (a share's thread gets its answer).
 */
import type { webApi } from "@slack/bolt";

type WebClient = webApi.WebClient;

export interface FileInfo {
  readonly name: string;
  readonly size: number;
  readonly url?: string;
  readonly threadTs?: string;
  /** The ts of each message that shared the file in the channel asked about. */
  readonly shares?: readonly string[];
}

/** The ts of each message that shared the file in this channel: a share's thread gets its answer. */
function sharesIn(file: Record<string, unknown>, channel: string): string[] {
  const shares = file.shares as Record<string, Record<string, { ts?: string }[]>> | undefined;
  return ["public", "private"].flatMap((kind) =>
    (shares?.[kind]?.[channel] ?? []).flatMap((s) => (typeof s.ts === "string" ? [s.ts] : [])),
  );
}

/** files.info: the file's name, size, download URL and the thread it was shared in. */
export async function fileInfo(
  client: WebClient,
  fileId: string,
  channel: string,
): Promise<FileInfo | undefined> {
  const res = await client.files.info({ file: fileId });
  const file = res.file as Record<string, unknown> | undefined;
  if (!file) return undefined;
  const url = file.url_private_download ?? file.url_private;
  const shares = sharesIn(file, channel);
  const ts = shares[0];
  return {
    name: typeof file.name === "string" ? file.name : fileId,
    size: typeof file.size === "number" ? file.size : 0,
    ...(typeof url === "string" ? { url } : {}),
    ...(ts ? { threadTs: ts } : {}),
    shares,
  };
}
