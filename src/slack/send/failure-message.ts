/**
 * What a person is told when their request failed inside dealdesk: "storage is unavailable" when
 * the database can't be reached (it reconnects by itself, so trying again shortly works, and
 * typed calculations still answer meanwhile), otherwise the one-line internal error.
 */
import { isStorageUnavailable } from "../../store/unavailable.js";
import { renderInternalError, renderNotice, type SlackMessage } from "../blocks/reply-blocks.js";

export const STORAGE_UNAVAILABLE =
  "dealdesk's storage is unavailable right now, so I couldn't do that. Typed calculations still work; try this again in a minute.";

export function failureMessage(error: unknown): SlackMessage {
  return isStorageUnavailable(error)
    ? renderNotice(`:warning: ${STORAGE_UNAVAILABLE}`)
    : renderInternalError();
}
