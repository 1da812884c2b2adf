/**
 * Downloads a shared file with the bot token, from allowed hosts only (redirects included) and
 * never more than the size limit: the body is read in chunks and abandoned once over it.
 */
import { allowedFileUrl } from "./hosts.js";

export type DownloadResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      readonly reason: "host" | "too_large" | "http";
      /** For the log only: may name a host or an HTTP status. */
      readonly detail: string;
    };

export interface DownloadOptions {
  readonly token: string;
  readonly allowedHosts: readonly string[];
  readonly maxBytes: number;
  readonly timeoutMs?: number;
}

const MAX_REDIRECTS = 3;

export async function downloadSlackFile(
  urlText: string,
  options: DownloadOptions,
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
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
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
