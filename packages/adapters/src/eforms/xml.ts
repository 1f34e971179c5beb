/**
 * XML for eForms notices: parsed with fast-xml-parser (pure JavaScript, runs in browsers) into a small
 * element tree whose names use the eForms SDK's prefixes whatever prefixes the document declares
 * (`cbc:ID` is the CommonBasicComponents `ID` element even when the notice binds it to `b:`).
 */

import { FairtenderError } from "@fairtender/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { importIssue } from "../report.js";

/** The namespaces of eForms notices and the prefixes the SDK's XPaths use for them. */
export const EFORMS_NAMESPACES: Readonly<Record<string, string>> = {
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  ext: "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
  efext: "http://data.europa.eu/p27/eforms-ubl-extensions/1",
  efac: "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
  efbc: "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
};
const PREFIX_OF: ReadonlyMap<string, string> = new Map(Object.entries(EFORMS_NAMESPACES).map(([p, uri]) => [uri, p]));

/** The root elements of eForms notices, by their namespace. */
export const NOTICE_ROOTS: Readonly<Record<string, string>> = {
  "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2": "ContractNotice",
  "urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice-2": "PriorInformationNotice",
  "urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2": "ContractAwardNotice",
  "http://data.europa.eu/p27/eforms-business-registration-information-notice/1":
    "BusinessRegistrationInformationNotice",
};

/** An element: its name with the SDK prefix (`cbc:ID`), or `{uri}local` for other namespaces. */
export interface XmlElement {
  name: string;
  /** The namespace URI (empty for no namespace). */
  ns: string;
  local: string;
  /** Attributes by name; attributes in no namespace (all of eForms') by their local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (its text nodes joined), not its descendants'. */
  text: string;
  parent?: XmlElement;
}

type Ordered = Record<string, unknown>;

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
  processEntities: true,
});

/**
 * Parses XML text into an element tree. Not well-formed XML is an `invalid-source` error naming the
 * line and column.
 */
export function parseXml(xml: string): XmlElement {
  if (typeof xml !== "string") {
    throw new FairtenderError("invalid-source", `fromEforms expects the notice's XML text, received ${typeof xml}`, {
      issues: [
        importIssue("invalid-type", [], "The input is not a string of XML.", {
          received: typeof xml,
          expected: "XML text",
        }),
      ],
    });
  }
  const check = XMLValidator.validate(xml);
  if (check !== true) {
    const { line, col, msg } = check.err;
    throw new FairtenderError(
      "invalid-source",
      `The notice is not well-formed XML: line ${line}, column ${col}: ${msg}`,
      {
        issues: [importIssue("invalid-xml", [], `line ${line}, column ${col}: ${msg}`)],
      },
    );
  }
  const top = parser.parse(xml) as Ordered[];
  const roots = top.flatMap((n) => build(n, undefined, new Map()));
  const root = roots[0];
  if (!root) {
    throw new FairtenderError("invalid-source", "The XML has no root element", {
      issues: [importIssue("invalid-xml", [], "No root element.")],
    });
  }
  return root;
}

function build(node: Ordered, parent: XmlElement | undefined, scope: Map<string, string>): XmlElement[] {
  const key = Object.keys(node).find((k) => k !== ":@");
  if (key === undefined || key === "#text" || key === "#cdata") return [];
  const rawAttrs = (node[":@"] ?? {}) as Record<string, string>;
  let inScope = scope;
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === "xmlns" || name.startsWith("xmlns:")) {
      if (inScope === scope) inScope = new Map(scope);
      inScope.set(name === "xmlns" ? "" : name.slice(6), value);
    }
  }
  const [prefix, local] = split(key);
  const ns = inScope.get(prefix) ?? "";
  const known = PREFIX_OF.get(ns);
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === "xmlns" || name.startsWith("xmlns:")) continue;
    const [p, l] = split(name);
    if (p === "") attrs[l] = value;
    else {
      const uri = inScope.get(p) ?? "";
      const kp = PREFIX_OF.get(uri);
      attrs[kp ? `${kp}:${l}` : `{${uri}}${l}`] = value;
    }
  }
  const element: XmlElement = {
    name: known ? `${known}:${local}` : ns ? `{${ns}}${local}` : local,
    ns,
    local,
    attrs,
    children: [],
    text: "",
    ...(parent ? { parent } : {}),
  };
  const content = (node[key] ?? []) as Ordered[];
  let text = "";
  for (const child of content) {
    if ("#text" in child) text += String(child["#text"]);
    else if ("#cdata" in child) {
      for (const c of child["#cdata"] as Ordered[]) text += String(c["#text"] ?? "");
    } else element.children.push(...build(child, element, inScope));
  }
  element.text = text;
  return [element];
}

function split(qname: string): [string, string] {
  const i = qname.indexOf(":");
  return i < 0 ? ["", qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

/** The element's path from the root with SDK prefixes and 1-based positions among same-named siblings, e.g. `/*\/cac:ProcurementProjectLot[2]/cbc:ID`. */
export function elementPath(element: XmlElement): string {
  const steps: string[] = [];
  let e: XmlElement | undefined = element;
  while (e?.parent) {
    const p: XmlElement = e.parent;
    const same = p.children.filter((c) => c.name === e?.name);
    steps.unshift(same.length > 1 ? `${e.name}[${same.indexOf(e) + 1}]` : e.name);
    e = p;
  }
  return `/*${steps.length ? "/" : ""}${steps.join("/")}`;
}
