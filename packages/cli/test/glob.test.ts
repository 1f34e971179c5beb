import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileSegment, expandGlobs, hasMagic } from "../src/glob.js";
import { tempDir } from "./helpers.js";

let dir: string;
let remove: () => void;
beforeEach(() => {
  ({ dir, remove } = tempDir());
  for (const f of ["a.yaml", "b.yaml", "c.json", ".hidden.yaml", "sub/d.yaml", "sub/deeper/e.yaml", "sub/f.json"]) {
    mkdirSync(join(dir, f, ".."), { recursive: true });
    writeFileSync(join(dir, f), "");
  }
});
afterEach(() => remove());

describe("expandGlobs", () => {
  it("expands *, ?, [..], {a,b} and ** in sorted order, skipping dot files", async () => {
    expect((await expandGlobs(["*.yaml"], dir)).files).toEqual(["a.yaml", "b.yaml"]);
    expect((await expandGlobs(["?.json"], dir)).files).toEqual(["c.json"]);
    expect((await expandGlobs(["[ab].yaml"], dir)).files).toEqual(["a.yaml", "b.yaml"]);
    expect((await expandGlobs(["*.{yaml,json}"], dir)).files).toEqual(["a.yaml", "b.yaml", "c.json"]);
    expect((await expandGlobs(["**/*.yaml"], dir)).files).toEqual([
      "a.yaml",
      "b.yaml",
      "sub/d.yaml",
      "sub/deeper/e.yaml",
    ]);
    expect((await expandGlobs(["sub/*.json"], dir)).files).toEqual(["sub/f.json"]);
  });

  it("keeps plain names as given (even missing ones), drops duplicates, reports patterns matching nothing", async () => {
    const { files, unmatched } = await expandGlobs(["b.yaml", "missing.yaml", "*.yaml", "*.txt"], dir);
    expect(files).toEqual(["b.yaml", "missing.yaml", "a.yaml"]);
    expect(unmatched).toEqual(["*.txt"]);
  });

  it("handles absolute patterns", async () => {
    expect((await expandGlobs([join(dir, "*.json")], "/")).files).toEqual([join(dir, "c.json")]);
  });

  it("knows patterns from names", () => {
    expect(hasMagic("a.yaml")).toBe(false);
    expect(hasMagic("a*.yaml")).toBe(true);
    expect(compileSegment("a.b").test("axb")).toBe(false);
    expect(compileSegment("[!a]*").test("abc")).toBe(false);
    expect(compileSegment("[!a]*").test("bbc")).toBe(true);
  });
});

describe("literal paths and bounded matching", () => {
  it("takes an existing path literally before any glob expansion", async () => {
    writeFileSync(join(dir, "Tender [final].yaml"), "");
    writeFileSync(join(dir, "Tender f.yaml"), ""); // what [final] would match as a character class
    writeFileSync(join(dir, "{x,y}.yaml"), "");
    expect((await expandGlobs(["Tender [final].yaml"], dir)).files).toEqual(["Tender [final].yaml"]);
    expect((await expandGlobs(["{x,y}.yaml"], dir)).files).toEqual(["{x,y}.yaml"]);
    // Not an existing name: a pattern again.
    expect((await expandGlobs(["Tender [f].yaml"], dir)).files).toEqual(["Tender f.yaml"]);
  });

  it("matches *a*a*...*b.yaml against a 200-character name in linear work, no back-tracking", () => {
    const pattern = `${"*a".repeat(12)}*b.yaml`;
    const matcher = compileSegment(pattern);
    const name = `${"a".repeat(200)}.yaml`;
    const work = { steps: 0 };
    expect(matcher.test(name, work)).toBe(false);
    // The two-pointer matcher's bound: (name length + 1) × (tokens + 1) steps. A back-tracking regular
    // expression takes on the order of 200^12 for this one.
    expect(work.steps).toBeLessThanOrEqual((name.length + 1) * (matcher.size + 1));
    const hit = { steps: 0 };
    expect(matcher.test(`${"a".repeat(200)}b.yaml`, hit)).toBe(true);
    expect(hit.steps).toBeLessThanOrEqual((name.length + 2) * (matcher.size + 1));
  });

  it("matches like a shell: *, ?, classes with ranges and negation, literal ] first", () => {
    const cases: [string, string, boolean][] = [
      ["*.yaml", "a.yaml", true],
      ["*.yaml", "a.yml", false],
      ["a*b*c", "abc", true],
      ["a*b*c", "aXbYbZc", true],
      ["a*b*c", "acb", false],
      ["?.json", "c.json", true],
      ["?.json", "cc.json", false],
      ["[a-c]*", "b1", true],
      ["[a-c]*", "d1", false],
      ["[!a-c]*", "d1", true],
      ["[]]x", "]x", true],
      ["[x", "[x", true],
      ["*", "", true],
      ["**x", "x", true],
    ];
    for (const [pattern, name, expected] of cases)
      expect(compileSegment(pattern).test(name), `${pattern} ${name}`).toBe(expected);
  });

  it("a backwards range is a clear usage error, not a regular-expression error", async () => {
    await expect(expandGlobs(["[z-a]*.yaml"], dir, "generate")).rejects.toMatchObject({
      name: "UsageError",
      message: "invalid pattern [z-a]*.yaml: the range [z-a] is backwards (write [a-z])",
    });
  });

  it("bounds brace expansion", async () => {
    await expect(expandGlobs(["{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.yaml"], dir)).rejects.toThrow(
      /expand to more than 1024 patterns/,
    );
    expect((await expandGlobs(["{a,{b,c}}.yaml"], dir)).files).toEqual(["a.yaml", "b.yaml"]);
  });
});
