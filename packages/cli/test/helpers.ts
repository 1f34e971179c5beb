import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { main } from "../src/index.js";
import type { Io } from "../src/io.js";

/** What one CLI run printed and returned. */
export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `fairtender` in-process through `main`, capturing its output; `stdin` is what `-` reads. */
export async function cli(args: string[], cwd: string, stdin?: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: {
      write: (t: string | Uint8Array) => (stdout += typeof t === "string" ? t : Buffer.from(t).toString("latin1")),
    },
    stderr: { write: (t: string | Uint8Array) => (stderr += t) },
    ...(stdin === undefined ? {} : { stdin: [Buffer.from(stdin)] }),
    cwd,
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = "fairtender-cli-"): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export const packageDir = fileURLToPath(new URL("..", import.meta.url));
export const binSource = fileURLToPath(new URL("../src/bin.ts", import.meta.url));
export const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
/** The repository's example profiles (`examples/profiles/`), the one set every workspace's tests read. */
export const examples = fileURLToPath(new URL("../../../examples/profiles/", import.meta.url));
/** The example most CLI tests run: a US federal agency's cleaning contract for an embassy compound abroad. */
export const embassy = join(examples, "us-embassy-cleaning.yaml");

/** The embassy example written as JSON, in `dir` (the same tender, to test the JSON reader). Returns its path. */
export function embassyJson(dir: string): string {
  const path = join(dir, "us-embassy-cleaning.json");
  writeFileSync(path, `${JSON.stringify(parseYaml(readFileSync(embassy, "utf8")), null, 2)}\n`);
  return path;
}

/**
 * Runs the real `fairtender` process: `node --import tsx --conditions @fairtender/source src/bin.ts`.
 * The source condition means no package needs building first (the test task does not depend on
 * build); the process is real, so exit statuses, stream separation, signals and worker threads are
 * tested as users meet them. `extraNodeArgs` go before the script (e.g. an `--import` hook).
 */
export function runBin(
  args: string[],
  cwd: string,
  options: {
    extraNodeArgs?: string[];
    env?: NodeJS.ProcessEnv;
    onStdout?: (text: string, kill: () => void) => void;
    /** Called with all of stderr so far as it grows, and a function sending the process a signal. */
    onStderr?: (text: string, signal: (name: NodeJS.Signals) => void) => void;
  } = {},
): Promise<Run & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        tsxLoader,
        "--conditions",
        "@fairtender/source",
        ...(options.extraNodeArgs ?? []),
        binSource,
        ...args,
      ],
      { cwd, env: { ...process.env, ...options.env, NO_COLOR: "1" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      options.onStdout?.(stdout, () => child.kill("SIGINT"));
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      options.onStderr?.(stderr, (name) => child.kill(name));
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ status: code ?? -1, signal, stdout, stderr }));
  });
}
