/**
 * Slack user ids identify a person as surely as a name: the mention form `<@U012ABCDEF>` (with or
 * without a `|name` label) and bare ids of users (`U…`) and enterprise users (`W…`). A bare id
 * must hold a digit, so capitalised words (`UNLIMITED`, `WORKFLOWS`) are left alone.
 */

export const SLACK_USER_PLACEHOLDER = "[slack-user]";

const MENTION = /<@[UW][A-Z0-9]{6,}(?:\|[^>]*)?>/g;
const BARE_ID = /(?<![A-Za-z0-9_])[UW](?=[A-Z]*\d)[A-Z0-9]{8,11}(?![A-Za-z0-9_])/g;

export function redactSlackUserIds(text: string): string {
  return text.replace(MENTION, SLACK_USER_PLACEHOLDER).replace(BARE_ID, SLACK_USER_PLACEHOLDER);
}
