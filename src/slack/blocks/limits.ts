/** Slack's limits that the renderer stays within (Block Kit reference, 2025). */
export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in an App Home or modal view. */
  viewBlocks: 100,
  /** Characters of a section's text. */
  sectionText: 3000,
  /** Characters of a message's top-level `text` (the notification fallback); we keep it short. */
  fallbackText: 3000,
  /** Rows (header included) and columns of a table block. */
  tableRows: 100,
  tableColumns: 20,
  /** Characters of one table cell we allow before preferring preformatted text. */
  tableCell: 500,
  /** Elements in an actions block. */
  actionElements: 25,
  /** Characters of a button's label and of its value. */
  buttonText: 75,
  buttonValue: 2000,
  /** Characters of a header block's text. */
  headerText: 150,
} as const;
