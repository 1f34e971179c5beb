/*
 * A deliberate small twin of core's internal `suggest` (packages/core/src/validate/suggest.ts): the CLI
 * suggests command and schema names on usage errors without loading @fairtender/core (zod and the
 * clause library cost ~160 ms of start-up), and, unlike core's, it suggests for short names too.
 */

/** Edit distance between two strings (insertions, deletions, substitutions, swaps of two neighbours). */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The closest names to a mistyped one (commands, subcommands, schema names), best first. */
export function suggest(input: string, candidates: readonly string[], max = 2): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(1, Math.floor(needle.length / 3));
  return candidates
    .map((c) => ({ c, d: distance(needle, c), prefix: c.startsWith(needle) && needle.length >= 2 }))
    .filter((x) => x.d <= limit || x.prefix)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}
