import { readdirSync, readFileSync } from "node:fs";
import { builtinLibrary, SECTOR_IDS } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { compileData } from "../scripts/compile-data.js";
import { fieldTableText } from "../scripts/eforms-fields.js";
import { compileXPath } from "../src/eforms/xpath.js";
import {
  BUYER_LEGAL_TYPES,
  CLASSIFICATION_TABLE,
  COUNTRY_TABLE,
  classify,
  EFORMS_FIELDS,
  PROFILE_FIELDS,
  WRITE_BACK,
} from "../src/index.js";
import { NEEDS_STANDARDS, STANDARDS, standardsJson, standardsText } from "./standards.js";

const generated = new URL("../src/data/tables.generated.ts", import.meta.url);

/** The 45 divisions of CPV 2008. */
const CPV_DIVISIONS = [
  "03",
  "09",
  "14",
  "15",
  "16",
  "18",
  "19",
  "22",
  "24",
  "30",
  "31",
  "32",
  "33",
  "34",
  "35",
  "37",
  "38",
  "39",
  "41",
  "42",
  "43",
  "44",
  "45",
  "48",
  "50",
  "51",
  "55",
  "60",
  "63",
  "64",
  "65",
  "66",
  "70",
  "71",
  "72",
  "73",
  "75",
  "76",
  "77",
  "79",
  "80",
  "85",
  "90",
  "92",
  "98",
];

describe("data tables", () => {
  it("src/data/tables.generated.ts is up to date with data/*.yaml (run npm run data)", () => {
    expect(readFileSync(generated, "utf8")).toBe(compileData());
  });

  it("every classification row names known sectors and has a note", () => {
    for (const row of CLASSIFICATION_TABLE.rows) {
      for (const s of row.sectors) expect(SECTOR_IDS, `${row.scheme} ${row.code}`).toContain(s);
      expect(row.note.length, `${row.scheme} ${row.code}`).toBeGreaterThan(10);
    }
  });

  it("every CPV division is either mapped by a row or listed under notCovered", () => {
    const mapped = new Set(CLASSIFICATION_TABLE.rows.filter((r) => r.scheme === "CPV").map((r) => r.code.slice(0, 2)));
    const listed = new Set(CLASSIFICATION_TABLE.notCovered.filter((r) => r.scheme === "CPV").map((r) => r.code));
    const missing = CPV_DIVISIONS.filter((d) => !mapped.has(d) && !listed.has(d));
    expect(missing, "divisions neither mapped nor listed as not covered").toEqual([]);
    // A division listed as not covered has no division-level row (it may have rows for some groups).
    for (const d of listed)
      expect(
        CLASSIFICATION_TABLE.rows.some((r) => r.scheme === "CPV" && r.code === d),
        d,
      ).toBe(false);
    // Every CPV row's division is a real division.
    for (const r of CLASSIFICATION_TABLE.rows.filter((x) => x.scheme === "CPV"))
      expect(CPV_DIVISIONS).toContain(r.code.slice(0, 2));
  });

  it("the longest prefix wins, and unmapped codes are reported, not dropped", () => {
    expect(classify("x", "CPV", "18800000-7")).toMatchObject({
      status: "mapped",
      sectors: ["footwear"],
      row: { code: "188" },
    });
    expect(classify("x", "cpv", "18830000")).toMatchObject({ sectors: ["footwear", "ppe"] });
    expect(classify("x", "CPV", "03115110")).toMatchObject({ sectors: ["agriculture"], commodities: ["cotton"] });
    expect(classify("x", "CPV", "75121000")).toMatchObject({ status: "unmapped", sectors: [] });
    expect(classify("x", "CPV", "75121000").note).toContain(
      "CPV 75 (Administration, defence and social security services)",
    );
    expect(classify("x", "CPV", "80000000")).toMatchObject({ status: "no-sector" });
    expect(classify("x", "CPV", "4500000")).toMatchObject({ status: "invalid" });
    expect(classify("x", "GSIN", "N7030")).toMatchObject({ status: "unsupported-scheme" });
    expect(classify("x", "UNSPSC", "53101500")).toMatchObject({ status: "mapped", sectors: ["garments"] });
    expect(classify("x", "UNSPSC", "12000000")).toMatchObject({ status: "unmapped" });
  });

  it("every clause id in data/write-back.yaml is a clause of the built-in library", () => {
    const ids = new Set(builtinLibrary().clauses.map((c) => c.id));
    const named = [
      ...WRITE_BACK.exclusionGrounds,
      ...WRITE_BACK.selectionCriteria,
      ...WRITE_BACK.subcontracting,
    ].flatMap((r) => r.clauses);
    for (const id of named) expect(ids.has(id), `${id} in data/write-back.yaml`).toBe(true);
    const topics = new Set(builtinLibrary().clauses.map((c) => c.topic as string));
    for (const t of WRITE_BACK.socialObjectives.flatMap((o) => o.topics ?? [])) expect(topics.has(t), t).toBe(true);
  });

  it("every field and node XPath is in the subset the evaluator reads, and lot fields sit under their lot node", () => {
    for (const x of [...EFORMS_FIELDS.nodes, ...EFORMS_FIELDS.fields])
      expect(() => compileXPath(x.xpath), x.id).not.toThrow();
    const lot = EFORMS_FIELDS.nodes.find((n) => n.id === "ND-Lot")?.xpath as string;
    const part = EFORMS_FIELDS.nodes.find((n) => n.id === "ND-Part")?.xpath as string;
    for (const f of EFORMS_FIELDS.fields) {
      if (f.id.endsWith("-Lot") || f.id.includes("-Lot-")) expect(f.xpath.startsWith(`${lot}/`), f.id).toBe(true);
      if (f.id.endsWith("-Part") || f.id.includes("-Part-")) expect(f.xpath.startsWith(`${part}/`), f.id).toBe(true);
    }
  });

  it("the import report lists every field of core's tender profile JSON Schema", () => {
    type Node = { $ref?: string; type?: string | string[]; properties?: Record<string, Node> };
    const schema = JSON.parse(
      readFileSync(new URL("../../core/schema/tender-profile.json", import.meta.url), "utf8"),
    ) as { $defs: Record<string, Node> };
    const leaves: string[] = [];
    const walk = (n: Node, path: string) => {
      if (n.$ref === "#/$defs/TenderProfile") return walk(schema.$defs.TenderProfile as Node, path);
      if (!n.$ref && n.properties) {
        for (const [k, v] of Object.entries(n.properties)) walk(v, path ? `${path}.${k}` : k);
      } else leaves.push(path);
    };
    walk(schema.$defs.TenderProfile as Node, "");
    expect(PROFILE_FIELDS.map((f) => f.field)).toEqual(leaves);
  });
});

