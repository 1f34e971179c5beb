/** Damerau-free Levenshtein distance, small and allocation-light; enough for "did you mean". */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The closest candidates to `input` (case-insensitive), best first: at most `max`, and only those
 * close enough to be a plausible typo.
 */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const exact = candidates.filter((c) => c.toLowerCase() === needle);
  if (exact.length) return exact.slice(0, max);
  // Codes (USD, PH) are too short for edit distance to mean anything.
  if (needle.length <= 3) return [];
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return candidates
    .map((c) => ({ c, d: editDistance(needle, c.toLowerCase()), prefix: c.toLowerCase().startsWith(needle) }))
    .filter((x) => x.d <= limit || (x.prefix && needle.length >= 3))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, max)
    .map((x) => x.c);
}
