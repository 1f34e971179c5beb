/**
 * @packageDocumentation
 * `@fairtender/renderer/docx`: renders a tender pack as a Word document with named styles, real
 * multi-level legal numbering linked to the heading styles, cross-reference fields, a pre-filled
 * table of contents and deterministic bytes. Browser-safe (returns a `Uint8Array`).
 */
import { strFromU8, strToU8, type Zippable, zipSync } from "fflate";
import type { TenderPack } from "../pack/types.js";
import { packFiles } from "./pack.js";
import { mergeReference, REFERENCE_LIMITS, type ReferenceLimits, readReference } from "./reference.js";
import { buildDocument, type DocxTheme, PACK_TABLE_STYLE } from "./render.js";

export type { ReferenceLimits, ReferenceProblem } from "./reference.js";
export { REFERENCE_LIMITS, ReferenceDocxError } from "./reference.js";
export type { DocxTheme } from "./render.js";

/** Options of {@link toDocx}. */
export interface DocxOptions {
  /** Fonts, size, heading colour, page size and header logo. */
  theme?: DocxTheme;
  /**
   * A house .docx whose styles (`word/styles.xml`) and theme the output uses, as with pandoc's
   * reference document. Styles the pack needs that the reference lacks are added from the defaults;
   * the styles the pack numbers keep its numbering; the reference's own lists come along under new
   * ids. The reference is read within {@link DocxOptions.referenceLimits} and parsed strictly: a
   * package that is not a word-processing document, or a part that is not XML or declares a DTD,
   * is refused with a {@link ReferenceDocxError}.
   */
  referenceDocx?: Uint8Array;
  /** Bounds on the reference document, each defaulting to {@link REFERENCE_LIMITS}. */
  referenceLimits?: Partial<ReferenceLimits>;
}

/**
 * Renders a tender pack as a Word document (.docx).
 *
 * The same pack and options always give the same bytes: document dates come from the pack's issue
 * date, ids are sequential, and zip entries have a fixed time and order. Text is scrubbed of
 * characters XML cannot carry, so no input can make Word report unreadable content.
 *
 * @param pack - A pack from `buildTenderPack`.
 * @param options - Theme and reference document.
 * @returns The .docx bytes.
 * @throws {ReferenceDocxError} (a `FairtenderError`, code `invalid-options`) when the reference
 * document cannot be used; its `problem` says why.
 * @example
 * ```ts
 * const bytes = await toDocx(pack, { theme: { font: "Georgia", pageSize: "Letter" } });
 * ```
 */
export async function toDocx(pack: TenderPack, options: DocxOptions = {}): Promise<Uint8Array> {
  // The reference is read first: a refused one costs no rendering.
  const reference =
    options.referenceDocx === undefined
      ? undefined
      : readReference(options.referenceDocx, { ...REFERENCE_LIMITS, ...options.referenceLimits });
  const doc = buildDocument(pack, options.theme);
  const files = await packFiles(doc);
  finishParts(files, pack.meta.issueDate);
  if (reference) mergeReference(files, reference);
  return zipDeterministic(files, pack.meta.issueDate);
}

/** Fixes what docx writes in a way Word or determinism dislikes. */
function finishParts(files: Record<string, Uint8Array>, issueDate: string): void {
  const edit = (name: string, f: (xml: string) => string) => {
    const part = files[name];
    if (part) files[name] = strToU8(f(strFromU8(part)));
  };
  edit("docProps/core.xml", (xml) => fixCoreDates(xml, issueDate));
  // docx has no table-style builder: add ours.
  edit("word/styles.xml", (xml) => xml.replace("</w:styles>", `${PACK_TABLE_STYLE}</w:styles>`));
  edit("word/numbering.xml", fixNumbering);
  edit("word/styles.xml", builtInNames);
}

/**
 * Built-in heading styles under the name Word itself stores ("heading 2"; Word shows "Heading 2"),
 * which python-docx's `styles["Heading 2"]` and other readers look up; docx 9.7 writes "Heading 2".
 */
function builtInNames(xml: string): string {
  return xml.replace(/<w:name w:val="Heading ([1-9])"\/>/g, '<w:name w:val="heading $1"/>');
}

/**
 * In each numbering level, `w:pStyle` must come right after `w:numFmt` (ISO 29500 order; docx 9.7
 * writes it after `w:lvlJc`), and the clause numbering is a true multi-level list.
 */
function fixNumbering(xml: string): string {
  return xml
    .replace(/<w:lvl\b[^>]*>[\s\S]*?<\/w:lvl>/g, (lvl) => {
      const pStyle = /<w:pStyle [^>]*\/>/.exec(lvl)?.[0];
      if (!pStyle) return lvl;
      return lvl.replace(pStyle, "").replace(/(<w:numFmt [^>]*\/>)/, `$1${pStyle}`);
    })
    .replace(/<w:abstractNum\b[^>]*>[\s\S]*?<\/w:abstractNum>/g, (abs) =>
      abs.includes("%1.%2")
        ? abs.replace('<w:multiLevelType w:val="hybridMultilevel"/>', '<w:multiLevelType w:val="multilevel"/>')
        : abs,
    );
}

function fixCoreDates(xml: string, issueDate: string): string {
  const stamp = `${issueDate}T00:00:00Z`;
  return xml
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
}

/**
 * Zips with a fixed modification time (noon local time on the issue date, so the DOS date in the
 * zip is the same in every time zone) and `[Content_Types].xml` first, then docx's own order.
 */
function zipDeterministic(files: Record<string, Uint8Array>, issueDate: string): Uint8Array {
  const [y, m, d] = issueDate.split("-").map(Number) as [number, number, number];
  const mtime = new Date(Math.max(1980, Math.min(2099, y)), m - 1, d, 12, 0, 0);
  const names = Object.keys(files);
  const ordered = [
    ...names.filter((n) => n === "[Content_Types].xml"),
    ...names.filter((n) => n !== "[Content_Types].xml"),
  ];
  const zippable: Zippable = {};
  for (const name of ordered) zippable[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(zippable, { mtime });
}
