#!/usr/bin/env node
// Checks the published packages as a user outside this repository gets them. Packs every published
// workspace (`npm pack`), installs the tarballs into a fresh project in the system's temporary folder
// (outside the repository, so nothing resolves to the workspaces), from the tarballs and npm's cache
// (`npm install --prefer-offline`), and checks:
//
// - each tarball: the LICENSE, `repository`/`homepage`/`bugs`/`keywords`/`license` in its package.json,
//   no source maps in the libraries, and the CLI's maps without `sourcesContent`;
// - every installed dependency allows the supported Node.js lines in its `engines`;
// - an ES module script that selects and renders every format (docx, md, html, json, csv, ics), and
//   that the installed `fairtender generate` writes the same bytes for the same profile;
// - `tsc --noEmit` of a TypeScript consumer under `module: nodenext` and under
//   `moduleResolution: bundler`, with the packages' own declarations checked (`skipLibCheck: false`);
// - a browser bundle (esbuild, `platform: "browser"`, nothing external) of select + buildTenderPack +
//   toMarkdown: it builds with no Node.js built-in, renders the same Markdown, and its min+gzip size
//   is printed;
// - `require()` of every entry from a CommonJS script (Node.js 20.19+ loads ES modules with require).
//
// Run: npm run check:consumers   (after `npm run build`; `npm test` runs it through turborepo)
// `--keep` keeps the temporary project and prints its path.
import { execFile as execFileCallback } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { unzipSync } from "fflate";
import semver from "semver";
import { parse as parseYaml } from "yaml";

