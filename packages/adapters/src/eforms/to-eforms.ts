/**
 * `toEforms`: the eForms business terms a notice needs for what Fairtender decided — BT-06 strategic
 * procurement (soc-obj), BT-775 social objectives, BT-70 terms of performance and BT-65 the
 * subcontracting term where a clause calls for it — as a typed object and as the XML of a lot.
 */
import type { Selection } from "@fairtender/core";
import { EFORMS_FIELDS, WRITE_BACK } from "../data/tables.generated.js";
import { writeBackTerms } from "../terms.js";
import { field, node } from "./fields.js";
import { EFORMS_NAMESPACES } from "./xml.js";

/** One business term written, with its field in the SDK. */
export interface EformsFieldValue {
  /** The SDK field id, e.g. `BT-775-Lot`. */
  id: string;
  /** The business term, e.g. `BT-775`. */
  bt: string;
  name: string;
  /** The field's absolute XPath in the SDK (data/eforms-fields.yaml). */
  xpath: string;
  value: string;
  /** The language of a text value (eForms three-letter code). */
  languageID?: string;
  /** Notice subtypes in which the SDK forbids the field. */
  forbiddenIn: string[];
  /** Why the value is what it is. */
  note: string;
}

/** What {@link toEforms} returns. */
export interface EformsTerms {
  /** The SDK the field table (XPaths, codes, order) comes from. */
  sdk: string;
  /** The lot the terms are for. */
  lot: string;
  /** BT-06-Lot: always `soc-obj`. */
  strategicProcurement: string;
  /** BT-775-Lot codes. */
  socialObjectives: string[];
  /** BT-70-Lot, with OPT-060-Lot `performance`. */
  performanceTerms: { text: string; languageID: string };
  /** BT-65-Lot code, when a selected clause calls for it. */
  subcontractingObligation?: string;
  /** Every field written, in the order of the XML. */
  fields: EformsFieldValue[];
  /** Fields of the brief that were not written, and why (BT-64: Fairtender never sets a share to subcontract). */
  notWritten: Array<{ id: string; bt: string; reason: string }>;
  /** The `cac:ProcurementProjectLot` element with these terms, to merge into the notice's lot. */
  xml: string;
}

