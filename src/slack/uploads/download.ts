/**
 * Downloads a shared file with the bot token, from allowed hosts only (redirects included) and
 * never more than the size limit: the body is read in chunks and abandoned once over it. One time
 * limit covers the whole download, every redirect, the headers and the body's last byte, so a
 * host that stops sending cannot hold the job (and every file queued after it) for ever.
 */
import { allowedFileUrl } from "./hosts.js";

export type DownloadResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      /** `slow`: the time limit passed before the last byte arrived. */
      readonly reason: "host" | "too_large" | "http" | "slow";
      /** For the log only: may name a host or an HTTP status. */
      readonly detail: string;
    };

export interface DownloadOptions {
  readonly token: string;
  readonly allowedHosts: readonly string[];
  readonly maxBytes: number;
  /** The whole download's time limit (default DEFAULT_DOWNLOAD_TIMEOUT_MS). */
  readonly timeoutMs?: number;
}

/** A minute: 20 MiB over a slow link, well beyond what Slack's file host takes. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 3;

export async function downloadSlackFile(
  urlText: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await download(urlText, options, signal);
  } catch (error) {
    // fetch and the body's reader both fail with the signal's TimeoutError once it fires.
    if (signal.aborted) {
      return { ok: false, reason: "slow", detail: `not complete within ${timeoutMs} ms` };
    }
    throw error;
  }
}

async function download(
  urlText: string,
  options: DownloadOptions,
  signal: AbortSignal,
): Promise<DownloadResult> {
  let current = urlText;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const url = allowedFileUrl(current, options.allowedHosts);
    if (!url)
      return {
        ok: false,
        reason: "host",
        detail: `not an allowed file host: ${safeHost(current)}`,
      };
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${options.token}` },
      redirect: "manual",
      signal,
    });
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get("location");
      await res.body?.cancel();
      if (!location)
        return { ok: false, reason: "http", detail: `redirect without location (${res.status})` };
      current = new URL(location, url).toString();
      continue;
    }
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      return { ok: false, reason: "http", detail: `HTTP ${res.status}` };
    }
    const declared = Number(res.headers.get("content-length") ?? "0");
    if (declared > options.maxBytes) {
      await res.body.cancel();
      return { ok: false, reason: "too_large", detail: `content-length ${declared}` };
    }
    return readLimited(res.body, options.maxBytes);
  }
  return { ok: false, reason: "http", detail: "too many redirects" };
}

async function readLimited(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<DownloadResult> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: "too_large", detail: `more than ${maxBytes} bytes` };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes };
}

function safeHost(text: string): string {
  try {
    return new URL(text).host;
  } catch {
    return "(not a URL)";
  }
}
