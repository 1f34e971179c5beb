import { strFromU8, strToU8 } from "fflate";

const STYLE_RE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;

function styleId(block: string): string | null {
  const open = block.slice(0, block.indexOf(">") + 1);
  return /w:styleId="([^"]*)"/.exec(open)?.[1] ?? null;
}

/**
 * Uses the reference document's styles (pandoc-style): its `word/styles.xml` replaces ours, and
 * every style the pack uses that the reference does not define is appended from our defaults, so
 * no paragraph points at a missing style. The reference's theme comes too (Word templates name
 * theme fonts in their styles).
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
  addTheme(files, reference);
}

const THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
const THEME_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml";

/**
 * Brings the reference's theme (its colours and the fonts that styles name as `minorHAnsi`,
 * `majorHAnsi`…) into the package as `word/theme/theme1.xml`, with its relationship and content type.
 */
function addTheme(files: Record<string, Uint8Array>, reference: Record<string, Uint8Array>): void {
  const refRels = reference["word/_rels/document.xml.rels"];
  let themePath = "word/theme/theme1.xml";
  if (refRels) {
    const rel = [...strFromU8(refRels).matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .find((r) => r.includes(`"${THEME_REL}"`));
    const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
    if (target) themePath = `word/${target.replace(/^\.?\//, "")}`;
  }
  const theme = reference[themePath];
  if (!theme) return;
  files["word/theme/theme1.xml"] = theme;
  const rels = files["word/_rels/document.xml.rels"];
  if (rels) {
    const xml = strFromU8(rels);
    if (!xml.includes(`"${THEME_REL}"`)) {
      files["word/_rels/document.xml.rels"] = strToU8(
        xml.replace(
          "</Relationships>",
          `<Relationship Id="rIdFairtenderTheme" Type="${THEME_REL}" Target="theme/theme1.xml"/></Relationships>`,
        ),
      );
    }
  }
  const types = files["[Content_Types].xml"];
  if (types) {
    const xml = strFromU8(types);
    if (!xml.includes('PartName="/word/theme/theme1.xml"')) {
      files["[Content_Types].xml"] = strToU8(
        xml.replace("</Types>", `<Override ContentType="${THEME_TYPE}" PartName="/word/theme/theme1.xml"/></Types>`),
      );
    }
  }
}
