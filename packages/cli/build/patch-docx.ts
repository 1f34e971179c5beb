import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Plugin } from "esbuild";

/**
 * An esbuild plugin for the `fairtender` bundle: inside docx's ES module build, routes the
 * non-indented, non-streaming calls of its inlined copy of the `xml` package to `fastXml` (same
 * output, see build/fast-xml.ts), and leaves every other call to the original.
 *
 * It edits one known line. If a docx release changes that line, the build fails with this
 * message instead of shipping an unpatched (slower) or broken bundle: check that the new `xml`
 * copy is still `xml` 1.0.1, then update `MARKER`. test/bundle.test.ts checks that the bundled
 * CLI writes the very bytes `@fairtender/renderer` writes.
 */
const MARKER = "\tfunction xml(input, options) {\n";
const fastXmlPath = fileURLToPath(new URL("./fast-xml.ts", import.meta.url));

export function patchDocx(): Plugin {
  return {
    name: "fairtender-patch-docx",
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const at = source.indexOf(MARKER);
        if (at < 0 || source.indexOf(MARKER, at + 1) >= 0) {
          throw new Error(`patch-docx: expected exactly one "function xml(input, options) {" in ${args.path}`);
        }
        const patched =
          `import { fastXml as __ftFastXml } from ${JSON.stringify(fastXmlPath)};\n` +
          source.slice(0, at) +
          "\tfunction xml(input, options) {\n" +
          '\t\tconst o = typeof options === "object" && options !== null ? options : { indent: options };\n' +
          "\t\tif (!o.indent && !o.stream) return __ftFastXml(input, o);\n" +
          "\t\treturn xmlOriginal(input, options);\n" +
          "\t}\n" +
          "\tfunction xmlOriginal(input, options) {\n" +
          source.slice(at + MARKER.length);
        return { contents: patched, loader: "js" };
      });
    },
  };
}
