import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinLibrary } from "@fairtender/core";
import { describe, expect, it } from "vitest";

/**
 * The library owns the law: the renderer lays out what the selection gives it and holds no clause
 * ids, no legal sentences and no citations of its own. This reads the renderer's source files.
 */
const srcDir = fileURLToPath(new URL("../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const squash = (s: string) => s.replace(/\s+/g, " ");
const files = sourceFiles(srcDir).map((file) => ({ file, text: squash(readFileSync(file, "utf8")) }));
const lib = builtinLibrary();

/** The sentences of a piece of library wording, template syntax and all (each long enough to be telling). */
function sentences(text: string): string[] {
  return squash(text)
    .split(/(?<=[.;:?])\s+|\{\{[^}]*\}\}/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 24);
}

function wordingOfLibrary(): string[] {
  const out: string[] = [];
  for (const a of lib.annexes) {
    out.push(a.title, ...Object.values(a.text));
    if (a.layout === "declaration") out.push(a.titleWithProvisions);
    if ("entries" in a)
      for (const e of a.entries) if ("text" in e) out.push(e.text, ...("title" in e ? [e.title] : []));
  }
  for (const w of lib.wording) out.push(w.text);
  return out;
}

describe("the renderer holds no law", () => {
  it("reads the renderer's source", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("names no clause of the library", () => {
    for (const { id } of lib.clauses) {
      for (const { file, text } of files) expect(text.includes(id), `${id} in ${file}`).toBe(false);
    }
  });

  it("holds none of the library's annex or pack wording", () => {
    const pieces = wordingOfLibrary().flatMap(sentences);
    expect(pieces.length).toBeGreaterThan(40);
    for (const piece of pieces) {
      for (const { file, text } of files) expect(text.includes(piece), `"${piece}" in ${file}`).toBe(false);
    }
  });

  it("cites no instrument itself", () => {
    const citations = new Set(lib.clauses.flatMap((c) => [...c.sources, ...c.incorporates]).map((s) => s.citation));
    for (const citation of citations) {
      for (const { file, text } of files) expect(text.includes(citation), `${citation} in ${file}`).toBe(false);
    }
  });
});
