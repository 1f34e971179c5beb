/**
 * Reading eForms fields by their SDK id, with the SDK's own XPaths (data/eforms-fields.yaml): a
 * field inside a repeatable node (a lot, a part, an organisation) is read relative to that node.
 */
import { EFORMS_FIELDS } from "../data/tables.generated.js";
import type { EformsField, EformsNode } from "../data/types.js";
import { elementPath, type XmlElement } from "./xml.js";
import { compileXPath, select, stringValue, type XPath } from "./xpath.js";

const FIELDS: ReadonlyMap<string, EformsField> = new Map(EFORMS_FIELDS.fields.map((f) => [f.id, f]));
const NODES: ReadonlyMap<string, EformsNode> = new Map(EFORMS_FIELDS.nodes.map((n) => [n.id, n]));

/** A field of the table (throws for an id the table does not list: a programming error). */
export function field(id: string): EformsField {
  const f = FIELDS.get(id);
  if (!f) throw new Error(`eForms field ${id} is not in data/eforms-fields.yaml`);
  return f;
}

/** A node of the table. */
export function node(id: string): EformsNode {
  const n = NODES.get(id);
  if (!n) throw new Error(`eForms node ${id} is not in data/eforms-fields.yaml`);
  return n;
}

/** The scopes a field can be read in: the notice, or a repeatable node above the field. */
export type Scope = "ND-Root" | "ND-Lot" | "ND-Part" | "ND-Organization" | "ND-ContractingParty";

/** The elements of a repeatable node (lots, parts, organisations) in the notice. */
export function nodes(root: XmlElement, id: Scope): XmlElement[] {
  return select(node(id).xpath, root).filter((x): x is XmlElement => typeof x !== "string");
}

const compiled = new Map<string, { owner: XPath; attribute?: string }>();

/** The field's path relative to a scope node, split into the element path and the attribute read from it. */
function pathIn(f: EformsField, scope: Scope): { owner: XPath; attribute?: string } {
  const key = `${f.id} ${scope}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  let xpath = f.xpath;
  if (scope !== "ND-Root") {
    const prefix = `${node(scope).xpath}/`;
    if (!xpath.startsWith(prefix)) throw new Error(`eForms field ${f.id} is not inside ${scope}`);
    xpath = xpath.slice(prefix.length);
  }
  const m = /^(.*)\/@([\w:-]+)$/.exec(xpath);
  const out = m ? { owner: compileXPath(m[1] as string), attribute: m[2] as string } : { owner: compileXPath(xpath) };
  compiled.set(key, out);
  return out;
}

/** One value of a field, with the element it was read from. */
export interface FieldValue {
  value: string;
  element: XmlElement;
  /** `BT-21-Lot /*\/cac:ProcurementProjectLot[2]/cac:ProcurementProject/cbc:Name`: the field id and the element's path. */
  ref: string;
}

/** Every value of a field in a scope (the notice root, or one lot/part/organisation element). */
export function read(id: string, context: XmlElement, scope: Scope = "ND-Root"): FieldValue[] {
  const f = field(id);
  const { owner, attribute } = pathIn(f, scope);
  const out: FieldValue[] = [];
  for (const item of select(owner, context)) {
    if (typeof item === "string") continue;
    const value = attribute === undefined ? stringValue(item).trim() : item.attrs[attribute]?.trim();
    if (value === undefined || value === "") continue;
    out.push({ value, element: item, ref: `${f.id} ${elementPath(item)}${attribute ? `/@${attribute}` : ""}` });
  }
  return out;
}

/** The value of a multilingual text field in the notice language, or the first one. */
export function text(
  id: string,
  context: XmlElement,
  scope: Scope,
  language: string | undefined,
): FieldValue | undefined {
  const all = read(id, context, scope);
  return all.find((v) => language !== undefined && v.element.attrs.languageID === language) ?? all[0];
}