/** Options of {@link toEforms}. */
export interface ToEformsOptions {
  /** The lot identifier (BT-137-Lot), default `LOT-0001`. */
  lot?: string;
  /** The language of BT-70 (an eForms three-letter code), default `ENG`. */
  languageID?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An element to write: its name, attributes, text or children, and its XSD position among its siblings. */
interface El {
  name: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: El[];
  order: number;
}

function render(el: El, indent: string): string {
  const attrs = Object.entries(el.attrs ?? {})
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join("");
  if (el.text !== undefined) return `${indent}<${el.name}${attrs}>${esc(el.text)}</${el.name}>`;
  const kids = [...(el.children ?? [])].sort((a, b) => a.order - b.order).map((c) => render(c, `${indent}  `));
  return `${indent}<${el.name}${attrs}>\n${kids.join("\n")}\n${indent}</${el.name}>`;
}

/** The XSD position of the last step of a node's or field's relative path. */
const orderOf = (x: { order?: number[] }) => x.order?.[x.order.length - 1] ?? 0;
/** The element name of the first step of a relative path, without its predicate. */
const stepName = (relative: string) => (relative.split("/")[0] as string).replace(/\[.*$/, "");

/**
 * The eForms business terms for a selection, for one lot of the notice: BT-06 (soc-obj), BT-775
 * (social objectives), BT-70 with OPT-060 (terms of performance) and, where a selected clause calls
 * for it, BT-65 (subcontracting obligation). Each field carries its XPath and the notice subtypes
 * that forbid it, from the SDK field table kept in data/eforms-fields.yaml; `xml` is the lot element
 * with these terms in schema order.
 *
 * @param selection - the result of core's `select()` (other selections are validated with `parseSelection`).
 * @param options - the lot id and the language of BT-70.
 */
export function toEforms(selection: Selection, options: ToEformsOptions = {}): EformsTerms {
  const terms = writeBackTerms(selection);
  const lot = options.lot ?? "LOT-0001";
  const languageID = options.languageID ?? "ENG";
  const out: EformsFieldValue[] = [];
  const write = (id: string, value: string, note: string, lang?: string) => {
    const f = field(id);
    out.push({
      id: f.id,
      bt: f.bt,
      name: f.name,
      xpath: f.xpath,
      value,
      ...(lang ? { languageID: lang } : {}),
      forbiddenIn: f.forbiddenIn ?? [],
      note,
    });
  };

  write(
    "BT-06-Lot",
    WRITE_BACK.strategic.eforms,
    "Strategic procurement: the contract pursues social objectives (OCDS goal social).",
  );
  for (const o of terms.socialObjectives)
    write("BT-775-Lot", o.eforms, `Social objective ${o.eforms} (OCDS ${o.ocds}).`);
  const perf = field("BT-70-Lot");
  const text = terms.performanceTerms(perf.maxLength);
  write(
    "OPT-060-Lot",
    field("OPT-060-Lot").preset ?? "performance",
    "Marks the execution requirement as the terms of performance that BT-70 describes.",
  );
  write(
    "BT-70-Lot",
    text,
    `The supplier's obligations from the harmonised schedule${perf.maxLength ? `, within the field's ${perf.maxLength} characters` : ""}.`,
    languageID,
  );
  const sub = terms.subcontracting[0];
  if (sub)
    write(
      "BT-65-Lot",
      sub.code,
      `${sub.description} Selected clause${sub.clauses.length > 1 ? "s" : ""}: ${sub.clauses.join(", ")}.`,
    );
  const notWritten = [
    {
      id: "BT-64-Lot",
      bt: "BT-64",
      reason: "Fairtender never decides a minimum share of the contract to subcontract.",
    },
    ...(sub
      ? []
      : [{ id: "BT-65-Lot", bt: "BT-65", reason: "No selected clause sets a subcontracting obligation term." }]),
  ];

  // The lot element, built from the SDK's node and field paths and ordered by their XSD positions.
  const lotNode = node("ND-Lot");
  const projectNode = node("ND-LotProcurementScope");
  const termsNode = node("ND-LotTenderingTerms");
  const additional = (nodeId: string, fieldId: string, value: string): El => {
    const n = node(nodeId);
    const f = field(fieldId);
    const listName = /@listName='([^']+)'/.exec(n.relative)?.[1] ?? "";
    return {
      name: stepName(n.relative),
      order: orderOf(n),
      children: [{ name: stepName(f.relative), attrs: { listName }, text: value, order: orderOf(f) }],
    };
  };
  const project: El = {
    name: stepName(projectNode.relative),
    order: orderOf(projectNode),
    children: [
      additional("ND-StrategicProcurementType", "BT-06-Lot", WRITE_BACK.strategic.eforms),
      ...terms.socialObjectives.map((o) => additional("ND-LotSocialObjectiveType", "BT-775-Lot", o.eforms)),
    ],
  };
  const exec = node("ND-ExecutionRequirements");
  const tendering: El = {
    name: stepName(termsNode.relative),
    order: orderOf(termsNode),
    children: [
      {
        name: stepName(exec.relative),
        order: orderOf(exec),
        children: [
          {
            name: stepName(field("OPT-060-Lot").relative),
            attrs: { listName: "conditions" },
            text: field("OPT-060-Lot").preset ?? "performance",
            order: orderOf(field("OPT-060-Lot")),
          },
          { name: stepName(perf.relative), attrs: { languageID }, text, order: orderOf(perf) },
        ],
      },
      ...(sub
        ? [
            {
              name: stepName(node("ND-SubcontractingObligation").relative),
              order: orderOf(node("ND-SubcontractingObligation")),
              children: [
                {
                  name: stepName(field("BT-65-Lot").relative),
                  attrs: { listName: "subcontracting-obligation" },
                  text: sub.code,
                  order: orderOf(field("BT-65-Lot")),
                },
              ],
            },
          ]
        : []),
    ],
  };
  const lotId = field("BT-137-Lot");
  const root: El = {
    name: stepName(lotNode.relative),
    order: 0,
    attrs: { "xmlns:cac": EFORMS_NAMESPACES.cac as string, "xmlns:cbc": EFORMS_NAMESPACES.cbc as string },
    children: [
      { name: stepName(lotId.relative), attrs: { schemeName: "Lot" }, text: lot, order: orderOf(lotId) },
      tendering,
      project,
    ],
  };
  return {
    sdk: EFORMS_FIELDS.sdk.version,
    lot,
    strategicProcurement: WRITE_BACK.strategic.eforms,
    socialObjectives: terms.socialObjectives.map((o) => o.eforms),
    performanceTerms: { text, languageID },
    ...(sub ? { subcontractingObligation: sub.code } : {}),
    fields: out,
    notWritten,
    xml: render(root, ""),
  };
}
