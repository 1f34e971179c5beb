// The real `fairtender` process, started as users start it (see runBin in helpers.ts for why it runs
// the TypeScript source through tsx rather than a build): exit statuses, stdout/stderr, lazy loading,
// and batch mode on worker threads.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binSource, cli, embassy, fixtures, runBin, tempDir, tsxLoader } from "./helpers.js";

let dir: string;
let remove: () => void;
beforeAll(() => ({ dir, remove } = tempDir()));
afterAll(() => remove());

const hook = pathToFileURL(join(fixtures, "trace-hook.mjs")).href;

/** Runs the bin and returns the module URLs it resolved. */
async function traced(args: string[], name: string) {
  const trace = join(dir, `${name}.trace`);
  const run = await runBin(args, dir, { extraNodeArgs: ["--import", hook], env: { FT_TRACE: trace } });
  const urls = existsSync(trace) ? readFileSync(trace, "utf8").split("\n").filter(Boolean) : [];
  return { run, urls };
}
const loadsDocx = (urls: string[]) => urls.some((u) => /\/node_modules\/docx\/|\/renderer\/(src|dist)\/docx\//.test(u));

describe("the fairtender process", () => {
  it("--version: status 0, the version on stdout, loads no command and not core", async () => {
    const { run, urls } = await traced(["--version"], "version");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(urls.some((u) => u.includes("/commands/"))).toBe(false);
    expect(urls.some((u) => /\/core\/(src|dist)\//.test(u))).toBe(false);
  });

  it("stops quietly when the reader of its output goes away (| head)", async () => {
    const { spawnSync } = await import("node:child_process");
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const node = JSON.stringify(process.execPath);
    const cmd = `${node} --import ${tsx} --conditions @fairtender/source ${JSON.stringify(binSource)} clauses list | head -n 1`;
    const run = spawnSync("sh", ["-c", cmd], { cwd: dir, encoding: "utf8" });
    expect(run.stdout).toMatch(/^ID\s+TOPIC/);
    expect(run.stderr).not.toContain("EPIPE");
  });

  it("usage errors exit 2 with the message on stderr only", async () => {
    const run = await runBin(["generate", "--bogus"], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("unknown option --bogus");
  });

  it("validate: invalid input exits 1, no stack trace without --debug; never loads docx", async () => {
    const { run, urls } = await traced(["validate", join(fixtures, "bad-fields.yaml")], "validate");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("procurement.sectors[1]");
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(loadsDocx(urls)).toBe(false);
    expect(urls.some((u) => u.includes("/commands/validate"))).toBe(true);
  });

  it("generate --format md never loads docx; --format docx does", async () => {
    const md = await traced(["generate", embassy, "--out", "lazy", "--format", "md"], "md");
    expect(md.run.stdout).toBe(""); // progress and warnings go to stderr
    expect(md.run.status).toBe(0);
    expect(loadsDocx(md.urls)).toBe(false);
    const docx = await traced(["generate", embassy, "--out", "lazy", "--format", "docx"], "docx");
    expect(docx.run.status).toBe(0);
    expect(loadsDocx(docx.urls)).toBe(true);
  });

  it("batch: profiles run on worker threads; a bad one is reported and the others are written; status 1", async () => {
    const batch = join(dir, "batch");
    const good = readFileSync(embassy, "utf8");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(batch);
    writeFileSync(join(batch, "a.yaml"), good);
    writeFileSync(join(batch, "b.yaml"), good.replace("sectors: [cleaning]", "sectors: [cleanng]"));
    writeFileSync(join(batch, "c.yaml"), good.replace("DOS-2026-0042", "DOS-2026-0043"));
    const run = await runBin(
      ["generate", "batch/*.yaml", "--out", "batch-out", "--format", "md,json", "--jobs", "2"],
      dir,
    );
    expect(run.status).toBe(1);
    // Not a terminal: plain log lines, no progress bar escape codes.
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("ok: batch/a.yaml → batch-out/a.md, batch-out/a.json");
    expect(run.stderr).toContain("ok: batch/c.yaml → batch-out/c.md, batch-out/c.json");
    expect(run.stderr).toContain("batch/b.yaml: the tender profile has 1 problem");
    expect(run.stderr).toContain('did you mean "cleaning"?');
    expect(run.stderr).toContain("2 of 3 profiles generated");
    expect(run.stderr).not.toContain("\x1b[");
    expect(readdirSync(join(dir, "batch-out")).sort()).toEqual(["a.json", "a.md", "c.json", "c.md"]);
    expect(readFileSync(join(dir, "batch-out", "c.md"), "utf8")).toContain("DOS-2026-0043");
    // A worker writes exactly what a single in-process run writes.
    const single = await cli(["generate", "batch/a.yaml", "--out", "single-out", "--format", "md,json"], dir);
    expect(single.status).toBe(0);
    for (const f of ["a.md", "a.json"]) {
      expect(readFileSync(join(dir, "batch-out", f)), f).toEqual(readFileSync(join(dir, "single-out", f)));
    }
  });

  it("interrupted (Ctrl-C) mid-batch: status 130, no temporary files, every .docx written is complete", async () => {
    const { mkdirSync } = await import("node:fs");
    const { unzipSync } = await import("fflate");
    const many = join(dir, "many");
    mkdirSync(many);
    const good = readFileSync(embassy, "utf8");
    for (let i = 0; i < 8; i++) writeFileSync(join(many, `p${String(i).padStart(2, "0")}.yaml`), good);
    let sent = false;
    const run = await runBin(["generate", "many/*.yaml", "--out", "many-out", "--format", "docx", "--jobs", "2"], dir, {
      onStderr: (text, send) => {
        if (!sent && text.includes("ok: ")) {
          sent = true;
          send("SIGINT");
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.status).toBe(130);
    const files = readdirSync(join(dir, "many-out"));
    expect(files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(8);
    for (const f of files) {
      const docx = unzipSync(new Uint8Array(readFileSync(join(dir, "many-out", f))));
      expect(docx["word/document.xml"], f).toBeDefined();
    }
  });

  describe("a profile's files are written as a set", () => {
    const PAUSE = "FAIRTENDER_TEST_PAUSE_BEFORE_COMMIT";
    /** Starts a generate that stops with its files staged, and sends `signal` once they are. */
    async function interruptStaged(out: string, signal: NodeJS.Signals, extra: string[] = []) {
      let sent = false;
      const run = await runBin(["generate", embassy, "--out", out, "--format", "docx,md,ics", ...extra], dir, {
        // The pause is a bound, not a timing: the signal is sent as soon as the hook says the files are staged.
        env: { [PAUSE]: "20000" },
        onStderr: (text, send) => {
          if (!sent && text.includes(`${PAUSE}: 3 files staged`)) {
            sent = true;
            send(signal);
          }
        },
      });
      expect(sent, run.stderr).toBe(true);
      return run;
    }
    const entries = (out: string) => readdirSync(join(dir, out)).sort();

    it("SIGTERM with every file staged: status 143, no temporary file, the old files untouched", async () => {
      const { mkdirSync } = await import("node:fs");
      mkdirSync(join(dir, "term-out"));
      writeFileSync(join(dir, "term-out", "us-embassy-cleaning.md"), "OLD");
      const run = await interruptStaged("term-out", "SIGTERM");
      expect(run.status).toBe(143);
      expect(entries("term-out")).toEqual(["us-embassy-cleaning.md"]);
      expect(readFileSync(join(dir, "term-out", "us-embassy-cleaning.md"), "utf8")).toBe("OLD");
    });

    it("SIGINT with every file staged: status 130, nothing of the set written", async () => {
      const run = await interruptStaged("int-out", "SIGINT");
      expect(run.status).toBe(130);
      expect(entries("int-out")).toEqual([]);
    });

    it("SIGKILL leaves temporary files naming its pid; the next run removes them and writes the set", async () => {
      const killed = await interruptStaged("kill-out", "SIGKILL");
      expect(killed.signal).toBe("SIGKILL");
      const left = entries("kill-out");
      expect(left).toHaveLength(3);
      for (const name of left)
        expect(name).toMatch(/^\.us-embassy-cleaning\.(docx|md|ics)\.fairtender-\d+-[0-9a-f]{8}\.tmp$/);
      const next = await runBin(["generate", embassy, "--out", "kill-out", "--format", "md"], dir);
      expect(next.status).toBe(0);
      expect(next.stderr).toContain("removed temporary files left by an interrupted run");
      expect(entries("kill-out")).toEqual(["us-embassy-cleaning.md"]);
    });

    it("a full disk (here the file-size limit, EFBIG) leaves no partial set and no temporary file", async () => {
      const { mkdirSync, spawnSync } = { ...(await import("node:fs")), ...(await import("node:child_process")) };
      mkdirSync(join(dir, "full-out"));
      writeFileSync(join(dir, "full-out", "us-embassy-cleaning.csv"), "OLD");
      // The .ics and .csv (about 10 and 22 kB) fit under 40 kB; the .docx (about 50 kB) does not.
      const cmd = `ulimit -f 80; exec "${process.execPath}" --import ${tsxLoader} --conditions @fairtender/source "${binSource}" generate "${embassy}" --out full-out --format ics,csv,docx`;
      const run = spawnSync("sh", ["-c", cmd], { cwd: dir, encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("full-out/us-embassy-cleaning.docx: the file is larger than this system allows");
      expect(entries("full-out")).toEqual(["us-embassy-cleaning.csv"]);
      expect(readFileSync(join(dir, "full-out", "us-embassy-cleaning.csv"), "utf8")).toBe("OLD");
    });

    it("a target name blocked by a directory: no file of the set is written, the error names it", async () => {
      const { mkdirSync } = await import("node:fs");
      mkdirSync(join(dir, "blocked-out", "us-embassy-cleaning.md"), { recursive: true });
      const run = await runBin(["generate", embassy, "--out", "blocked-out", "--format", "docx,md,html"], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("blocked-out/us-embassy-cleaning.md: is a directory, expected a file");
      expect(entries("blocked-out")).toEqual(["us-embassy-cleaning.md"]);
    });
  });
});
