/**
 * The `<style>` elements of the tender-pack preview, as the page will render them. The preview is an
 * `<iframe srcdoc>`, which inherits the page's Content Security Policy, so the policy names the hash of
 * each of these instead of allowing every inline style (`'unsafe-inline'`). Loaded by the Vite config
 * through Vite's module runner, from the packages' sources, so the hashes follow the renderer.
 */

import { parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toHtml } from "@fairtender/renderer/html";
import { EXAMPLES } from "../src/example.js";

/** The text of every `<style>` element in the preview of each worked example, in both editions. */
export function previewStyles(): string[] {
  const styles = new Set<string>();
  for (const example of EXAMPLES) {
    const selection = select(parseProfile(example.profile));
    for (const edition of ["tender", "guidance"] as const) {
      const html = toHtml(buildTenderPack(selection, { edition }), { lang: "en" });
      for (const m of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) styles.add(m[1] ?? "");
    }
  }
  return [...styles];
}
