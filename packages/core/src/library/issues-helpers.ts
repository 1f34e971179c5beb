import type { Issue } from "../errors.js";
import { suggest } from "../validate/suggest.js";

/** Appends an issue whose message starts with its path. */
export function pushIssue(out: Issue[], path: string, message: string, received?: unknown): void {
  out.push(
    received === undefined
      ? { path, message: `${path}: ${message}` }
      : { path, received, message: `${path}: ${message}` },
  );
}

/** ` (did you mean "a" or "b"?)` for the candidates close to `value`, or an empty string. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const hits = suggest(value, candidates);
  return hits.length ? ` (did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?)` : "";
}
