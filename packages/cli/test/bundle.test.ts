// The published `fairtender` executable: dist/bin.js, bundled and minified with its dependencies and a
// faster XML writer inside docx (tsup.bin.config.ts). The other process tests run the TypeScript
// source; these run what users install, so the bundle cannot drift from the source unnoticed.
// Turbo builds the package before its tests (turbo.json: @fairtender/cli#test depends on build).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toHtml } from "@fairtender/renderer/html";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { embassy, examples, fixtures, packageDir, tempDir } from "./helpers.js";

// What npm links as the `fairtender` command: a committed stub that imports the bundle.
const bin = join(packageDir, "bin", "fairtender.js");
const hook = pathToFileURL(join(fixtures, "trace-hook.mjs")).href;

let dir: string;
let remove: () => void;
beforeAll(() => {
  if (!existsSync(join(packageDir, "dist", "bin.js"))) {
    throw new Error("dist/bin.js is missing: run `npm run build -w @fairtender/cli` first");
  }
  ({ dir, remove } = tempDir("fairtender-bundle-"));
});
afterAll(() => remove());

function run(args: string[], trace?: string) {
  const extra = trace ? ["--import", hook] : [];
  return spawnSync(process.execPath, [...extra, bin, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...(trace ? { FT_TRACE: join(dir, trace) } : {}) },
  });
}
const traced = (name: string) => readFileSync(join(dir, name), "utf8").split("\n").filter(Boolean);
const docxChunk = (urls: string[]) => urls.some((u) => /\/dist\/docx-[A-Z0-9]+\.js$/.test(u));

describe("the bundled fairtender executable", () => {
  it("is one file per command plus shared chunks, and loads the docx chunk only for a .docx", () => {
    expect(readdirSync(join(packageDir, "dist")).some((f) => /^docx-[A-Z0-9]+\.js$/.test(f))).toBe(true);
    const version = run(["--version"], "version.trace");
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    // --version loads no command and neither core nor yaml: a few small chunks
    const loaded = traced("version.trace").filter((u) => u.includes("/dist/"));
    const bytes = loaded.reduce((n, u) => n + statSync(fileURLToPath(u)).size, 0);
    expect(bytes).toBeLessThan(50_000);

    const md = run(["generate", embassy, "--out", "md", "--format", "md", "-q"], "md.trace");
    expect(md.stderr).toBe("");
    expect(md.status).toBe(0);
    expect(docxChunk(traced("md.trace"))).toBe(false);

    const docx = run(["generate", embassy, "--out", "d", "-f", "docx"], "d.trace");
    expect(docx.status).toBe(0);
    expect(docxChunk(traced("d.trace"))).toBe(true);
  });

  it("writes the very bytes the renderer writes, in every format, for every example profile", async () => {
    for (const file of readdirSync(examples).filter((f) => f.endsWith(".yaml"))) {
      const name = file.replace(/\.yaml$/, "");
      const result = run(["generate", join(examples, file), "--out", "same", "--format", "docx,md,html", "-q"]);
      expect(result.status, result.stderr).toBe(0);
      const pack = buildTenderPack(select(parse(readFileSync(join(examples, file), "utf8"))));
      const docx = readFileSync(join(dir, "same", `${name}.docx`));
      expect(Buffer.from(await toDocx(pack)).equals(docx), `${name}.docx`).toBe(true);
      expect(readFileSync(join(dir, "same", `${name}.md`), "utf8"), `${name}.md`).toBe(toMarkdown(pack));
      expect(readFileSync(join(dir, "same", `${name}.html`), "utf8"), `${name}.html`).toBe(toHtml(pack));
    }
  });

  it("runs a batch on its bundled worker threads", () => {
    const batch = join(dir, "batch");
    mkdirSync(batch);
    const profile = readFileSync(embassy, "utf8");
    writeFileSync(join(batch, "a.yaml"), profile);
    writeFileSync(join(batch, "b.yaml"), profile.replace("DOS-2026-0042", "DOS-2026-0043"));
    const result = run([
      "generate",
      "batch/*.yaml",
      "--out",
      "batch-out",
      "--format",
      "docx,json",
      "--jobs",
      "2",
      "-q",
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, "batch-out")).sort()).toEqual(["a.docx", "a.json", "b.docx", "b.json"]);
  });

  it("reports errors without a stack; with --debug, the stack names the source files", () => {
    writeFileSync(join(dir, "not-a-directory"), "");
    const args = ["generate", embassy, "--out", "not-a-directory/out", "--format", "md"];
    const plain = run(args);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain("cannot create the output directory");
    expect(plain.stderr).toContain("a part of the path is not a directory");
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = run([...args, "--debug"]);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at .*src[\\/]render\.ts:\d+:\d+/);
  });
});
