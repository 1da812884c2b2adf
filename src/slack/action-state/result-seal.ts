/**
 * The seal for a result's buttons: bound to the team and channel the result is posted in, so a
 * click elsewhere is refused. The scope is the caller's when it gives one; else the upload's the
 * result analysed (remembered with its scope just before), else the channel the requester was
 * just noted in (typed commands note it before answering).
 */
import type { ButtonOrigin, SealValue } from "../blocks/buttons.js";
import type { SlackMemory } from "../memory.js";
import { binderOf } from "./binder.js";
import { PURPOSE } from "./purposes.js";
import type { ActionState } from "./seal.js";

export function resultSeal(
  memory: SlackMemory,
  origin: ButtonOrigin,
  requester?: { readonly userId: string; readonly channel: string },
): { seal?: SealValue } {
  const binder = binderOf(memory);
  const scope =
    origin.scope ??
    memory.upload(origin.uploadId)?.scope ??
    (requester
      ? memory.channels(requester.userId).find((s) => s.channelId === requester.channel)
      : undefined);
  // Unsealed values are refused when clicked: failing closed is the safe way to miss a scope.
  if (!binder || !scope) return {};
  const binding = { teamId: scope.teamId, channelId: scope.channelId };
  // A state's unset fields are absent, never undefined: exactOptionalPropertyTypes keeps it so.
  return { seal: (value) => binder.value(PURPOSE.result, binding, value as ActionState) };
}
