import { strFromU8, strToU8 } from "fflate";

const STYLE_RE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;

function styleId(block: string): string | null {
  const open = block.slice(0, block.indexOf(">") + 1);
  return /w:styleId="([^"]*)"/.exec(open)?.[1] ?? null;
}

/**
 * Uses the reference document's styles (pandoc-style): its `word/styles.xml` replaces ours, and
 * every style the pack uses that the reference does not define is appended from our defaults, so
 * no paragraph points at a missing style. The reference theme replaces ours when both have one.
 * Numbering stays ours (paragraphs carry their numbering directly), so clause numbers are right
 * whatever the reference's heading styles say.
 */
export function mergeReferenceStyles(files: Record<string, Uint8Array>, reference: Record<string, Uint8Array>): void {
  const ours = files["word/styles.xml"];
  const theirs = reference["word/styles.xml"];
  if (!ours || !theirs) return;
  const refXml = strFromU8(theirs);
  const have = new Set<string>();
  for (const m of refXml.matchAll(STYLE_RE)) {
    const id = styleId(m[0]);
    if (id) have.add(id);
  }
  const missing: string[] = [];
  for (const m of strFromU8(ours).matchAll(STYLE_RE)) {
    const id = styleId(m[0]);
    if (id && !have.has(id)) {
      have.add(id);
      missing.push(m[0]);
    }
  }
  const close = refXml.lastIndexOf("</w:styles>");
  const merged = close < 0 ? refXml : `${refXml.slice(0, close)}${missing.join("")}${refXml.slice(close)}`;
  files["word/styles.xml"] = strToU8(merged);
  for (const name of Object.keys(reference)) {
    if (name.startsWith("word/theme/") && files[name]) files[name] = reference[name]!;
  }
}
