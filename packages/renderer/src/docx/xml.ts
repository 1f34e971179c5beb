import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An element of a parsed part: its qualified name, attributes in document order, and children. */
export interface XmlElement {
  name: string;
  /** Attribute values exactly as written (entity references left encoded). */
  attrs: Record<string, string>;
  children: XmlChild[];
}
/** Text (left encoded, as written), a CDATA section, or an element. */
export type XmlChild = XmlElement | { text: string } | { cdata: string };

/** Why a part is not XML the renderer takes (see {@link parseXmlPart}). */
export type XmlProblem = "not-xml" | "dtd";

/** A part that is not well-formed XML, or that declares a DTD (entities are never expanded). */
export class XmlPartError extends Error {
  override readonly name = "XmlPartError";
  constructor(
    readonly problem: XmlProblem,
    message: string,
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: "#cdata",
  // Nothing is expanded: text and attribute values stay as written, so they are written back as they were.
  processEntities: false,
  htmlEntities: false,
});

// `<!DOCTYPE` (any case, any spacing): a DTD can declare entities; no Office part has one.
const DTD = /<!\s*doctype/i;
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);
const short = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s);

/**
 * Parses one XML part strictly and without a DTD: a part that declares a document type is refused
 * before it is parsed (no entity is ever expanded or fetched), then the part must be well-formed,
 * have exactly one root element and use only XML's predefined entities and character references.
 * Linear in the size of the part (a validating scanner, no regular-expression back-tracking).
 *
 * @throws {XmlPartError} `dtd` or `not-xml`.
 */
export function parseXmlPart(xml: string): XmlElement {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (DTD.test(text)) throw new XmlPartError("dtd", "it declares a DTD (<!DOCTYPE>), which no Office part may carry");
  const check = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (check !== true) {
    const { line, col, msg } = check.err;
    throw new XmlPartError("not-xml", `it is not well-formed XML (line ${line}, column ${col}: ${short(msg)})`);
  }
  const roots = (parser.parse(text) as unknown[]).map((n) => toChild(n, 0)).filter((c): c is XmlElement => "name" in c);
  if (roots.length !== 1) throw new XmlPartError("not-xml", `it has ${roots.length} root elements, not one`);
  checkEntities(roots[0]!);
  return roots[0]!;
}

/** Deeper than any Office part nests (a table in a table in a text box is about 30). */
const MAX_DEPTH = 256;

function toChild(node: unknown, depth: number): XmlChild {
  if (depth > MAX_DEPTH) throw new XmlPartError("not-xml", `its elements nest deeper than ${MAX_DEPTH} levels`);
  const record = node as Record<string, unknown>;
  if ("#text" in record) return { text: String(record["#text"]) };
  if ("#cdata" in record) {
    const inner = record["#cdata"] as Array<Record<string, unknown>>;
    return { cdata: inner.map((t) => String(t["#text"] ?? "")).join("") };
  }
  const name = Object.keys(record).find((k) => k !== ":@")!;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((record[":@"] as Record<string, unknown> | undefined) ?? {}))
    attrs[k] = String(v);
  return { name, attrs, children: (record[name] as unknown[]).map((c) => toChild(c, depth + 1)) };
}

/** Every `&` starts a predefined entity or a character reference (XML without a DTD defines no others). */
function checkEntities(root: XmlElement): void {
  const check = (s: string) => {
    for (let i = s.indexOf("&"); i >= 0; i = s.indexOf("&", i + 1)) {
      const end = s.indexOf(";", i);
      const ref = end < 0 ? "" : s.slice(i + 1, end);
      const ok =
        end > i + 1 &&
        end - i <= 12 &&
        (PREDEFINED.has(ref) || /^#[0-9]{1,7}$/.test(ref) || /^#x[0-9A-Fa-f]{1,6}$/.test(ref));
      if (!ok) throw new XmlPartError("not-xml", `it uses an undeclared entity (${short(s.slice(i, i + 20))})`);
    }
  };
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const v of Object.values(el.attrs)) check(v);
    for (const c of el.children) {
      if ("name" in c) stack.push(c);
      else if ("text" in c) check(c.text);
    }
  }
}

const escapeAttr = (v: string) => v.replace(/"/g, "&quot;");

/** Writes an element back as XML, with an XML declaration (text and attributes as they were read). */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  const write = (el: XmlElement) => {
    out.push(`<${el.name}`);
    for (const [k, v] of Object.entries(el.attrs)) out.push(` ${k}="${escapeAttr(v)}"`);
    if (el.children.length === 0) {
      out.push("/>");
      return;
    }
    out.push(">");
    for (const c of el.children) {
      if ("name" in c) write(c);
      else if ("text" in c) out.push(c.text);
      else out.push(`<![CDATA[${c.cdata.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`);
    }
    out.push(`</${el.name}>`);
  };
  write(root);
  return out.join("");
}

/** The element children of an element (text left out). */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => "name" in c && (name === undefined || c.name === name));
}

/** The first element child with this name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => "name" in c && c.name === name);
}

/** Every descendant element with this name (depth first, document order). */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (!("name" in c)) continue;
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(el);
  return out;
}

/** A new element. */
export function el(name: string, attrs: Record<string, string> = {}, children: XmlChild[] = []): XmlElement {
  return { name, attrs, children };
}
