/**
 * A drop-in for the `xml` package (1.0.1) as `docx` calls it: no indentation, no streaming. Same
 * output, byte for byte (property-tested against the real package in test/fast-xml.test.ts), built
 * in one pass without the intermediate element records, `Array#shift` loop and per-element
 * `new Array(n).join()` of the original. The published `fairtender` bundle substitutes it for the
 * copy of `xml` inside `docx` (see build/patch-docx.ts): on a one-document run, serialising the
 * document is the largest single step, and this makes it several times cheaper.
 *
 * Semantics kept from the original, including the odd ones:
 * - `{ name: [...] }`: an `{ _attr }` item adds attributes; an object item is a child element; a
 *   string (or number) item replaces the item before it as text; an array with no text item is
 *   written `<name></name>`, never self-closed.
 * - `{ name: { _attr, _cdata } }` (an object, not an array): attributes and CDATA; with neither
 *   content, self-closed `<name a="1"/>`.
 * - `{ name: value }` with a scalar: escaped text; `undefined` gives `<name></name>`; `null` `<name/>`.
 * - `&`, `"`, `'`, `<` and `>` are escaped in text and attribute values; other values are
 *   written with `String()`.
 */

type XmlValue = unknown;
interface Declaration {
  encoding?: string;
  standalone?: string;
}
export interface XmlOptions {
  indent?: unknown;
  stream?: unknown;
  declaration?: Declaration;
}

const SPECIAL = /[&"<>']/;
const SPECIAL_ALL = /[&"<>']/g;
const ENTITY: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
const entity = (c: string): string => ENTITY[c] as string;

/** The original's `escapeForXML`: strings are escaped, anything else is returned as it is. */
function escapeText(value: unknown): unknown {
  return typeof value === "string" ? (SPECIAL.test(value) ? value.replace(SPECIAL_ALL, entity) : value) : value;
}

function attributes(attr: Record<string, unknown>): string {
  let out = "";
  for (const key of Object.keys(attr)) out += ` ${key}="${escapeText(attr[key])}"`;
  return out;
}

function firstKey(obj: object): string | undefined {
  for (const key in obj) return key;
  return undefined;
}

function element(data: Record<string, unknown>): string {
  const name = firstKey(data) as string;
  const values = data[name];
  let attrs = "";
  const content: unknown[] = [];
  if (typeof values === "object") {
    if (values !== null) {
      const v = values as { _attr?: Record<string, unknown>; _cdata?: string; _elem?: unknown };
      if (v._elem) throw new Error("fast-xml: xml.element() streams are not supported");
      if (v._attr) attrs += attributes(v._attr);
      if (v._cdata) content.push(`${`<![CDATA[${v._cdata}`.replace(/\]\]>/g, "]]]]><![CDATA[>")}]]>`);
      if (Array.isArray(values)) {
        let text = false;
        content.push("");
        for (const item of values as unknown[]) {
          if (typeof item === "object") {
            if (firstKey(item as object) === "_attr")
              attrs += attributes((item as { _attr: Record<string, unknown> })._attr);
            else content.push(element(item as Record<string, unknown>));
          } else {
            content.pop();
            text = true;
            content.push(escapeText(item));
          }
        }
        if (!text) content.push("");
      }
    }
  } else {
    content.push(escapeText(values));
  }
  if (content.length === 0) return `<${name}${attrs}/>`;
  let out = `<${name}${attrs}>`;
  for (const part of content) if (part !== undefined) out += part;
  return `${out}</${name}>`;
}

/** `xml(input, options)` for `options.indent` and `options.stream` unset. */
export function fastXml(input: XmlValue, options: XmlOptions = {}): string {
  let out = "";
  if (options.declaration) {
    const d = options.declaration;
    out += `<?xml version="1.0" encoding="${escapeText(d.encoding || "UTF-8")}"${d.standalone ? ` standalone="${escapeText(d.standalone)}"` : ""}?>`;
  }
  const items = Array.isArray(input) ? input : [input];
  for (const item of items) {
    out +=
      typeof item === "object" && item !== null ? element(item as Record<string, unknown>) : String(escapeText(item));
  }
  return out;
}
