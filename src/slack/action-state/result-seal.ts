/**
 * The seal for a result's buttons: bound to the team and channel the result is posted in, so a
 * click elsewhere is refused. A result without a known scope gets unsealed values, which are
 * refused when clicked: failing closed is the safe way to miss a scope.
 */
import type { ButtonOrigin, SealValue } from "../blocks/buttons.js";
import type { ActionBinder } from "./binder.js";
import { PURPOSE } from "./purposes.js";
import type { ActionState } from "./seal.js";

export function resultSeal(binder: ActionBinder, origin: ButtonOrigin): { seal?: SealValue } {
  const { scope } = origin;
  if (!scope) return {};
  const binding = { teamId: scope.teamId, channelId: scope.channelId };
  // A state's unset fields are absent, never undefined: exactOptionalPropertyTypes keeps it so.
  return { seal: (value) => binder.value(PURPOSE.result, binding, value as ActionState) };
}
