import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  commitFiles,
  isTemporaryName,
  removeStaleTemporaryFiles,
  removeTemporaryFiles,
  stageFiles,
  temporaryOwner,
  watchDirectory,
  writeFileAtomic,
} from "../src/atomic.js";
import { tempDir, tsxLoader } from "./helpers.js";

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
    const mine = `.pack.docx.fairtender-${process.pid}-0a1b2c3d.tmp`;
    const other = `.pack.docx.fairtender-${process.pid + 1}-0a1b2c3d.tmp`;
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

describe("a set of files: stageFiles then commitFiles", () => {
  it("renames every file into place, replacing old ones, with no temporary file left", async () => {
    writeFileSync(join(dir, "t.md"), "old md");
    const staged = await stageFiles([
      { path: join(dir, "t.md"), data: "new md" },
      { path: join(dir, "t.html"), data: "new html" },
    ]);
    // Staged: the old file untouched, the new ones under temporary names only.
    expect(readFileSync(join(dir, "t.md"), "utf8")).toBe("old md");
    expect(readdirSync(dir).filter((n) => temporaryOwner(n) === process.pid)).toHaveLength(2);
    commitFiles(staged);
    expect(readdirSync(dir).sort()).toEqual(["t.html", "t.md"]);
    expect(readFileSync(join(dir, "t.md"), "utf8")).toBe("new md");
  });

  it("a target name blocked by a directory: nothing of the set is renamed, old files intact", async () => {
    writeFileSync(join(dir, "t.docx"), "old docx");
    mkdirSync(join(dir, "t.md"));
    const staged = await stageFiles([
      { path: join(dir, "t.docx"), data: "new docx" },
      { path: join(dir, "t.md"), data: "new md" },
      { path: join(dir, "t.html"), data: "new html" },
    ]);
    expect(() => commitFiles(staged)).toThrow(expect.objectContaining({ code: "EISDIR", path: join(dir, "t.md") }));
    expect(readdirSync(dir).sort()).toEqual(["t.docx", "t.md"]);
    expect(readFileSync(join(dir, "t.docx"), "utf8")).toBe("old docx");
  });

  it("a rename that fails halfway: the files already replaced get their old contents back", async () => {
    writeFileSync(join(dir, "a.md"), "old a");
    const staged = await stageFiles([
      { path: join(dir, "a.md"), data: "new a" },
      { path: join(dir, "b.md"), data: "new b" },
      { path: join(dir, "c.md"), data: "new c" },
    ]);
    // c.md's temporary file vanishes after the check, so its rename fails after a.md and b.md were renamed.
    const { rmSync } = await import("node:fs");
    rmSync((staged[2] as { tmp: string }).tmp);
    expect(() => commitFiles(staged)).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(readdirSync(dir).sort()).toEqual(["a.md"]);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("old a");
  });

  it("a write that fails (the file-size limit, as a full disk): no temporary file, nothing renamed", () => {
    // A real kernel error in a real process: `ulimit -f` makes writes past 4 kB fail with EFBIG.
    const script = `
      import { stageFiles } from ${JSON.stringify(new URL("../src/atomic.ts", import.meta.url).href)};
      try {
        await stageFiles([{ path: "small.md", data: "x" }, { path: "big.docx", data: new Uint8Array(100000) }]);
      } catch (e) { console.log(e.code); }`;
    const run = spawnSync(
      "sh",
      ["-c", `ulimit -f 8; exec "${process.execPath}" --import ${tsxLoader} --input-type=module -e "$0"`, script],
      { cwd: dir, encoding: "utf8" },
    );
    expect(run.stdout.trim()).toBe("EFBIG");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removeStaleTemporaryFiles removes those of dead processes only", () => {
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout.trim());
    const stale = `.t.md.fairtender-${deadPid}-0a1b2c3d.tmp`;
    const live = `.t.md.fairtender-${process.ppid}-0a1b2c3d.tmp`;
    const mine = `.t.md.fairtender-${process.pid}-0a1b2c3d.tmp`;
    const foreign = ".t.md.12345.tmp";
    for (const n of [stale, live, mine, foreign, "t.md"]) writeFileSync(join(dir, n), "x");
    expect(removeStaleTemporaryFiles(dir)).toEqual([stale]);
    expect(readdirSync(dir).sort()).toEqual([live, mine, foreign, "t.md"].sort());
  });
});
