/**
 * A shared file's bytes: downloaded from an allowed host with the bot token, within the size and
 * time limits, and checked to be a CSV or XLSX by its content. Each refusal comes back as the one
 * message the uploader is told.
 */
import type { CommandOutcome } from "../../commands/reply.js";
import { MAX_FILE_MB_CEILING } from "../../core/file-size-limit.js";
import { renderErrorBlocks, type SlackMessage } from "../blocks/reply-blocks.js";
import type { SlackDeps } from "../deps.js";
import { acceptSpreadsheet } from "./accept-spreadsheet.js";
import { downloadSlackFile } from "./download.js";
import type { FileInfo } from "./file-info.js";

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

type Failed = Extract<CommandOutcome, { ok: false }>;

function problem(code: string, message: string, hint: string): Failed {
  return { ok: false, command: "upload", issues: [{ code, message, hint }], usage: "help" };
}

/** What the uploader is told when a file is over the size limit (before any download). */
export function tooLargeMessage(info: FileInfo, maxBytes: number): SlackMessage {
  return renderErrorBlocks(
    problem(
      "upload.too_large",
      `${info.name} is ${megabytes(info.size)}; I read files up to ${megabytes(maxBytes)}`,
      `share a shorter period, or only the user, login and logout columns; whoever runs dealdesk can raise the limit with DEALDESK_MAX_FILE_MB (up to ${MAX_FILE_MB_CEILING})`,
    ),
  );
}

export type FetchedFile =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly message: SlackMessage };

/**
 * Downloads the file from an allowed host with the bot token and checks it is a CSV or XLSX by
 * its content. A refusal comes back as the message for the uploader (and is logged by file id).
 */
export async function fetchCheckedFile(
  fileId: string,
  info: FileInfo & { readonly url: string },
  deps: SlackDeps,
): Promise<FetchedFile> {
  const { maxBytes } = deps.files;
  const download = await downloadSlackFile(info.url, {
    token: deps.files.botToken,
    allowedHosts: deps.files.allowedHosts,
    maxBytes,
    ...(deps.files.downloadTimeoutMs === undefined
      ? {}
      : { timeoutMs: deps.files.downloadTimeoutMs }),
  });
  if (!download.ok) {
    deps.logger.warn(`dealdesk: did not download ${fileId}: ${download.detail}`);
    const message =
      download.reason === "host"
        ? `I only download files stored on Slack, and ${info.name} is stored elsewhere, so I left it alone`
        : download.reason === "too_large"
          ? `${info.name} is larger than the ${megabytes(maxBytes)} I read`
          : download.reason === "slow"
            ? `Slack took too long to send me ${info.name}`
            : `I couldn't download ${info.name} from Slack`;
    // A slow host is no fault of the file: the same file, shared again, is likely to arrive.
    const hint =
      download.reason === "slow" ? "share it again" : "share the file again as a CSV or XLSX";
    return {
      ok: false,
      message: renderErrorBlocks(problem(`upload.download_${download.reason}`, message, hint)),
    };
  }
  const sniff = acceptSpreadsheet(info.name, download.bytes);
  if (!sniff.ok) {
    return {
      ok: false,
      message: renderErrorBlocks(
        problem(sniff.issue.code, sniff.issue.message, sniff.issue.hint ?? ""),
      ),
    };
  }
  return { ok: true, bytes: download.bytes };
}
