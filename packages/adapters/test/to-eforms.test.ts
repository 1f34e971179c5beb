import { readdirSync, readFileSync } from "node:fs";
import { type Selection, select } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { nodes, read } from "../src/eforms/fields.js";
import { parseXml } from "../src/eforms/xml.js";
import { fromEforms, toEforms } from "../src/index.js";
import { NEEDS_STANDARDS, STANDARDS, standardsJson } from "./standards.js";

const examples = new URL("../../../examples/profiles/", import.meta.url);
const recorded = new URL("../../core/test/golden/select/profiles/", import.meta.url);
const selections: Array<[string, Selection]> = [
  ...readdirSync(examples)
    .filter((f) => f.endsWith(".yaml"))
    .map((f): [string, Selection] => [`examples/${f}`, select(parse(readFileSync(new URL(f, examples), "utf8")))]),
  ...readdirSync(recorded)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f): [string, Selection] => [`core/${f}`, select(JSON.parse(readFileSync(new URL(f, recorded), "utf8")))]),
];
const byName = new Map(selections);

/** The fragment inside a contract notice, so that the SDK's absolute XPaths apply. */
const inNotice = (xml: string) =>
  `<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:CustomizationID>eforms-sdk-1.16</cbc:CustomizationID>${xml}</ContractNotice>`;

describe("toEforms", () => {
  it.each(selections.map(([n]) => n))("%s: the XML reads back as the same business terms", (name) => {
    const terms = toEforms(byName.get(name) as Selection);
    const root = parseXml(inNotice(terms.xml));
    const [lot] = nodes(root, "ND-Lot");
    expect(lot).toBeDefined();
    const values = (id: string) => read(id, lot as never, "ND-Lot").map((v) => v.value);
    expect(values("BT-137-Lot")).toEqual([terms.lot]);
    expect(values("BT-06-Lot")).toEqual(["soc-obj"]);
    expect(values("BT-775-Lot")).toEqual(terms.socialObjectives);
    expect(values("OPT-060-Lot")).toEqual(["performance"]);
    expect(values("BT-70-Lot")).toEqual([terms.performanceTerms.text]);
    expect(values("BT-65-Lot")).toEqual(terms.subcontractingObligation ? [terms.subcontractingObligation] : []);
    expect(values("BT-64-Lot")).toEqual([]);
    expect(terms.performanceTerms.text.length).toBeLessThanOrEqual(6000);
    expect(terms.fields.map((f) => f.value)).toEqual([
      "soc-obj",
      ...terms.socialObjectives,
      "performance",
      terms.performanceTerms.text,
      ...(terms.subcontractingObligation ? [terms.subcontractingObligation] : []),
    ]);
    // fromEforms sees the same terms in the notice.
    const context = fromEforms(inNotice(terms.xml)).report.context.map((c) => c.text);
    expect(context).toContain(`${terms.lot}: strategic procurement soc-obj (social objectives) (BT-06).`);
    expect(context.filter((t) => t.includes("(BT-775)"))).toHaveLength(terms.socialObjectives.length);
  });

  it("writes hum-right always, work-cond for working-condition clauses, and BT-65 only when a clause calls for it", () => {
    const un = toEforms(byName.get("examples/un-multi-regime.yaml") as Selection, {
      lot: "LOT-0003",
      languageID: "FRA",
    });
    expect(un.socialObjectives).toEqual(["hum-right", "work-cond"]);
    expect(un.subcontractingObligation).toBe("subc-chng");
    expect(un.lot).toBe("LOT-0003");
    expect(un.xml).toContain('<cbc:Description languageID="FRA">');
    const us = toEforms(byName.get("examples/us-embassy-cleaning.yaml") as Selection);
    expect(us.subcontractingObligation).toBeUndefined();
    expect(us.notWritten.map((n) => n.id)).toEqual(["BT-64-Lot", "BT-65-Lot"]);
    expect(us.sdk).toMatch(/^eforms-sdk-1\.16/);
  });

  it("cuts BT-70 to its maximum length with a pointer to the pack", () => {
    const un = toEforms(byName.get("examples/un-multi-regime.yaml") as Selection);
    expect(un.performanceTerms.text.length).toBeLessThanOrEqual(6000);
    expect(un.performanceTerms.text).toMatch(/more obligations?: see the schedule in the tender pack\.$/);
  });
});

describe.skipIf(!STANDARDS)(`toEforms against the eForms SDK${NEEDS_STANDARDS}`, () => {
  it("every field written carries the SDK's XPath and the subtypes the SDK forbids it in", () => {
    const sdk = standardsJson<{ fields: Array<{ id: string; xpathAbsolute: string; maxLength?: number }> }>(
      "eforms-sdk-1.16",
      "fields",
      "fields.json",
    );
    const terms = toEforms(byName.get("examples/un-multi-regime.yaml") as Selection);
    for (const f of terms.fields) {
      const s = sdk.fields.find((x) => x.id === f.id);
      expect(s?.xpathAbsolute, f.id).toBe(f.xpath);
    }
    expect(terms.fields.find((f) => f.id === "BT-70-Lot")?.forbiddenIn).toContain("1");
    expect(sdk.fields.find((x) => x.id === "BT-70-Lot")?.maxLength).toBe(6000);
  });
});
