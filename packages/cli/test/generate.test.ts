import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cli, embassy, tempDir } from "./helpers.js";

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => {
  remove();
  vi.doUnmock("@fairtender/renderer/docx");
  vi.resetModules();
});

/** Runs the CLI in-process with a Word backend whose `toDocx` fails ("disk on fire"). */
async function withFailingDocx(args: string[]): Promise<{ status: number; stderr: string }> {
  vi.resetModules();
  vi.doMock("@fairtender/renderer/docx", () => ({
    toDocx: async () => {
      throw new Error("disk on fire");
    },
  }));
  const { main } = await import("../src/index.js");
  let stderr = "";
  const status = await main(args, {
    stdout: { write: () => true },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: dir,
  });
  return { status, stderr };
}

describe("fairtender generate", () => {
  it("writes <out>/<name>.<ext> for every format", async () => {
    const run = await cli(["generate", embassy, "--out", "out", "--format", "docx,md,html,json,csv,ics"], dir);
    expect(run.stdout).toBe(""); // progress and warnings go to stderr
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(
      [
        "us-embassy-cleaning.csv",
        "us-embassy-cleaning.docx",
        "us-embassy-cleaning.html",
        "us-embassy-cleaning.ics",
        "us-embassy-cleaning.json",
        "us-embassy-cleaning.md",
      ].sort(),
    );
    const docx = unzipSync(new Uint8Array(readFileSync(join(dir, "out", "us-embassy-cleaning.docx"))));
    const xml = new TextDecoder().decode(docx["word/document.xml"]);
    expect(xml).toContain("Cleaning services, embassy compound");
    expect(readFileSync(join(dir, "out", "us-embassy-cleaning.md"), "utf8")).toContain(
      "Cleaning services, embassy compound",
    );
    expect(readFileSync(join(dir, "out", "us-embassy-cleaning.html"), "utf8")).toMatch(/^<!doctype html>/i);
    expect(readFileSync(join(dir, "out", "us-embassy-cleaning.ics"), "utf8")).toMatch(/^BEGIN:VCALENDAR/);
    const select = await cli(["select", embassy, "--json"], dir);
    expect(readFileSync(join(dir, "out", "us-embassy-cleaning.json"), "utf8")).toBe(select.stdout);
    expect(run.stderr).toMatch(
      /^ok: .*us-embassy-cleaning\.yaml → out\/us-embassy-cleaning\.docx, out\/us-embassy-cleaning\.md, out\/us-embassy-cleaning\.html, /,
    );
  });

  it("is deterministic: the same profile and options give byte-identical files", async () => {
    const args = ["generate", embassy, "--format", "docx,md,html,json", "--date", "2026-06-01"];
    await cli([...args, "--out", "a"], dir);
    await cli([...args, "--out", "b"], dir);
    for (const f of readdirSync(join(dir, "a"))) {
      expect(readFileSync(join(dir, "b", f)), f).toEqual(readFileSync(join(dir, "a", f)));
    }
  });

  it("--edition guidance and --date change the pack", async () => {
    await cli(["generate", embassy, "--out", "t", "--format", "md", "--date", "2026-06-01"], dir);
    await cli(
      ["generate", embassy, "--out", "g", "--format", "md", "--edition", "guidance", "--date", "2026-07-15"],
      dir,
    );
    const tender = readFileSync(join(dir, "t", "us-embassy-cleaning.md"), "utf8");
    const guidance = readFileSync(join(dir, "g", "us-embassy-cleaning.md"), "utf8");
    expect(tender).toContain("2026-06-01");
    expect(guidance).toContain("2026-07-15");
    expect(guidance.length).toBeGreaterThan(tender.length);
  });

  it("rejects bad flag values as usage errors (status 2)", async () => {
    for (const args of [
      ["--format", "pdf"],
      ["--edition", "draft"],
      ["--date", "2026-02-30"],
      ["--jobs", "0"],
      ["--format", "md", "--reference-docx", "r.docx"],
    ]) {
      const run = await cli(["generate", embassy, "--out", "o", ...args], dir);
      expect(run.status, args.join(" ")).toBe(2);
    }
    const run = await cli(["generate", embassy, "--out", "o", "--format", "docz"], dir);
    expect(run.stderr).toContain("did you mean 'docx'?");
  });

  it("--reference-docx restyles the Word output", async () => {
    const { parseProfile, select } = await import("@fairtender/core");
    const { buildTenderPack } = await import("@fairtender/renderer");
    const { toDocx } = await import("@fairtender/renderer/docx");
    const { parse } = await import("yaml");
    const pack = buildTenderPack(select(parseProfile(parse(readFileSync(embassy, "utf8")))));
    writeFileSync(join(dir, "house.docx"), await toDocx(pack, { theme: { font: "Georgia", colour: "7B1F1F" } }));
    const styles = (file: string) =>
      new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(join(dir, file))))["word/styles.xml"]);
    expect((await cli(["generate", embassy, "--out", "plain", "--format", "docx"], dir)).status).toBe(0);
    const run = await cli(
      ["generate", embassy, "--out", "styled", "--format", "docx", "--reference-docx", "house.docx"],
      dir,
    );
    expect(run.status).toBe(0);
    expect(styles("plain/us-embassy-cleaning.docx")).not.toContain("Georgia");
    expect(styles("styled/us-embassy-cleaning.docx")).toContain("Georgia");
  });

  it("a reference .docx that is missing or not a .docx is invalid input (status 1)", async () => {
    writeFileSync(join(dir, "notes.docx"), "plain text");
    const missing = await cli(["generate", embassy, "--out", "o", "--reference-docx", "nope.docx"], dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("nope.docx: no such file");
    const bad = await cli(["generate", embassy, "--out", "o", "--reference-docx", "notes.docx"], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("notes.docx: is not a Word .docx file");
  });

  it("refuses two profiles that would write the same files", async () => {
    mkdirSync(join(dir, "x"));
    writeFileSync(join(dir, "x", "us-embassy-cleaning.yaml"), readFileSync(embassy));
    const run = await cli(["generate", embassy, "x/us-embassy-cleaning.yaml", "--out", "o"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("would both write us-embassy-cleaning.*");
  });

  it("a failing render leaves the existing files intact and no temporary files", async () => {
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, "us-embassy-cleaning.docx"), "OLD DOCX");
    writeFileSync(join(out, "us-embassy-cleaning.md"), "OLD MD");
    const { status, stderr } = await withFailingDocx(["generate", embassy, "--out", "out", "--format", "md,docx"]);
    expect(status).toBe(1);
    expect(stderr).toContain("disk on fire");
    expect(stderr).not.toMatch(/\n\s+at /);
    // Neither file was replaced (the Markdown rendered fine, but nothing is written unless all did).
    expect(readFileSync(join(out, "us-embassy-cleaning.docx"), "utf8")).toBe("OLD DOCX");
    expect(readFileSync(join(out, "us-embassy-cleaning.md"), "utf8")).toBe("OLD MD");
    expect(readdirSync(out).sort()).toEqual(["us-embassy-cleaning.docx", "us-embassy-cleaning.md"]);
  });

  it("says plainly when the output directory cannot be made, with the file-system error under --debug", async () => {
    writeFileSync(join(dir, "a-file"), "");
    const plain = await cli(["generate", embassy, "--out", "a-file/out", "--format", "md"], dir);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain("cannot create the output directory");
    expect(plain.stderr).toContain("a-file/out: a part of the path is not a directory");
    expect(plain.stderr).not.toMatch(/unexpected error|\n\s+at /);
    const debug = await cli(["generate", embassy, "--out", "a-file/out", "--format", "md", "--debug"], dir);
    expect(debug.stderr).toMatch(/ENOTDIR[^\n]*\n\s+at /);
  });

  it("--debug adds the stack trace of an unexpected error", async () => {
    const { stderr } = await withFailingDocx(["generate", embassy, "--out", "out", "--format", "docx", "--debug"]);
    expect(stderr).toMatch(/disk on fire\n.*\n\s+at /s);
  });
});
