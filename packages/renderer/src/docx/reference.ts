import { FairtenderError, type IssueCode } from "@fairtender/core";
import { strFromU8, strToU8 } from "fflate";
import {
  child,
  descendants,
  el,
  elements,
  parseXmlPart,
  serializeXml,
  type XmlChild,
  type XmlElement,
  XmlPartError,
} from "./xml.js";
import { readZip, ZipLimitError, type ZipLimits } from "./zip.js";

/**
 * Bounds on a reference document (`DocxOptions.referenceDocx`), checked before anything is
 * inflated: the number of parts in the package, the sum of their declared uncompressed sizes, and
 * each part's size (declared, and counted while inflating, so a zip bomb is stopped at the limit).
 * A house template is a few hundred kilobytes in a few dozen parts.
 */
export const REFERENCE_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxParts: 1000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxPartBytes: 16 * 1024 * 1024,
});

/** Limits of a reference document (see {@link REFERENCE_LIMITS}). */
export type ReferenceLimits = ZipLimits;

/**
 * Why a reference document was refused, a stable code: `not-a-zip` (not a zip package, or a broken
 * one), `unsupported` (encrypted, ZIP64 or an unknown compression), `too-many-parts`, `too-large`
 * (over {@link REFERENCE_LIMITS}), `not-word-processing` (a spreadsheet, a presentation, or a
 * package without a main document or styles), `not-xml` (a part it needs is not well-formed XML)
 * or `dtd` (a part declares a DTD: entities are never expanded, so the part is refused).
 */
export type ReferenceProblem =
  | "not-a-zip"
  | "unsupported"
  | "too-many-parts"
  | "too-large"
  | "not-word-processing"
  | "not-xml"
  | "dtd";

const ISSUE_OF: Record<ReferenceProblem, IssueCode> = {
  "not-a-zip": "invalid-format",
  unsupported: "invalid-format",
  "too-many-parts": "too-big",
  "too-large": "too-big",
  "not-word-processing": "unknown-document",
  "not-xml": "invalid-xml",
  dtd: "invalid-xml",
};

/**
 * A reference document that cannot be used. A `FairtenderError` with code `invalid-options` and
 * one issue at `options.referenceDocx`, plus `problem`, which says why (stable, see
 * {@link ReferenceProblem}). Nothing of a refused reference reaches the output.
 */
export class ReferenceDocxError extends FairtenderError {
  /** Why the reference was refused. */
  readonly problem: ReferenceProblem;
  /** The part of the package at fault, when one is. */
  readonly part: string | undefined;
  constructor(problem: ReferenceProblem, reason: string, part?: string, cause?: unknown) {
    const message = `options.referenceDocx cannot be used as a reference document: ${part ? `${part}: ` : ""}${reason}.`;
    super("invalid-options", message, {
      issues: [
        {
          code: ISSUE_OF[problem],
          path: ["options", "referenceDocx", ...(part ? [part] : [])],
          expected: "a Word document (.docx or .dotx) within the reference limits",
          message,
        },
      ],
      cause,
    });
    this.problem = problem;
    this.part = part;
  }
}

const NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML_MAIN = new Set([
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
]);
const THEME_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml";

/** What the renderer takes from a reference document, every part parsed and checked. */
export interface Reference {
  styles: XmlElement;
  numbering: XmlElement | undefined;
  theme: Uint8Array | undefined;
  /** The main document's last section properties (page size and margins), when it has them. */
  sectPr: XmlElement | undefined;
}

/**
 * Reads a reference document within `limits`: a zip package whose content types name a
 * word-processing main part, with a styles part; its styles, numbering, theme and main document
 * are parsed with a strict XML parser that refuses DTDs.
 *
 * @throws {ReferenceDocxError} naming the problem and the part.
 */
