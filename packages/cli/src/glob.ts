import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, resolve, sep } from "node:path";
import { UsageError } from "./errors.js";

const MAGIC = /[*?[{]/;
/** At most this many patterns come out of one pattern's braces (`{a,b}{c,d}` is 4). */
export const MAX_BRACE_EXPANSIONS = 1024;
/** `**` descends at most this many directories. */
export const MAX_GLOB_DEPTH = 64;

/** True when the argument is a pattern rather than a file name. */
export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** A pattern that cannot be matched (a backwards range, too many alternatives), said plainly. */
export class GlobPatternError extends Error {
  override readonly name = "GlobPatternError";
}

/** One element of a compiled path segment. */
type Token =
  | { kind: "char"; char: string }
  | { kind: "any" }
  | { kind: "star" }
  | { kind: "class"; negated: boolean; ranges: [number, number][] };

/** A compiled path segment: tests one file name, in time linear in the name for each token. */
export interface SegmentMatcher {
  /** True when `name` matches. `work`, if given, counts the comparison steps taken. */
  test(name: string, work?: { steps: number }): boolean;
  /** The number of tokens (the `m` of the O(n·m) bound). */
  readonly size: number;
}

function parseClass(segment: string, open: number, pattern: string): { token: Token; end: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (segment[i] === "!" || segment[i] === "^") {
    negated = true;
    i++;
  }
  const ranges: [number, number][] = [];
  const start = i;
  for (;;) {
    const c = segment[i];
    if (c === undefined) return undefined; // no closing bracket: the "[" is an ordinary character
    if (c === "]" && i > start) break;
    const lo = c.codePointAt(0) as number;
    if (segment[i + 1] === "-" && segment[i + 2] !== undefined && segment[i + 2] !== "]") {
      const hi = (segment[i + 2] as string).codePointAt(0) as number;
      if (hi < lo) {
        throw new GlobPatternError(
          `${pattern}: the range [${c}-${segment[i + 2]}] is backwards (write [${segment[i + 2]}-${c}])`,
        );
      }
      ranges.push([lo, hi]);
      i += 3;
    } else {
      ranges.push([lo, lo]);
      i++;
    }
  }
  return { token: { kind: "class", negated, ranges }, end: i };
}

/**
 * Compiles one path segment of a glob without braces (`*.yaml`, `?-[a-c]*`, `[!.]*`) into a matcher.
 * No regular expression: `*` is matched by the classic two-pointer algorithm, which backs up only to
 * the last `*` seen, so any pattern costs at most (name length + 1) × (tokens + 1) steps — no
 * exponential back-tracking, whatever the pattern.
 */
export function compileSegment(segment: string, pattern = segment): SegmentMatcher {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === "*") {
      if (tokens[tokens.length - 1]?.kind !== "star") tokens.push({ kind: "star" });
    } else if (c === "?") tokens.push({ kind: "any" });
    else if (c === "[") {
      const parsed = parseClass(segment, i, pattern);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else tokens.push({ kind: "char", char: c });
    } else tokens.push({ kind: "char", char: c });
  }
  const one = (t: Token, ch: string): boolean => {
    if (t.kind === "any") return true;
    if (t.kind === "char") return t.char === ch;
    if (t.kind === "class") {
      const code = ch.codePointAt(0) as number;
      const inside = t.ranges.some(([lo, hi]) => code >= lo && code <= hi);
      return inside !== t.negated;
    }
    return false;
  };
  return {
    size: tokens.length,
    test(name, work) {
      const chars = Array.from(name);
      let p = 0;
      let n = 0;
      let starP = -1;
      let starN = 0;
      let steps = 0;
      while (n < chars.length) {
        steps++;
        const t = tokens[p];
        if (t !== undefined && t.kind === "star") {
          starP = p++;
          starN = n;
        } else if (t !== undefined && one(t, chars[n] as string)) {
          p++;
          n++;
        } else if (starP >= 0) {
          p = starP + 1;
          n = ++starN;
        } else {
          if (work) work.steps += steps;
          return false;
        }
      }
      while (tokens[p]?.kind === "star") p++;
      if (work) work.steps += steps;
      return p === tokens.length;
    },
  };
}

/**
 * Expands the braces of a pattern (`*.{yaml,json}` → `*.yaml`, `*.json`; nested too). A `{` without
 * its `}` or without a comma is an ordinary character. Refuses more than
 * {@link MAX_BRACE_EXPANSIONS} results.
 */
