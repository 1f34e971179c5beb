import { defaultClientConditions, defineConfig, type Plugin } from "vite";

/**
 * The built page may load nothing from elsewhere and send nothing anywhere: no network connections at
 * all (`connect-src 'none'`), scripts and styles only from the page itself, and no string evaluated as
 * code (no `'unsafe-eval'`: clause and layout templates are parsed and interpreted, never compiled to
 * functions, and zod runs jitless, see src/main.ts). Added at build time only, so the dev server's live
 * reload keeps working.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "frame-src 'self' about: blob:",
  "connect-src 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "base-uri 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "fairtender-csp",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
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

export default defineConfig({
  base: "./",
  plugins: [contentSecurityPolicy(), noEvalInDocx()],
  resolve: { conditions: ["@fairtender/source", ...defaultClientConditions] },
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; they are harmless and not ours to fix.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
});
