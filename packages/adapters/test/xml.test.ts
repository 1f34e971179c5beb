import { isFairtenderError } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { elementPath, parseXml } from "../src/eforms/xml.js";
import { compileXPath, select, stringValue } from "../src/eforms/xpath.js";

const CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
const CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

describe("XML", () => {
  it("names elements with the SDK prefixes whatever prefixes the document binds", () => {
    const root = parseXml(
      `<n:ContractNotice xmlns:n="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" xmlns:b="${CBC}" xmlns:a="${CAC}"><a:ProcurementProject><b:Name languageID="ENG">T &amp; C</b:Name></a:ProcurementProject></n:ContractNotice>`,
    );
    expect(root.local).toBe("ContractNotice");
    const [name] = select("/*/cac:ProcurementProject/cbc:Name", root);
    expect(typeof name !== "string" && name?.name).toBe("cbc:Name");
    expect(stringValue(name as never)).toBe("T & C");
    expect(select("/*/cac:ProcurementProject/cbc:Name/@languageID", root)).toEqual(["ENG"]);
  });

  it("reports XML that is not well-formed with its line and column", () => {
    try {
      parseXml("<a>\n<b></a>");
      expect.unreachable();
    } catch (e) {
      expect(isFairtenderError(e) && e.code).toBe("invalid-source");
      expect((e as Error).message).toMatch(/line 2, column \d+/);
    }
  });

  it("names an element by its path with positions among same-named siblings", () => {
    const root = parseXml(
      `<r xmlns:cac="${CAC}" xmlns:cbc="${CBC}"><cac:L><cbc:ID>1</cbc:ID></cac:L><cac:L><cbc:ID>2</cbc:ID></cac:L></r>`,
    );
    const ids = select("/*/cac:L/cbc:ID", root);
    expect(ids.map((x) => (typeof x === "string" ? x : elementPath(x)))).toEqual([
      "/*/cac:L[1]/cbc:ID",
      "/*/cac:L[2]/cbc:ID",
    ]);
  });
});

describe("XPath subset", () => {
  const doc = parseXml(
    `<r xmlns:cac="${CAC}" xmlns:cbc="${CBC}">
       <cac:Lot><cbc:ID schemeName="Lot">LOT-1</cbc:ID><cbc:Code listName="a">x</cbc:Code></cac:Lot>
       <cac:Lot><cbc:ID schemeName="Part">PART-1</cbc:ID><cbc:Code listName="b">y</cbc:Code></cac:Lot>
       <cac:Doc><cbc:ID>CrossBorderLaw</cbc:ID></cac:Doc><cac:Doc><cbc:ID>ELI-1</cbc:ID></cac:Doc>
     </r>`,
  );
  const ids = (xpath: string) => select(xpath, doc).map(stringValue);

  it("reads predicates on attributes and child values, with spaces, sequences and not()", () => {
    expect(ids("/*/cac:Lot[cbc:ID/@schemeName='Lot']/cbc:ID")).toEqual(["LOT-1"]);
    expect(ids("/*/cac:Lot[cbc:ID/@schemeName = 'Part']/cbc:ID")).toEqual(["PART-1"]);
    expect(ids("/*/cac:Lot/cbc:Code[@listName='b']")).toEqual(["y"]);
    expect(ids("/*/cac:Doc[not(cbc:ID/text()=('CrossBorderLaw','LocalLegalBasis'))]/cbc:ID")).toEqual(["ELI-1"]);
    expect(ids("/*/cac:Lot[cbc:Code and not(cbc:ID/@schemeName='Lot')]/cbc:ID")).toEqual(["PART-1"]);
    expect(ids("/*/cac:Lot[cbc:ID/@schemeName='Lot' or cbc:Code/@listName='b']/cbc:ID")).toEqual(["LOT-1", "PART-1"]);
    expect(ids("/*/cac:Lot[cbc:ID/@schemeName!='Lot']/cbc:ID")).toEqual(["PART-1"]);
  });

  it("rejects what is outside the subset", () => {
    expect(() => compileXPath("//cbc:ID")).toThrow();
    expect(() => compileXPath("/*/cbc:ID[1 < 2]")).toThrow();
  });
});
