import { readdir, stat } from "node:fs/promises";
import { isAbsolute, join, resolve, sep } from "node:path";

const MAGIC = /[*?[{]/;

/** True when the argument is a pattern rather than a file name. */
export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

function escapeRe(s: string): string {
  return s.replace(/[.+^$()|\\/]/g, "\\$&");
}

/** One path segment of a glob (`*.yaml`, `{a,b}-?.json`, `[ab]*`) as a regular expression. */
export function segmentToRegExp(segment: string): RegExp {
  let re = "";
  let depth = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 1);
      if (end === -1) re += "\\[";
      else {
        let body = segment.slice(i + 1, end);
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "{") {
      depth++;
      re += "(?:";
    } else if (c === "}" && depth > 0) {
      depth--;
      re += ")";
    } else if (c === "," && depth > 0) re += "|";
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function walk(dir: string, segments: string[], out: Set<string>): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) {
    out.add(dir);
    return;
  }
  if (!hasMagic(head)) {
    const next = join(dir, head);
    if (rest.length === 0) {
      try {
        await stat(next);
        out.add(next);
      } catch {
        // no such file: no match
      }
    } else if (await isDir(next)) await walk(next, rest, out);
    return;
  }
  let entries: { name: string; dir: boolean }[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return;
  }
  if (head === "**") {
    await walk(dir, rest, out); // zero directories
    for (const e of entries) if (e.dir && !e.name.startsWith(".")) await walk(join(dir, e.name), segments, out);
    return;
  }
  const re = segmentToRegExp(head);
  for (const e of entries) {
    if (e.name.startsWith(".") && !head.startsWith(".")) continue;
    if (!re.test(e.name)) continue;
    if (rest.length === 0) out.add(join(dir, e.name));
    else if (e.dir) await walk(join(dir, e.name), rest, out);
  }
}

/**
 * Expands glob patterns (`profiles/*.yaml`, `**\/*.json`, `{a,b}.yaml`) relative to `cwd`, for shells
 * that pass them through unexpanded (Windows cmd, quoted arguments). Plain names are kept as given,
 * existing or not, so a missing file is reported by whoever opens it. Results of a pattern are sorted;
 * duplicates are dropped. Returns the patterns that matched nothing as well.
 */
export async function expandGlobs(
  args: readonly string[],
  cwd: string,
): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    if (!hasMagic(arg)) {
      const abs = resolve(cwd, arg);
      if (!seen.has(abs)) {
        seen.add(abs);
        files.push(arg);
      }
      continue;
    }
    const segments = arg.split(/[\\/]+/);
    const absolute = isAbsolute(arg);
    let root = cwd;
    if (absolute) {
      const drive = segments.shift() ?? "";
      root = sep === "\\" ? `${drive}\\` : "/";
    }
    const found = new Set<string>();
    await walk(
      root,
      segments.filter((s) => s !== "" && s !== "."),
      found,
    );
    const matched = [...found].sort();
    if (matched.length === 0) unmatched.push(arg);
    for (const m of matched) {
      if (!seen.has(m)) {
        seen.add(m);
        files.push(absolute ? m : relativeTo(cwd, m));
      }
    }
  }
  return { files, unmatched };
}

function relativeTo(cwd: string, path: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
