import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isTemporaryName, removeTemporaryFiles, watchDirectory, writeFileAtomic } from "../src/atomic.js";
import { tempDir } from "./helpers.js";

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

describe("writeFileAtomic", () => {
  it("writes a new file and replaces an existing one, leaving no temporary file", async () => {
    const path = join(dir, "pack.docx");
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    await writeFileAtomic(path, "second");
    expect(readFileSync(path, "utf8")).toBe("second");
    expect(readdirSync(dir)).toEqual(["pack.docx"]);
  });

  it("on failure leaves the old file intact and removes its temporary file", async () => {
    // The target is a non-empty directory: the final rename fails after the data was written.
    const target = join(dir, "pack.docx");
    mkdirSync(target);
    writeFileSync(join(target, "keep"), "old");
    await expect(writeFileAtomic(target, "new")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["pack.docx"]);
    expect(readFileSync(join(target, "keep"), "utf8")).toBe("old");
  });

  it("overwrite: false never replaces an existing file and leaves no temporary file", async () => {
    const path = join(dir, "profile.yaml");
    writeFileSync(path, "mine");
    await expect(writeFileAtomic(path, "new", { overwrite: false })).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(path, "utf8")).toBe("mine");
    expect(readdirSync(dir)).toEqual(["profile.yaml"]);
    await writeFileAtomic(join(dir, "fresh.yaml"), "new", { overwrite: false });
    expect(readFileSync(join(dir, "fresh.yaml"), "utf8")).toBe("new");
    expect(readdirSync(dir).sort()).toEqual(["fresh.yaml", "profile.yaml"]);
  });

  it("fails cleanly when the directory does not exist", async () => {
    await expect(writeFileAtomic(join(dir, "missing", "x.md"), "x")).rejects.toMatchObject({ code: "ENOENT" });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removeTemporaryFiles sweeps this process's temporary files in watched directories only", () => {
    const mine = `.pack.docx.${process.pid}.0a1b2c3d.tmp`;
    const other = `.pack.docx.${process.pid + 1}.0a1b2c3d.tmp`;
    writeFileSync(join(dir, mine), "half");
    writeFileSync(join(dir, other), "half");
    writeFileSync(join(dir, "pack.docx"), "complete");
    expect(isTemporaryName(mine)).toBe(true);
    expect(isTemporaryName("pack.docx")).toBe(false);
    watchDirectory(dir);
    removeTemporaryFiles();
    expect(readdirSync(dir).sort()).toEqual([other, "pack.docx"].sort());
  });
});
