/** Code-unit comparison (not locale-dependent, so the order is the same in every engine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