export function readReference(bytes: Uint8Array, limits: ZipLimits = REFERENCE_LIMITS): Reference {
  if (!(bytes instanceof Uint8Array)) throw new ReferenceDocxError("not-a-zip", "it is not bytes (a Uint8Array)");
  let parts: Record<string, Uint8Array>;
  try {
    parts = readZip(bytes, limits, (n) => n === "[Content_Types].xml" || /^word\/[^/]*(?:\/[^/]*)?$/.test(n)).parts;
  } catch (e) {
    if (e instanceof ZipLimitError) throw new ReferenceDocxError(e.problem, e.message, undefined, e);
    throw e;
  }
  const parse = (name: string, root: string): XmlElement => {
    const data = parts[name];
    if (!data) throw new ReferenceDocxError("not-word-processing", `it has no ${name}`);
    let tree: XmlElement;
    try {
      tree = parseXmlPart(strFromU8(data));
    } catch (e) {
      if (e instanceof XmlPartError) throw new ReferenceDocxError(e.problem, e.message, name, e);
      throw e;
    }
    if (tree.name !== root)
      throw new ReferenceDocxError("not-word-processing", `its root element is <${tree.name}>, not <${root}>`, name);
    if (root.startsWith("w:") && tree.attrs["xmlns:w"] !== NS_W)
      throw new ReferenceDocxError(
        "not-word-processing",
        "it does not bind w: to the WordprocessingML (transitional) namespace",
        name,
      );
    return tree;
  };
  const types = parse("[Content_Types].xml", "Types");
  const overrides = elements(types, "Override");
  const main = overrides.find((o) => WML_MAIN.has(o.attrs.ContentType ?? ""));
  if (!main) {
    const kind = overrides.some((o) => (o.attrs.ContentType ?? "").includes("spreadsheetml"))
      ? " (it is a spreadsheet)"
      : overrides.some((o) => (o.attrs.ContentType ?? "").includes("presentationml"))
        ? " (it is a presentation)"
        : "";
    throw new ReferenceDocxError(
      "not-word-processing",
      `it is not a word-processing document: [Content_Types].xml names no main document part${kind}`,
    );
  }
  const mainName = (main.attrs.PartName ?? "").replace(/^\//, "");
  if (!/^word\/[^/]+\.xml$/.test(mainName))
    throw new ReferenceDocxError("not-word-processing", `its main document is at ${mainName}, not in word/`);
  // The main document's relationships say where its styles, numbering and theme are.
  const relsName = mainName.replace(/^word\//, "word/_rels/").concat(".rels");
  const targets = new Map<string, string>();
  if (parts[relsName]) {
    for (const r of elements(parse(relsName, "Relationships"), "Relationship")) {
      const type = (r.attrs.Type ?? "").slice(REL.length + 1);
      const target = (r.attrs.Target ?? "").replace(/^\.?\//, "");
      if (r.attrs.TargetMode !== "External" && r.attrs.Type?.startsWith(REL) && !targets.has(type))
        targets.set(type, target.startsWith("word/") ? target : `word/${target}`);
    }
  }
  const styles = parse(targets.get("styles") ?? "word/styles.xml", "w:styles");
  const numberingName = targets.get("numbering") ?? "word/numbering.xml";
  const numbering = parts[numberingName] ? parse(numberingName, "w:numbering") : undefined;
  const themeName = targets.get("theme");
  let theme: Uint8Array | undefined;
  if (themeName && parts[themeName]) {
    parse(themeName, "a:theme");
    theme = parts[themeName];
  }
  const body = child(parse(mainName, "w:document"), "w:body");
  const sections = body ? elements(body, "w:sectPr") : [];
  return { styles, numbering, theme, sectPr: sections[sections.length - 1] };
}

// --- merging -------------------------------------------------------------------------------------

/** The children of `w:pPr` that come after `w:numPr` (ISO/IEC 29500 order). */
const AFTER_NUMPR = new Set(
  "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    .split(" ")
    .map((n) => `w:${n}`),
);
/** The children of `w:style` that come after `w:pPr`. */
const AFTER_PPR = new Set(["w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"]);

/** The children of `w:style` (CT_Style) and of a table style's `w:tcPr` (CT_TcPr), in schema order. */
const STYLE_ORDER = names(
  "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
);
const TCPR_ORDER = names(
  "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
);
function names(list: string): Map<string, number> {
  return new Map(list.split(" ").map((n, i) => [`w:${n}`, i]));
}

/**
 * Puts an element's children in schema order (a stable sort; unknown elements last). Word and
 * LibreOffice read styles in any order, but a schema validator does not, and some references
 * (pandoc's own) write `w:qFormat` after `w:pPr`.
 */
function schemaOrder(parent: XmlElement, order: Map<string, number>): void {
  const rank = (c: XmlChild) => ("name" in c ? (order.get(c.name) ?? order.size) : order.size);
  parent.children = parent.children
    .filter((c) => "name" in c)
    .map((c, i) => [c, i] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    .map(([c]) => c);
}

function insertBefore(parent: XmlElement, node: XmlElement, after: Set<string>): void {
  const i = parent.children.findIndex((c) => "name" in c && after.has(c.name));
  if (i < 0) parent.children.push(node);
  else parent.children.splice(i, 0, node);
}

/** Sets (or, with `undefined`, removes) a style's paragraph numbering. */
function setStyleNumbering(style: XmlElement, numPr: XmlElement | undefined): void {
  let pPr = child(style, "w:pPr");
  if (pPr) pPr.children = pPr.children.filter((c) => !("name" in c && c.name === "w:numPr"));
  if (!numPr) return;
  if (!pPr) {
    pPr = el("w:pPr");
    insertBefore(style, pPr, AFTER_PPR);
  }
  insertBefore(pPr, structuredClone(numPr), AFTER_NUMPR);
}

const attrNumber = (e: XmlElement | undefined, name: string) => Number(e?.attrs[name] ?? Number.NaN);

/** Copies namespace declarations (and their `mc:Ignorable` entries) that `from`'s root has and `to`'s lacks. */
function mergeNamespaces(to: XmlElement, from: XmlElement): void {
  const ignorable = new Set((to.attrs["mc:Ignorable"] ?? "").split(/\s+/).filter(Boolean));
  const theirs = new Set((from.attrs["mc:Ignorable"] ?? "").split(/\s+/).filter(Boolean));
  for (const [k, v] of Object.entries(from.attrs)) {
    if (!k.startsWith("xmlns:") || k in to.attrs) continue;
    to.attrs[k] = v;
    const prefix = k.slice(6);
    if (theirs.has(prefix)) ignorable.add(prefix);
  }
  if (ignorable.size > 0) {
    if (!("xmlns:mc" in to.attrs)) to.attrs["xmlns:mc"] = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    to.attrs["mc:Ignorable"] = [...ignorable].join(" ");
  }
}

/**
 * Brings the reference's numbering definitions into ours under new ids (after our highest), so a
 * reference style that says `numId 1` keeps meaning the reference's list, not our first list.
 * Returns the map from the reference's `numId` to the new one. Picture bullets (which need the
 * reference's media) become plain bullets; numbering levels that name one of `ownStyles` lose that
 * link (the pack's own numbering links those styles).
 */
function mergeNumbering(ours: XmlElement, theirs: XmlElement, ownStyles: ReadonlySet<string>): Map<string, string> {
  let absId = Math.max(0, ...elements(ours, "w:abstractNum").map((a) => attrNumber(a, "w:abstractNumId")));
  let numId = Math.max(0, ...elements(ours, "w:num").map((n) => attrNumber(n, "w:numId")));
  const absMap = new Map<string, string>();
  const numMap = new Map<string, string>();
  const abstracts: XmlElement[] = [];
  for (const a of elements(theirs, "w:abstractNum")) {
    const copy = structuredClone(a);
    const id = String(++absId);
    absMap.set(a.attrs["w:abstractNumId"] ?? "", id);
    copy.attrs["w:abstractNumId"] = id;
    for (const lvl of elements(copy, "w:lvl")) {
      lvl.children = lvl.children.filter(
        (c) =>
          !(
            "name" in c &&
            (c.name === "w:lvlPicBulletId" || (c.name === "w:pStyle" && ownStyles.has(c.attrs["w:val"] ?? "")))
          ),
      );
    }
    abstracts.push(copy);
  }
  const nums: XmlElement[] = [];
  for (const n of elements(theirs, "w:num")) {
    const abs = absMap.get(child(n, "w:abstractNumId")?.attrs["w:val"] ?? "");
    if (!abs) continue; // a list instance of a definition the reference does not have
    const copy = structuredClone(n);
    const id = String(++numId);
    numMap.set(n.attrs["w:numId"] ?? "", id);
    copy.attrs["w:numId"] = id;
    child(copy, "w:abstractNumId")!.attrs["w:val"] = abs;
    nums.push(copy);
  }
  // ISO order: picture bullets, abstract definitions, list instances, then the rest.
  const named = (name: string) => elements(ours, name);
  const others = elements(ours).filter((c) => !["w:numPicBullet", "w:abstractNum", "w:num"].includes(c.name));
  ours.children = [
    ...named("w:numPicBullet"),
    ...named("w:abstractNum"),
    ...abstracts,
    ...named("w:num"),
    ...nums,
    ...others,
  ];
  mergeNamespaces(ours, theirs);
  return numMap;
}

/**
 * Restyles a generated package with a reference document (pandoc-style):
 *
 * - its styles replace ours, and every style the pack uses that the reference lacks is added from
 *   ours, so no paragraph points at a missing style;
 * - the styles the pack numbers (topic and clause headings, sub-clauses, items, in the clauses and
 *   in the annexes) keep the pack's numbering link whatever the reference says, so a heading a
 *   lawyer inserts is numbered and renumbers what follows; the other styles the pack uses are
 *   unnumbered (parts carry their label, "Part 3");
 * - the reference's own numbering comes along under new ids, so its other styles keep their lists
 *   and never point at one of ours;
 * - its theme comes too (Word templates name theme fonts in their styles).
 *
 */
export function mergeReference(files: Record<string, Uint8Array>, ref: Reference): void {
  const ourStyles = parseXmlPart(strFromU8(files["word/styles.xml"]!));
  const byId = new Map(elements(ourStyles, "w:style").map((s) => [s.attrs["w:styleId"] ?? "", s]));
  const ownNumbering = (style: XmlElement) => child(child(style, "w:pPr") ?? el("w:pPr"), "w:numPr");
  let numMap = new Map<string, string>();
  if (ref.numbering && files["word/numbering.xml"]) {
    const ours = parseXmlPart(strFromU8(files["word/numbering.xml"]));
    numMap = mergeNumbering(ours, ref.numbering, new Set(byId.keys()));
    files["word/numbering.xml"] = strToU8(serializeXml(ours));
  }
  const styles = structuredClone(ref.styles);
  const have = new Set<string>();
  for (const style of elements(styles, "w:style")) {
    const id = style.attrs["w:styleId"] ?? "";
    have.add(id);
    // Word's stored name of a built-in heading ("heading 2"), which python-docx and others look up.
    const name = child(style, "w:name");
    if (name && /^Heading [1-9]$/.test(name.attrs["w:val"] ?? ""))
      name.attrs["w:val"] = name.attrs["w:val"]!.toLowerCase();
    const own = byId.get(id);
    if (own) {
      // The pack's numbering for the styles it numbers; none for the other styles it uses.
      setStyleNumbering(style, ownNumbering(own));
      continue;
    }
    for (const numIdEl of descendants(style, "w:numId")) {
      const val = numIdEl.attrs["w:val"] ?? "";
      if (val === "0") continue;
      const mapped = numMap.get(val);
      if (mapped) numIdEl.attrs["w:val"] = mapped;
      else setStyleNumbering(style, undefined); // a list the reference does not define
    }
  }
  for (const [id, style] of byId) if (!have.has(id)) styles.children.push(structuredClone(style));
  for (const style of elements(styles, "w:style")) {
    schemaOrder(style, STYLE_ORDER);
    for (const tcPr of descendants(style, "w:tcPr")) schemaOrder(tcPr, TCPR_ORDER);
  }
  mergeNamespaces(styles, ourStyles);
  files["word/styles.xml"] = strToU8(serializeXml(styles));
  if (ref.theme) addTheme(files, ref.theme);
}

const THEME_REL = `${REL}/theme`;

/** Puts the reference's theme in the package as `word/theme/theme1.xml`, with its relationship and content type. */
function addTheme(files: Record<string, Uint8Array>, theme: Uint8Array): void {
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