const execFile = promisify(execFileCallback);
const root = fileURLToPath(new URL("..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const rootPackage = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
const rootLock = JSON.parse(await readFile(join(root, "package-lock.json"), "utf8"));
/** The lowest version of each supported Node.js line: what `engines` must allow. */
const NODE_LINES = ["20.19.0", "22.0.0", "24.0.0"];

let passed = 0;
let failed = 0;
async function check(name, fn) {
  const start = performance.now();
  try {
    await fn();
    passed++;
    console.log(`ok    ${name} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    const text = String(
      error?.stderr || error?.stdout ? `${error.message}\n${error.stdout}\n${error.stderr}` : (error?.stack ?? error),
    );
    console.log(`FAIL  ${name}\n      ${text.split("\n").slice(0, 30).join("\n      ")}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
function run(command, args, cwd, env = {}) {
  return execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
}
const sameBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

// --- The published workspaces (every packages/* that is not private) ---
const published = [];
for (const dir of (await readdir(join(root, "packages"))).sort()) {
  const manifest = JSON.parse(await readFile(join(root, "packages", dir, "package.json"), "utf8").catch(() => "{}"));
  if (manifest.name && !manifest.private) published.push({ dir: join(root, "packages", dir), manifest });
}

const work = await mkdtemp(join(tmpdir(), "fairtender-consumer-"));
const project = join(work, "project");
const tarballs = join(work, "tarballs");
await mkdir(project);
await mkdir(tarballs);

try {
  // --- Pack ---
  const packed = new Map(); // name → { file, files (paths in the tarball), manifest }
  const packStart = performance.now();
  for (const { dir, manifest } of published) {
    const { stdout } = await run(npm, ["pack", "--json", "--pack-destination", tarballs], dir);
    const [info] = JSON.parse(stdout);
    packed.set(manifest.name, { file: join(tarballs, info.filename), files: info.files, manifest, info });
    console.log(
      `      packed ${manifest.name}: ${(info.size / 1000).toFixed(0)} kB, ${(info.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${info.entryCount} files`,
    );
  }
  console.log(`      packing took ${((performance.now() - packStart) / 1000).toFixed(1)} s`);

  for (const [name, { files, manifest }] of packed) {
    await check(`${name}: the tarball has the LICENSE and says where it comes from`, async () => {
      assert(
        files.some((f) => f.path === "LICENSE"),
        "no LICENSE in the tarball (copy the root LICENSE into the package)",
      );
      const license = await readFile(join(root, "LICENSE"), "utf8");
      const own = await readFile(join(root, "packages", manifest.name.split("/")[1], "LICENSE"), "utf8");
      assert(own === license, "the package's LICENSE differs from the repository's");
      assert(manifest.license === rootPackage.license, `license is ${manifest.license}, not ${rootPackage.license}`);
      for (const field of ["repository", "homepage", "bugs", "keywords"])
        assert(manifest[field] !== undefined, `package.json has no "${field}"`);
      assert(manifest.repository.directory, "repository has no directory (the package's folder in the repository)");
      assert(manifest.engines?.node, "package.json has no engines.node");
    });
    await check(`${name}: source maps only where they serve, never with the sources copied in`, async () => {
      const maps = files.filter((f) => f.path.endsWith(".map"));
      if (name !== "@fairtender/cli") {
        assert(maps.length === 0, `a library ships source maps: ${maps.map((f) => f.path).join(", ")}`);
        return;
      }
      // The CLI's minified bundle keeps its maps for --debug stack traces, without sourcesContent.
      assert(maps.length > 0, "the CLI bundle ships no source maps, so --debug stack traces name no source");
      const dist = join(root, "packages", "cli");
      for (const map of maps) {
        const content = JSON.parse(await readFile(join(dist, map.path), "utf8")).sourcesContent;
        assert(!content?.some((s) => s), `${map.path} carries sourcesContent`);
      }
    });
  }

  // --- Install the tarballs into a fresh project, offline from the tarballs and npm's cache ---
  const typesNode = rootLock.packages["node_modules/@types/node"].version;
  const typescript = rootLock.packages["node_modules/typescript"].version;
  await writeFile(
    join(project, "package.json"),
    `${JSON.stringify({ name: "fairtender-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  await check("the tarballs install into a fresh project (npm install --prefer-offline)", async () => {
    await run(
      npm,
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        ...[...packed.values()].map((p) => p.file),
        `@types/node@${typesNode}`,
        `typescript@${typescript}`,
      ],
      project,
    );
    for (const name of packed.keys()) {
      const installed = JSON.parse(await readFile(join(project, "node_modules", name, "package.json"), "utf8"));
      assert(installed.version === packed.get(name).manifest.version, `${name} installed at ${installed.version}`);
      // One copy of each: the tarballs satisfy each other's dependencies.
      for (const other of packed.keys()) {
        const nested = join(project, "node_modules", name, "node_modules", other, "package.json");
        const copy = await readFile(nested, "utf8").catch(() => undefined);
        assert(copy === undefined, `${name} got its own copy of ${other} (from the registry?)`);
      }
    }
  });

  await check("every installed dependency allows Node.js 20.19, 22 and 24 in its engines", async () => {
    const bad = [];
    async function walk(dir) {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (!entry.isDirectory() || entry.name === ".bin") continue;
        const path = join(dir, entry.name);
        if (entry.name.startsWith("@")) {
          await walk(path);
          continue;
        }
        const manifest = JSON.parse(await readFile(join(path, "package.json"), "utf8").catch(() => "{}"));
        const range = manifest.engines?.node;
        if (range && !["@types/node", "typescript"].includes(manifest.name)) {
          const refused = NODE_LINES.filter((v) => !semver.satisfies(v, range));
          if (refused.length) bad.push(`${manifest.name}@${manifest.version} (engines.node ${range}: not ${refused})`);
        }
        await walk(join(path, "node_modules"));
      }
    }
    await walk(join(project, "node_modules"));
    assert(bad.length === 0, `dependencies that refuse a supported Node.js line: ${bad.join("; ")}`);
  });

  // --- A profile, as a user would have it ---
  const profileYaml = join(root, "examples", "profiles", "us-embassy-cleaning.yaml");
  await copyFile(profileYaml, join(project, "tender.yaml"));
  await writeFile(
    join(project, "profile.json"),
    `${JSON.stringify(parseYaml(await readFile(profileYaml, "utf8")), null, 2)}\n`,
  );

  // --- ESM: select and render every format ---
  await writeFile(
    join(project, "render.mjs"),
    `import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { calendarToCsv, calendarToICalendar, obligationCalendar, parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toHtml } from "@fairtender/renderer/html";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { toEforms, toOcds } from "@fairtender/adapters";

const selection = select(parseProfile(JSON.parse(readFileSync("profile.json", "utf8"))));
const pack = buildTenderPack(selection);
const calendar = obligationCalendar(selection);
mkdirSync("api", { recursive: true });
writeFileSync("api/tender.docx", await toDocx(pack));
writeFileSync("api/tender.md", toMarkdown(pack));
writeFileSync("api/tender.html", toHtml(pack));
writeFileSync("api/tender.json", JSON.stringify(selection, null, 2) + "\\n");
writeFileSync("api/tender.csv", calendarToCsv(calendar));
writeFileSync("api/tender.ics", calendarToICalendar(calendar));
writeFileSync("api/ocds.json", JSON.stringify(toOcds(selection).release));
writeFileSync("api/eforms.xml", toEforms(selection).xml);
`,
  );
  const formats = ["docx", "md", "html", "json", "csv", "ics"];
  await check("ESM: a script selects and renders docx, md, html, json, csv and ics from the tarballs", async () => {
    await run(process.execPath, ["render.mjs"], project);
    const md = await readFile(join(project, "api", "tender.md"), "utf8");
    assert(md.includes("52.222-50"), "the Markdown does not cite FAR 52.222-50");
    const html = await readFile(join(project, "api", "tender.html"), "utf8");
    assert(/^<!DOCTYPE html>/i.test(html) && html.includes("52.222-50"), "the HTML is not a page citing FAR 52.222-50");
    const docx = unzipSync(new Uint8Array(await readFile(join(project, "api", "tender.docx"))));
    assert(docx["word/document.xml"], "the .docx has no word/document.xml");
    assert(
      Buffer.from(docx["word/document.xml"]).toString().includes("52.222-50"),
      "the .docx does not cite FAR 52.222-50",
    );
    const json = JSON.parse(await readFile(join(project, "api", "tender.json"), "utf8"));
    assert(
      json.clauses.some((c) => c.id === "us-far-52-222-50"),
      "the selection has no FAR 52.222-50",
    );
    assert((await readFile(join(project, "api", "tender.ics"), "utf8")).startsWith("BEGIN:VCALENDAR"), "not iCalendar");
    assert((await readFile(join(project, "api", "tender.csv"), "utf8")).split("\n").length > 2, "the CSV has no rows");
    assert((await readFile(join(project, "api", "eforms.xml"), "utf8")).includes("<"), "no eForms XML");
  });

  await check(
    "CLI: the installed `fairtender generate` writes the same bytes as the library, for every format",
    async () => {
      const bin = join(project, "node_modules", ".bin", process.platform === "win32" ? "fairtender.cmd" : "fairtender");
      const { stdout } = await run(bin, ["--version"], project);
      assert(stdout.trim() === packed.get("@fairtender/cli").manifest.version, `--version printed ${stdout}`);
      await run(bin, ["generate", "tender.yaml", "--out", "cli", "--format", formats.join(",")], project);
      for (const format of formats) {
        const cli = await readFile(join(project, "cli", `tender.${format}`));
        const api = await readFile(join(project, "api", `tender.${format}`));
        assert(sameBytes(cli, api), `tender.${format} differs between the CLI and the library`);
      }
    },
  );

  // --- TypeScript consumers: nodenext and bundler ---
  await writeFile(
    join(project, "consumer.ts"),
    `import { parseProfile, type RiskLevel, type Selection, select } from "@fairtender/core";
import { buildTenderPack, type TenderPack } from "@fairtender/renderer";
import { type DocxOptions, toDocx } from "@fairtender/renderer/docx";
import { toHtml } from "@fairtender/renderer/html";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { fromOcds, toOcds } from "@fairtender/adapters";
import { main } from "@fairtender/cli";

export async function render(input: unknown): Promise<{ md: string; html: string; docx: Uint8Array }> {
  const selection: Selection = select(parseProfile(input));
  const level: RiskLevel = selection.risk.level;
  // @ts-expect-error a risk level is one of the model's levels, not any string
  const wrong: RiskLevel = "extreme";
  const pack: TenderPack = buildTenderPack(selection, { edition: "guidance" });
  const options: DocxOptions = {};
  void [level, wrong, toOcds(selection).release, fromOcds({}).report, main];
  return { md: toMarkdown(pack), html: toHtml(pack), docx: await toDocx(pack, options) };
}
`,
  );
  const tsconfigs = {
    nodenext: { module: "nodenext", moduleResolution: "nodenext" },
    bundler: { module: "esnext", moduleResolution: "bundler" },
  };
  for (const [name, options] of Object.entries(tsconfigs)) {
    await check(
      `TypeScript: tsc --noEmit of a consumer under moduleResolution ${name}, declarations included`,
      async () => {
        const config = {
          compilerOptions: {
            ...options,
            target: "es2022",
            lib: ["es2023", "dom"],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ["node"],
          },
          files: ["consumer.ts"],
        };
        await writeFile(join(project, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
        await run(
          process.execPath,
          [join(project, "node_modules", "typescript", "bin", "tsc"), "-p", `tsconfig.${name}.json`],
          project,
        );
      },
    );
  }

  // --- A browser bundle of what a page needs ---
  await writeFile(
    join(project, "browser.mjs"),
    `import { parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toMarkdown } from "@fairtender/renderer/markdown";

export function markdown(input) {
  return toMarkdown(buildTenderPack(select(parseProfile(input))));
}
`,
  );
  await check(
    "browser: select + buildTenderPack + toMarkdown bundle with no Node.js built-in, and render the same",
    async () => {
      const result = await esbuild.build({
        absWorkingDir: project,
        entryPoints: ["browser.mjs"],
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        target: "es2022",
        outfile: join(project, "bundle", "browser.js"),
        metafile: true,
        logLevel: "silent",
      });
      const builtins = Object.keys(result.metafile.inputs).filter((input) => /^(node:|\(disabled\):)/.test(input));
      assert(builtins.length === 0, `the bundle reaches for Node.js built-ins: ${builtins.join(", ")}`);
      const bytes = await readFile(join(project, "bundle", "browser.js"));
      const gzip = gzipSync(bytes, { level: 9 }).length;
      // kB = 1024 bytes, as in the renderer's size check (npm run check:size -w @fairtender/renderer).
      console.log(
        `      browser bundle (select + buildTenderPack + toMarkdown, from the tarballs): ${(bytes.length / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB min+gzip (${gzip} bytes)`,
      );
      const { markdown } = await import(join(project, "bundle", "browser.js"));
      const expected = await readFile(join(project, "api", "tender.md"), "utf8");
      const profile = JSON.parse(await readFile(join(project, "profile.json"), "utf8"));
      assert(markdown(profile) === expected, "the bundled Markdown differs from the installed packages' Markdown");
    },
  );

  // --- CommonJS: require() of every entry (Node.js 20.19+ loads ES modules with require) ---
  const entries = [...packed.values()].flatMap(({ manifest }) =>
    Object.keys(manifest.exports)
      .filter((key) => !key.includes("*") && !key.endsWith(".json"))
      .map((key) => (key === "." ? manifest.name : `${manifest.name}${key.slice(1)}`)),
  );
  await writeFile(
    join(project, "require.cjs"),
    `const { parseProfile, select } = require("@fairtender/core");
const { buildTenderPack } = require("@fairtender/renderer");
const { toMarkdown } = require("@fairtender/renderer/markdown");
const fs = require("node:fs");
for (const entry of ${JSON.stringify(entries)}) {
  const exports = require(entry);
  if (Object.keys(exports).length === 0) throw new Error(entry + " exports nothing to require()");
}
const md = toMarkdown(buildTenderPack(select(parseProfile(JSON.parse(fs.readFileSync("profile.json", "utf8"))))));
if (md !== fs.readFileSync("api/tender.md", "utf8")) throw new Error("require() renders other Markdown");
`,
  );
  await check(`CommonJS: require() of ${entries.join(", ")} on Node.js ${process.version}`, async () => {
    assert(
      semver.gte(process.version, "20.19.0"),
      `require() of ES modules needs Node.js 20.19+, this is ${process.version}`,
    );
    const { stderr } = await run(process.execPath, ["require.cjs"], project);
    if (stderr.trim()) console.log(`      require.cjs said on stderr: ${stderr.trim().split("\n")[0]}`);
  });
} finally {
  if (process.argv.includes("--keep")) console.log(`      kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}

console.log(`\ncheck-consumers: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
