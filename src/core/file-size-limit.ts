/**
 * The largest file dealdesk reads, typed as a path or shared in Slack, in MiB (`DEALDESK_MAX_FILE_MB`).
 * The default holds a plain 5-million-row session log (~320 MiB). The ceiling is what one file can
 * be read as: a JavaScript string holds at most 512 MiB of text, so a larger file could not be
 * read however high the setting.
 */
export const DEFAULT_MAX_FILE_MB = 400;
export const MAX_FILE_MB_CEILING = 500;
export const MIB = 1024 * 1024;
