/**
 * Finding the file analysis a drafting button belongs to: the remembered reply's `data` while this
 * process still has it, else the newest saved split or rightsize of the same stored upload (its
 * outputs are the same `data` without the named list, which drafting does not need).
 */
import type { ButtonValue } from "../blocks/buttons.js";
import type { DealScope } from "../deal-context.js";
import type { SlackDeps } from "../deps.js";
import { isStoredUploadId } from "../saving/save.js";

const DRAFTABLE_KINDS = new Set(["split", "rightsize"]);
/** Analyses of one channel looked through for the upload's; a channel rarely has more. */
const SEARCH_LIMIT = 200;

export async function findAnalysisData(
  deps: SlackDeps,
  scope: DealScope,
  value: ButtonValue,
): Promise<unknown | undefined> {
  const remembered = deps.memory.reply(value.r);
  if (remembered) return remembered.data;
  const uploadId = value.f;
  if (!deps.store || !isStoredUploadId(uploadId)) return undefined;
  const saved = await deps.store.analyses.list(scope, { limit: SEARCH_LIMIT });
  // Newest first: after "Change rates" the re-run is the one that matches the channel's rates.
  return saved.find((a) => a.uploadId === uploadId && DRAFTABLE_KINDS.has(a.kind))?.outputs;
}
