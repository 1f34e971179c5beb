import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig, type Plugin, runnerImport, type UserConfig } from "vite";
import { cspHash, singleFile } from "./build/single-file.js";

const APP_DIR = dirname(fileURLToPath(import.meta.url));

/** The name of the single-file build's page (`vite build --mode single`), written to `dist-single/`. */
export const SINGLE_FILE_NAME = "fairtender-demo.html";

/**
 * The page may load nothing from elsewhere and send nothing anywhere: no network connections at all
 * (`connect-src 'none'`), scripts and styles only from the page itself, and no string evaluated as
 * code (no `'unsafe-eval'`: clause and layout templates are parsed and interpreted, never compiled to
 * functions, and zod runs jitless, see src/main.ts). No `'unsafe-inline'` either: an inline script or
 * style runs only if the policy names its hash. The tender-pack preview (`<iframe srcdoc>`) inherits
 * this policy, so the hashes of its `<style>` elements are listed too. The served build
 * (`dist/`) loads its script and stylesheet as files (`'self'`); the single-file build inlines them and
 * lists their hashes. Added at build time only, so the dev server's live reload keeps working.
 */
function contentSecurityPolicy(hashes: { scripts: string[]; styles: string[] }, single = false): string {
  // The single file has nothing beside it to load: only what its hashes name.
  const self = single ? [] : ["'self'"];
  return [
    single ? "default-src 'none'" : "default-src 'self'",
    ["script-src", ...self, ...hashes.scripts].join(" "),
    ["style-src", ...self, ...hashes.styles].join(" "),
    ["img-src", ...self, "data:", "blob:"].join(" "),
    ...(single ? [] : ["font-src 'self'"]),
    ["frame-src", ...self, "about:", "blob:"].join(" "),
    "connect-src 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** The preview's `<style>` texts, rendered by the renderer's own sources through Vite's module runner. */
async function previewStyleHashes(): Promise<string[]> {
  const { module } = await runnerImport<typeof import("./build/preview-styles.js")>(
    join(APP_DIR, "build/preview-styles.ts"),
    {
      configFile: false,
      logLevel: "warn",
      // The packages from their TypeScript sources (no build needed first); everything else from node_modules.
      environments: { inline: { resolve: { conditions: ["@fairtender/source"], noExternal: [/^@fairtender\//] } } },
    },
  );
  return module.previewStyles().map(cspHash);
}

function servedPolicy(previewStyles: string[]): Plugin {
  return {
    name: "fairtender-csp",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: {
          "http-equiv": "Content-Security-Policy",
          content: contentSecurityPolicy({ scripts: [], styles: previewStyles }),
        },
        injectTo: "head-prepend",
      },
    ],
  };
}

/**
 * docx bundles two small npm polyfills that reach the generator and async function constructors by
 * evaluating strings: `is-generator-function` (`Function("return function*() {}")()`) and
 * `get-intrinsic` (`$Function('"use strict"; return (' + expr + ').constructor;')()`), each inside
 * try/catch. Under the policy above that throws, which they survive, but the browser reports a policy
 * violation each time. The build writes the same functions literally. It fails if a docx release
 * changes either line, so the change is looked at rather than shipped unnoticed.
 */
const DOCX_EVAL_PROBES: Array<[string, string]> = [
  ['return Function("return function*() {}")();', "return function* () {};"],
  [
    'return $Function("\\"use strict\\"; return (" + expressionSyntax + ").constructor;")();',
    'return { "async function () {}": (async function () {}).constructor, "function* () {}": (function* () {}).constructor, "async function* () {}": (async function* () {}).constructor }[expressionSyntax];',
  ],
];

function noEvalInDocx(): Plugin {
  return {
    name: "fairtender-no-eval-in-docx",
    apply: "build",
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      let out = code;
      for (const [probe, literal] of DOCX_EVAL_PROBES) {
        if (!out.includes(probe)) throw new Error(`${id}: a string-evaluating probe changed; review it: ${probe}`);
        out = out.replace(probe, literal);
      }
      return { code: out, map: null };
    },
  };
}

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  const single = mode === "single";
  const previewStyles = command === "build" ? await previewStyleHashes() : [];
  return {
    base: "./",
    plugins: [
      single
        ? singleFile({
            fileName: SINGLE_FILE_NAME,
            policy: ({ scripts, styles }) =>
              contentSecurityPolicy({ scripts, styles: [...styles, ...previewStyles] }, true),
            publicFiles: {
              "favicon.svg": `data:image/svg+xml;base64,${readFileSync(join(APP_DIR, "public/favicon.svg")).toString("base64")}`,
            },
          })
        : servedPolicy(previewStyles),
      noEvalInDocx(),
    ],
    resolve: { conditions: ["@fairtender/source", ...defaultClientConditions] },
    // The single file carries everything itself: no public/ folder beside it.
    publicDir: single ? false : "public",
    build: {
      target: "es2022",
      outDir: single ? "dist-single" : "dist",
      emptyOutDir: true,
      reportCompressedSize: true,
      chunkSizeWarningLimit: single ? 4000 : 1500,
      // One file: no preload helper, every chunk (the Word renderer, the YAML reader) in the entry script.
      modulePreload: single ? { polyfill: false } : undefined,
      cssCodeSplit: !single,
      assetsInlineLimit: single ? () => true : undefined,
      rollupOptions: {
        output: single ? { inlineDynamicImports: true } : {},
        onwarn(warning, warn) {
          // zod ships comments Rollup cannot place; they are harmless and not ours to fix.
          if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
          warn(warning);
        },
      },
    },
  };
});
