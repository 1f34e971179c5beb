import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expandGlobs, hasMagic, segmentToRegExp } from "../src/glob.js";
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
    expect(segmentToRegExp("a.b").test("axb")).toBe(false);
    expect(segmentToRegExp("[!a]*").test("abc")).toBe(false);
  });
});
