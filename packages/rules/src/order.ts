/** Plain code-unit order for ids, so sorting never depends on the locale. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
