/**
 * The single-file build (`vite build --mode single`): the whole page (script, styles, icon, the Word
 * renderer and the YAML reader) in one HTML file that opens from `file://`, with no server and no
 * network. Its Content Security Policy allows the inline script and styles by their SHA-256 hashes,
 * never `'unsafe-inline'`.
 */

import { createHash } from "node:crypto";
import type { Plugin, Rollup } from "vite";

type OutputAsset = Rollup.OutputAsset;
type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The base64 SHA-256 hash of `text` as a CSP source (`'sha256-…'`), of its UTF-8 bytes as the browser hashes them. */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Makes script text safe to place between `<script>` and `</script>`. Two sequences change how the HTML
 * parser reads a script element: `</script` (any case) ends it, and `<!--` switches the parser into its
 * escaped states. A minified bundle only has them inside strings, templates and regular expressions
 * (docx writes XML comments, for one), where `\x3C` means the same `<`; so each `<` of them is written
 * `\x3C`. Module code has no HTML-like comments, so nothing else can hold them.
 */
export function inlineScriptText(code: string): string {
  return code.replace(/<(?=!--|\/script)/gi, "\\x3C");
}

/** Style text to place between `<style>` and `</style>`; refuses `</style`, which would end it early. */
export function inlineStyleText(css: string, file: string): string {
  if (/<\/style/i.test(css)) throw new Error(`${file}: holds "</style", which cannot be inlined in a <style>`);
  return css;
}

function isChunk(item: OutputChunk | OutputAsset | undefined): item is OutputChunk {
  return item?.type === "chunk";
}

function isAsset(item: OutputChunk | OutputAsset | undefined): item is OutputAsset {
  return item?.type === "asset";
}

/** Options of {@link singleFile}. */
export interface SingleFileOptions {
  /** The name of the HTML file written (the build's `index.html` is renamed). */
  fileName: string;
  /** The Content Security Policy, given the hashes of the inline scripts and styles. */
  policy: (hashes: { scripts: string[]; styles: string[] }) => string;
  /** Files of `public/` the page refers to, as `data:` URLs (`"favicon.svg"` → its data URL). */
  publicFiles: Record<string, string>;
}

/**
 * Inlines the entry script and stylesheet into `index.html`, drops every other file from the output
 * and writes the Content Security Policy with their hashes. The build fails if anything the page
 * refers to is left outside the file.
 */
export function singleFile(options: SingleFileOptions): Plugin {
  return {
    name: "fairtender-single-file",
    apply: "build",
    enforce: "post",
    // After Vite's own generateBundle hooks, which fill in the dynamic-import preload lists.
    generateBundle: {
      order: "post",
      handler(_output, bundle: OutputBundle) {
        const html = bundle["index.html"];
        if (!isAsset(html) || typeof html.source !== "string") throw new Error("the build has no index.html");
        let page = html.source;
        const scripts: string[] = [];
        const styles: string[] = [];

        page = page.replace(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/g, (_m, file: string) => {
          const chunk = bundle[file];
          if (!isChunk(chunk)) throw new Error(`index.html names a script the build did not make: ${file}`);
          const code = inlineScriptText(chunk.code);
          scripts.push(code);
          delete bundle[file];
          return `<script type="module">${code}</script>`;
        });
        page = page.replace(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/g, (_m, file: string) => {
          const asset = bundle[file];
          if (!isAsset(asset)) throw new Error(`index.html names a stylesheet the build did not make: ${file}`);
          const css = inlineStyleText(String(asset.source), file);
          styles.push(css);
          delete bundle[file];
          return `<style>${css}</style>`;
        });
        for (const [name, dataUrl] of Object.entries(options.publicFiles)) {
          page = page
            .replaceAll(`href="./${name}"`, `href="${dataUrl}"`)
            .replaceAll(`href="/${name}"`, `href="${dataUrl}"`);
        }
        const left = Object.keys(bundle).filter((name) => name !== "index.html");
        if (left.length > 0)
          throw new Error(`the single-file build would leave files beside the page: ${left.join(", ")}`);
        const outside = /\s(?:src|href)="(?!data:|#)([^"]*)"/.exec(page);
        if (outside) throw new Error(`the single-file page still refers to a file: ${outside[1]}`);
        if (scripts.length !== 1) throw new Error(`expected one entry script, found ${scripts.length}`);

        const meta = `<meta http-equiv="Content-Security-Policy" content="${options.policy({
          scripts: scripts.map(cspHash),
          styles: styles.map(cspHash),
        })}">`;
        page = page.replace(/<head>/, `<head>\n    ${meta}`);

        delete bundle["index.html"];
        this.emitFile({ type: "asset", fileName: options.fileName, source: page });
      },
    },
  };
}
