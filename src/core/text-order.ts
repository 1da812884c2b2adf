/** Code-unit order of two strings (what `<` compares), as a sort comparator. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