export function expandBraces(pattern: string, whole = pattern): string[] {
  let open = -1;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "{") {
      if (depth === 0) open = i;
      depth++;
    } else if (c === "}" && depth > 0) {
      depth--;
      if (depth === 0) {
        const body = pattern.slice(open + 1, i);
        const parts: string[] = [];
        let d = 0;
        let from = 0;
        for (let j = 0; j < body.length; j++) {
          if (body[j] === "{") d++;
          else if (body[j] === "}") d--;
          else if (body[j] === "," && d === 0) {
            parts.push(body.slice(from, j));
            from = j + 1;
          }
        }
        parts.push(body.slice(from));
        if (parts.length < 2) continue; // `{a}`: literal braces
        const head = pattern.slice(0, open);
        const tails = expandBraces(pattern.slice(i + 1), whole);
        const out: string[] = [];
        for (const part of parts) {
          for (const inner of expandBraces(part, whole)) {
            for (const tail of tails) {
              out.push(head + inner + tail);
              if (out.length > MAX_BRACE_EXPANSIONS) {
                throw new GlobPatternError(
                  `${whole}: its braces expand to more than ${MAX_BRACE_EXPANSIONS} patterns; list fewer alternatives`,
                );
              }
            }
          }
        }
        return out;
      }
    }
  }
  return [pattern];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function walk(dir: string, segments: string[], out: Set<string>, pattern: string, depth = 0): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) {
    out.add(dir);
    return;
  }
  if (!hasMagic(head)) {
    const next = join(dir, head);
    if (rest.length === 0) {
      if (await exists(next)) out.add(next);
    } else if (await isDir(next)) await walk(next, rest, out, pattern, depth);
    return;
  }
  let entries: { name: string; dir: boolean }[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return;
  }
  if (head === "**") {
    await walk(dir, rest, out, pattern, depth); // zero directories
    if (depth >= MAX_GLOB_DEPTH) return;
    for (const e of entries) {
      if (e.dir && !e.name.startsWith(".")) await walk(join(dir, e.name), segments, out, pattern, depth + 1);
    }
    return;
  }
  const matcher = compileSegment(head, pattern);
  for (const e of entries) {
    if (e.name.startsWith(".") && !head.startsWith(".")) continue;
    if (!matcher.test(e.name)) continue;
    if (rest.length === 0) out.add(join(dir, e.name));
    else if (e.dir) await walk(join(dir, e.name), rest, out, pattern, depth);
  }
}

/**
 * Expands glob patterns (`profiles/*.yaml`, `**\/*.json`, `{a,b}.yaml`, `[a-c]*.yaml`) relative to
 * `cwd`, for shells that pass them through unexpanded (Windows cmd, quoted arguments). An argument
 * that names an existing file is taken literally first, patterns or not (`Tender [final].yaml`).
 * Plain names are kept as given, existing or not, so a missing file is reported by whoever opens it;
 * `-` (standard input) is kept too. Results of a pattern are sorted; duplicates are dropped. Returns
 * the patterns that matched nothing as well. A pattern that cannot be matched (`[z-a]*.yaml`) is a
 * usage error of `command`.
 */
export async function expandGlobs(
  args: readonly string[],
  cwd: string,
  command?: string,
): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  const keep = (arg: string) => {
    const abs = arg === "-" ? "-" : resolve(cwd, arg);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(arg);
    }
  };
  for (const arg of args) {
    if (arg === "-" || !hasMagic(arg) || (await exists(resolve(cwd, arg)))) {
      keep(arg);
      continue;
    }
    const found = new Set<string>();
    try {
      for (const expanded of expandBraces(arg)) {
        const segments = expanded.split(/[\\/]+/);
        let root = cwd;
        if (isAbsolute(expanded)) {
          const drive = segments.shift() ?? "";
          root = sep === "\\" ? `${drive}\\` : "/";
        }
        await walk(
          root,
          segments.filter((s) => s !== "" && s !== "."),
          found,
          arg,
        );
      }
    } catch (error) {
      if (error instanceof GlobPatternError) throw new UsageError(`invalid pattern ${error.message}`, command);
      throw error;
    }
    const matched = [...found].sort();
    if (matched.length === 0) unmatched.push(arg);
    for (const m of matched) {
      if (!seen.has(m)) {
        seen.add(m);
        files.push(isAbsolute(arg) ? m : relativeTo(cwd, m));
      }
    }
  }
  return { files, unmatched };
}

function relativeTo(cwd: string, path: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
