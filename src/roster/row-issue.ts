/**
 * A problem with one input row. `rowErrors` hold rows that were not used; `rowWarnings` hold rows
 * that were used but deserve a remark (e.g. a user missing from the roster). The reason never
 * repeats the column name, so a front end can show `row 14 "Logout Time" <reason>`.
 */
export interface RowIssue {
  /** Row number as the user sees it in a spreadsheet (the header is row 1 of a CSV). */
  readonly row: number;
  /** The column's header as written in the file, or null when the whole row is concerned. */
  readonly column: string | null;
  readonly reason: string;
}

/** Number of distinct rows among issues (a row can have a problem in more than one column). */
export function distinctRows(issues: readonly RowIssue[]): number {
  return new Set(issues.map((i) => i.row)).size;
}
