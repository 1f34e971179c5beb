/**
 * Browser bundle budget. Bundles from source (the `@fairtender/source` condition) with esbuild for
 * the browser, minified, and gzips with node:zlib. The budgeted bundle is the Markdown renderer
 * entry with what it pulls from core; the others are reported so the cost of each step is visible.
 * Usage: `npm run check:size -w @fairtender/renderer` (exits 1 over budget).
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const KB = 1024;
const bundles: Array<{ name: string; contents: string; budget?: number }> = [
  {
    name: "@fairtender/renderer/markdown (toMarkdown) + core",
    contents: `export { toMarkdown } from "@fairtender/renderer/markdown";`,
    budget: 60 * KB,
  },
  {
    name: "@fairtender/renderer/html (toHtml) + core",
    contents: `export { toHtml } from "@fairtender/renderer/html";`,
    budget: 60 * KB,
  },
  {
    name: "buildTenderPack + toMarkdown + core (Selection schema, lint)",
    contents: `export { buildTenderPack } from "@fairtender/renderer"; export { toMarkdown } from "@fairtender/renderer/markdown";`,
  },
  {
    name: "select + buildTenderPack + toMarkdown (built-in library included)",
    contents: `export { select } from "@fairtender/core"; export { buildTenderPack } from "@fairtender/renderer"; export { toMarkdown } from "@fairtender/renderer/markdown";`,
  },
];

let failed = false;
for (const b of bundles) {
  const result = await build({
    stdin: { contents: b.contents, resolveDir: new URL("..", import.meta.url).pathname, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["@fairtender/source"],
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0]!.contents;
  const gz = gzipSync(code, { level: 9 }).length;
  const over = b.budget !== undefined && gz > b.budget;
  failed ||= over;
  const budget = b.budget === undefined ? "(reported, no budget)" : `(budget ${b.budget / KB} kB)`;
  console.log(
    `${over ? "OVER" : b.budget ? "ok  " : "info"} ${b.name}: ${(code.length / KB).toFixed(1)} kB min, ${(gz / KB).toFixed(1)} kB min+gzip ${budget}`,
  );
}
if (failed) {
  console.error("A browser bundle is over budget.");
  process.exit(1);
}
