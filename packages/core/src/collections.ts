/* Stable collections: the same order and the same first occurrences in every JavaScript engine. */

/** Code-unit comparison (not locale-dependent, so the order is the same in every engine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The items of a list without duplicates (items with the same `key`), first occurrence kept, in order. */
export function uniqueBy<T>(list: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of list) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}
