import { type IContext, type IXmlableObject, XmlComponent } from "docx";
import { scrub } from "../text/scrub.js";

/**
 * A piece of WordprocessingML that `docx` has no builder for (complex fields with a cached result,
 * bookmarks with explicit ids). The `xml` package that `docx` serialises with escapes text and
 * attribute values, so data placed here cannot break the XML.
 */
class Raw extends XmlComponent {
  constructor(private readonly object: IXmlableObject) {
    super("w:r");
  }
  override prepForXml(_context: IContext): IXmlableObject {
    return this.object;
  }
}

type RunProps = { bold?: boolean; italic?: boolean; colour?: string };

function rPr(props: RunProps): IXmlableObject[] {
  const out: IXmlableObject[] = [];
  if (props.bold) out.push({ "w:b": {} });
  if (props.italic) out.push({ "w:i": {} });
  if (props.colour) out.push({ "w:color": { _attr: { "w:val": props.colour } } });
  return out.length === 0 ? [] : [{ "w:rPr": out }];
}

const fldChar = (type: "begin" | "separate" | "end"): IXmlableObject => ({
  "w:r": [{ "w:fldChar": { _attr: { "w:fldCharType": type } } }],
});

/** A text run (for use next to raw field runs). */
export function rawText(text: string, props: RunProps = {}): IXmlableObject {
  return { "w:r": [...rPr(props), { "w:t": [{ _attr: { "xml:space": "preserve" } }, scrub(text)] }] };
}

/** `w:fldChar begin` + instruction + `separate`: the start of a complex field whose result follows. */
export function fieldStart(instruction: string): XmlComponent[] {
  return [
    new Raw(fldChar("begin")),
    new Raw({ "w:r": [{ "w:instrText": [{ _attr: { "xml:space": "preserve" } }, ` ${instruction} `] }] }),
    new Raw(fldChar("separate")),
  ];
}

/** The end of a complex field. */
export function fieldEnd(): XmlComponent {
  return new Raw(fldChar("end"));
}

/** A whole complex field in one paragraph with its cached result text (shown before any update). */
export function field(instruction: string, cached: string, props: RunProps = {}): XmlComponent[] {
  return [...fieldStart(instruction), new Raw(rawText(cached, props)), fieldEnd()];
}

/** A run of text as a raw component. */
export function textRun(text: string, props: RunProps = {}): XmlComponent {
  return new Raw(rawText(text, props));
}

/** `w:bookmarkStart` with an explicit id (docx 9.7 gives every bookmark the id 1). */
export function bookmarkStart(id: number, name: string): XmlComponent {
  return new RawElement({ "w:bookmarkStart": { _attr: { "w:id": id, "w:name": name } } });
}

/** `w:bookmarkEnd` with an explicit id. */
export function bookmarkEnd(id: number): XmlComponent {
  return new RawElement({ "w:bookmarkEnd": { _attr: { "w:id": id } } });
}

class RawElement extends XmlComponent {
  constructor(private readonly object: IXmlableObject) {
    super("w:bookmark");
  }
  override prepForXml(_context: IContext): IXmlableObject {
    return this.object;
  }
}

/** Any element as a raw component (e.g. a table style for `styles.importedStyles`). */
export function rawElement(object: IXmlableObject): XmlComponent {
  return new RawElement(object);
}
