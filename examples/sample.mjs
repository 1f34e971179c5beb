// The sample tender pack that `npm start` (at the repository root) generates: a US federal agency buys
// cleaning services for an embassy compound abroad. Writes out/us-embassy-cleaning.{docx,md,html} at
// the repository root and prints what was decided.
//
// Run it yourself (after `npm run build`):  node examples/sample.mjs
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toHtml } from "@fairtender/renderer/html";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { parse } from "yaml";

const profileFile = new URL("./profiles/us-embassy-cleaning.yaml", import.meta.url);
const outDir = new URL("../out/", import.meta.url);

// 1. Read and validate the tender profile (a FairtenderError lists every problem if it is invalid).
const profile = parseProfile(parse(await readFile(profileFile, "utf8")));

// 2. Select: regimes, risk, clauses (with strength and reasons), exclusions, harmonised obligations.
const selection = select(profile);

// 3. Build the tender pack once, render it three ways.
const pack = buildTenderPack(selection, { edition: "tender" });
await mkdir(outDir, { recursive: true });
const files = {
  docx: new URL("us-embassy-cleaning.docx", outDir),
  md: new URL("us-embassy-cleaning.md", outDir),
  html: new URL("us-embassy-cleaning.html", outDir),
};
await writeFile(files.docx, await toDocx(pack));
await writeFile(files.md, toMarkdown(pack));
await writeFile(files.html, toHtml(pack));

// 4. The demo page as one HTML file beside the pack (opens from file://, no server, no network), for
//    someone without Node. Only inside the repository, where the demo app is.
const demoDir = new URL("../apps/demo/", import.meta.url);
if (existsSync(new URL("package.json", demoDir))) {
  const vitePackage = createRequire(new URL("package.json", demoDir)).resolve("vite/package.json");
  const vite = join(dirname(vitePackage), "bin/vite.js");
  execFileSync(process.execPath, [vite, "build", "--mode", "single", "--logLevel", "error"], {
    cwd: fileURLToPath(demoDir),
    stdio: ["ignore", "ignore", "inherit"],
  });
  files.demo = new URL("fairtender-demo.html", outDir);
  await copyFile(new URL("dist-single/fairtender-demo.html", demoDir), files.demo);
}

// 5. Say what happened.
const byStrength = ["mandatory", "policy", "recommended", "optional"]
  .map((s) => [s, selection.clauses.filter((c) => c.strength === s).length])
  .filter(([, n]) => n > 0)
  .map(([s, n]) => `${n} ${s}`)
  .join(", ");
// Paths as seen from the repository root, where `npm start` is run.
const root = fileURLToPath(new URL("..", import.meta.url));
const here = (url) => relative(root, fileURLToPath(url));
console.log(
  `Fairtender sample: ${profile.procurement.title} (${profile.procurement.reference}), ${profile.buyer.name}`,
);
console.log("");
console.log("Regimes:");
for (const r of selection.regimes) console.log(`  ${r.id}  ${r.name}: ${r.reasons[0]}`);
console.log("");
console.log(`Risk: ${selection.risk.level} (${selection.risk.factors.map((f) => f.id).join(", ") || "no factors"})`);
console.log(
  `Clauses: ${selection.clauses.length} (${byStrength}); left out with reasons: ${selection.excluded.length}`,
);
console.log(`Supplier obligations (harmonised): ${selection.obligations.length}`);
if (selection.warnings.length > 0)
  console.log(`Warnings: ${selection.warnings.length} (see the guidance edition or \`fairtender select\`)`);
console.log("");
console.log("Tender pack written:");
for (const url of Object.values(files)) console.log(`  ${here(url)}`);
console.log("");
console.log(
  "Next: open the .docx in Word, or try the CLI: npx @fairtender/cli select examples/profiles/us-embassy-cleaning.yaml",
);