describe.skipIf(!STANDARDS)(`data tables against the standards${NEEDS_STANDARDS}`, () => {
  it("data/eforms-fields.yaml matches the SDK's fields.json (run npx tsx scripts/eforms-fields.ts)", () => {
    const sdk = standardsJson("eforms-sdk-1.16", "fields", "fields.json");
    const table = readFileSync(new URL("../data/eforms-fields.yaml", import.meta.url), "utf8");
    expect(table).toBe(fieldTableText(sdk as Parameters<typeof fieldTableText>[0]));
  });

  it("the eForms → OCDS code pairs are the OCDS for eForms profile's", () => {
    const rows = (file: string) =>
      standardsText("ocds-eforms-profile", "codelists", file)
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",").slice(0, 3))
        .map(([eforms, , ocds]) => ({ eforms, ocds }));
    const social = rows("social-objective.csv");
    for (const o of WRITE_BACK.socialObjectives) expect(social).toContainEqual({ eforms: o.eforms, ocds: o.ocds });
    expect(rows("strategic-procurement.csv")).toContainEqual(WRITE_BACK.strategic);
  });

  it("every eForms country code maps to an alpha-2 code, except those with none", () => {
    const gc = standardsText("eforms-sdk-1.16", "codelists", "country.gc");
    const codes = [...gc.matchAll(/<Value ColumnRef="code">\s*<SimpleValue>([A-Z0-9]{3})<\/SimpleValue>/g)].map(
      (m) => m[1],
    );
    expect(codes.length).toBeGreaterThan(200);
    const alpha3 = new Set(COUNTRY_TABLE.countries.map((c) => c.alpha3));
    expect(codes.filter((c) => !alpha3.has(c as string))).toEqual(["CPT", "XKX"]);
  });

  it("every buyer legal type used in the example notices is in data/buyer-legal-types.yaml", () => {
    const dir = `${STANDARDS?.eforms}/notices/`;
    const used = new Set<string>();
    for (const f of readdirSync(dir)) {
      for (const m of readFileSync(dir + f, "utf8").matchAll(/listName="buyer-legal-type">([^<]+)</g))
        used.add(m[1] as string);
    }
    const known = new Set(BUYER_LEGAL_TYPES.types.map((t) => t.code));
    expect([...used].filter((c) => !known.has(c))).toEqual([]);
  });
});
