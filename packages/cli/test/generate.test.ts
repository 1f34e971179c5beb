import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
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

  it("an output directory the file system refuses (/proc/x) fails at once with a clear message", async () => {
    if (!existsSync("/proc/self")) return; // Linux only: elsewhere there is no /proc to refuse
    // Node's recursive mkdir never returns here; this one takes one step per missing level.
    const run = await cli(["generate", embassy, "--out", "/proc/x/out", "--format", "md"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "cannot create the output directory: /proc/x/out: /proc does not accept new directories",
    );
    expect(run.stderr).not.toMatch(/unexpected|\n\s+at /);
  });

  it("- reads the profile from stdin and -o - writes one format to stdout", async () => {
    const text = readFileSync(embassy, "utf8");
    const md = await cli(["generate", "-", "-o", "-", "--format", "md", "--date", "2026-06-01"], dir, text);
    expect(md.status, md.stderr).toBe(0);
    await cli(["generate", embassy, "--out", "f", "--format", "md", "--date", "2026-06-01"], dir);
    expect(md.stdout).toBe(readFileSync(join(dir, "f", "us-embassy-cleaning.md"), "utf8"));
    expect(md.stderr).toContain("ok: <stdin> → standard output");
    expect(readdirSync(dir).sort()).toEqual(["f"]); // nothing else written
    // From stdin into a directory: the files are named tender.<ext>.
    const toDir = await cli(["generate", "-", "--out", "s", "--format", "json"], dir, text);
    expect(toDir.status).toBe(0);
    expect(readdirSync(join(dir, "s"))).toEqual(["tender.json"]);
    // Problems in a profile from stdin name <stdin>:line:col.
    const bad = await cli(
      ["generate", "-", "-o", "-", "--format", "md"],
      dir,
      text.replace("sectors: [cleaning]", "sectors: [cleanng]"),
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^<stdin>:\d+:\d+: procurement\.sectors\[0\]: "cleanng" is not a known sector/m);
    // -o - takes one format of one profile.
    expect((await cli(["generate", "-", "-o", "-"], dir, text)).status).toBe(2);
    expect((await cli(["generate", embassy, embassy, "-o", "-", "--format", "md"], dir)).status).toBe(2);
  });

  it("-o - --format docx writes the Word file's bytes to stdout", async () => {
    const chunks: Uint8Array[] = [];
    const { main } = await import("../src/index.js");
    const status = await main(["generate", embassy, "-o", "-", "--format", "docx"], {
      stdout: { write: (t: string | Uint8Array) => chunks.push(typeof t === "string" ? Buffer.from(t) : t) },
      stderr: { write: () => true },
      cwd: dir,
    });
    expect(status).toBe(0);
    const docx = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(new TextDecoder().decode(docx["word/document.xml"])).toContain("Cleaning services, embassy compound");
  });

  it("--json prints files written, warnings and failures as data on stdout", async () => {
    writeFileSync(join(dir, "bad.yaml"), readFileSync(embassy, "utf8").replace("sectors: [cleaning]", "sectors: [x]"));
    const ok = await cli(["generate", embassy, "--out", "j", "--format", "md,json", "--json"], dir);
    expect(ok.status).toBe(0);
    const result = JSON.parse(ok.stdout) as {
      ok: boolean;
      files: string[];
      profiles: { file: string; ok: boolean; written: string[]; warnings: { code: string }[] }[];
    };
    expect(result.ok).toBe(true);
    expect(result.files).toEqual(["j/us-embassy-cleaning.md", "j/us-embassy-cleaning.json"]);
    expect(result.profiles[0]?.warnings.map((w) => w.code)).toContain("unconfirmed-fact");
    const failed = await cli(["generate", "bad.yaml", "nothing-*.yaml", "--out", "j", "--format", "md", "--json"], dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe("");
    const data = JSON.parse(failed.stdout) as {
      ok: boolean;
      files: string[];
      profiles: { file: string; ok: boolean; error?: string; problems?: { code: string; line?: number }[] }[];
    };
    expect(data.ok).toBe(false);
    expect(data.files).toEqual([]);
    expect(data.profiles.map((p) => [p.file, p.ok])).toEqual([
      ["bad.yaml", false],
      ["nothing-*.yaml", false],
    ]);
    expect(data.profiles[0]?.problems?.[0]).toMatchObject({ code: "unknown-sector", line: expect.any(Number) });
    expect(data.profiles[1]?.problems?.[0]?.code).toBe("no-match");
  });

  it("a mistyped option gets a did-you-mean", async () => {
    const run = await cli(["generate", embassy, "--fromat", "md", "--out", "o"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option --fromat (did you mean --format?)");
    expect((await cli(["validate", "x.yaml", "--jsno"], dir)).stderr).toContain("(did you mean --json?)");
    expect((await cli(["--verison"], dir)).stderr).toContain("unknown option --verison (did you mean --version?)");
    expect((await cli(["generate", embassy, "--zzzzzz"], dir)).stderr).not.toContain("did you mean");
  });

  it("--ocds writes <name>.ocds.json, an OCDS release package that reads back to the same profile", async () => {
    const run = await cli(["generate", embassy, "--out", "o", "--format", "docx", "--ocds"], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(dir, "o")).sort()).toEqual(["us-embassy-cleaning.docx", "us-embassy-cleaning.ocds.json"]);
    const pkg = JSON.parse(readFileSync(join(dir, "o", "us-embassy-cleaning.ocds.json"), "utf8")) as {
      version: string;
      releases: { tender: { contractTerms?: unknown; documents?: { format: string }[] } }[];
    };
    expect(pkg.version).toBe("1.1");
    const release = pkg.releases[0];
    expect(release?.tender.contractTerms).toBeDefined();
    expect(release?.tender.documents?.[0]?.format).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const { fromOcds } = await import("@fairtender/adapters");
    const back = fromOcds(pkg);
    const original = parseYaml(readFileSync(embassy, "utf8")) as {
      buyer: { name: string };
      procurement: Record<string, unknown>;
    };
    const mapped = new Map(back.report.fields.filter((f) => f.status === "mapped").map((f) => [f.field, f.value]));
    expect(mapped.get("buyer.name")).toBe(original.buyer.name);
    expect(mapped.get("procurement.title")).toBe(original.procurement.title);
    expect(mapped.get("procurement.reference")).toBe(original.procurement.reference);
    expect(mapped.get("procurement.value")).toEqual(original.procurement.value);
    expect(mapped.get("procurement.startDate")).toBe(original.procurement.startDate);
  });
});
