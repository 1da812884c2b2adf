/**
 * An upload analysed again after "Change rates": the file from memory, or from the store after a
 * restart, with the channel's new deal; when neither has it, the requester is told why.
 */
import type { webApi } from "@slack/bolt";
import { escapeMrkdwn } from "../blocks/text.js";
import { section } from "../blocks/types.js";
import type { SlackDeps } from "../deps.js";
import { isStoredUploadId, loadStoredFile } from "../saving/save.js";
import { postEphemeral } from "../send/post.js";
import { analyseInPlace } from "./analyse-in-place.js";

type WebClient = webApi.WebClient;

/**
 * Runs the upload's analysis again with the new rates: from memory when the file is still there,
 * else from the store's raw rows (after a restart), else says why it can't.
 */
export async function rerunUpload(
  fileId: string,
  scope: { teamId: string; channelId: string },
  where: { channel: string; threadTs?: string },
  userId: string,
  deps: SlackDeps,
  client: WebClient,
): Promise<void> {
  const stored = isStoredUploadId(fileId) && deps.store ? fileId : undefined;
  const base = { fileId, userId, scope, where, ...(stored ? { storedUploadId: stored } : {}) };
  const remembered = deps.memory.upload(fileId);
  if (remembered && remembered.scope.channelId === scope.channelId) {
    await analyseInPlace({ ...base, name: remembered.name, bytes: remembered.bytes }, deps, client);
    return;
  }
  const file = stored && deps.store ? await loadStoredFile(deps.store, scope, stored) : undefined;
  if (file?.ok) {
    await analyseInPlace({ ...base, name: file.name, bytes: file.bytes }, deps, client);
    return;
  }
  const text =
    file?.reason === "rows_deleted"
      ? `The rows of ${file.name ?? "that file"} were deleted after the retention period, so I can't run it again: share the file again to see it with the new rates.`
      : "I no longer have that file, so I can't run it again: share it again to see it with the new rates.";
  await postEphemeral(client, where, userId, { text, blocks: [section(escapeMrkdwn(text))] });
}
