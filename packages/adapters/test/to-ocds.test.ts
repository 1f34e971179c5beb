import { readdirSync, readFileSync } from "node:fs";
import { type Selection, select, type TenderProfile } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fromOcds, toOcds } from "../src/index.js";
import { NEEDS_STANDARDS, STANDARDS, standardsJson } from "./standards.js";

const examples = new URL("../../../examples/profiles/", import.meta.url);
const recorded = new URL("../../core/test/golden/select/profiles/", import.meta.url);

/** The example profiles and every profile core's equivalence goldens select with. */
const profiles: Array<[string, unknown]> = [
  ...readdirSync(examples)
    .filter((f) => f.endsWith(".yaml"))
    .map((f): [string, unknown] => [`examples/${f}`, parse(readFileSync(new URL(f, examples), "utf8"))]),
  ...readdirSync(recorded)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f): [string, unknown] => [`core/${f}`, JSON.parse(readFileSync(new URL(f, recorded), "utf8"))]),
];
const selections = new Map<string, Selection>(profiles.map(([name, p]) => [name, select(p)]));

function validator(dir: "ocds-1.1.5" | "ocds-eforms-profile") {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(standardsJson(dir, "release-schema.json") as object);
  return ajv.compile(standardsJson(dir, "release-package-schema.json") as object);
}

/** The profile fields OCDS carries, and when. */
function carried(p: TenderProfile): string[] {
  const out = ["buyer.name", "procurement.title", "procurement.category", "procurement.value", "procurement.startDate"];
  if (p.buyer.jurisdiction !== "EU" && p.buyer.jurisdiction !== "UN") out.push("buyer.jurisdiction");
  if (p.buyer.kind === "central-government" || p.buyer.kind === "local-government") out.push("buyer.kind");
  if (p.procurement.reference) out.push("procurement.reference");
  if (p.procurement.category !== "goods" && p.procurement.countries.length > 0) out.push("procurement.countries");
  if (p.procurement.durationMonths) out.push("procurement.durationMonths");
  if (p.procurement.commencedOn) out.push("procurement.commencedOn");
  return out;
}

const get = (o: unknown, path: string) =>
  path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

describe("toOcds", () => {
  it("has profiles to write", () => {
    expect(profiles.length).toBeGreaterThan(80);
  });

  it.each(profiles.map(([n]) => n))("%s round-trips through fromOcds for the fields both carry", (name) => {
    const selection = selections.get(name) as Selection;
    const { release } = toOcds(selection, { format: "docx" }, { ocid: "ocds-abc123-0001" });
    const back = fromOcds(release);
    const profile = selection.profile;
    for (const f of carried(profile)) {
      const report = back.report.fields.find((x) => x.field === f);
      expect(report?.status, `${f}: ${report?.note}`).toBe("mapped");
      expect(report?.value, f).toEqual(get(profile, f));
    }
    // Whatever else fromOcds reads back is right too (nothing is invented on the way). OCDS requires
    // tender.id: without a reference it is the ocid, which fromOcds then reads as the reference.
    for (const report of back.report.fields.filter((x) => x.status === "mapped")) {
      const expected =
        report.field === "procurement.reference" && !profile.procurement.reference
          ? "ocds-abc123-0001"
          : get(profile, report.field);
      expect(report.value, report.field).toEqual(expected);
    }
  });

  it("writes the contract terms, sustainability and pack document of a selection", () => {
    const selection = selections.get("examples/uk-high-risk-goods.yaml") as Selection;
    const pack = buildTenderPack(selection);
    const { release, notes } = toOcds(selection, { format: "docx", url: "https://buyer.example/pack.docx", pack });
    const tender = release.tender as Record<string, unknown>;
    const terms = tender.contractTerms as { socialStandards: string; performanceTerms: string };
    for (const c of selection.clauses) expect(terms.socialStandards).toContain(`${c.id} ${c.version}`);
    expect(terms.socialStandards).toContain(`clause library ${selection.libraryVersion}`);
    expect(terms.performanceTerms).toContain("the supplier must");
    expect(tender.hasSustainability).toBe(true);
    expect(tender.sustainability).toEqual([
      expect.objectContaining({
        goal: "social.humanRightsInSupplyChain",
        strategies: ["contractPerformanceConditions", "selectionCriteria"],
      }),
      expect.objectContaining({ goal: "social.laborRightsPromotion" }),
    ]);
    expect(tender.exclusionGrounds).toEqual({ criteria: [expect.objectContaining({ type: "exg-crim-traffick" })] });
    expect(tender.selectionCriteria).toEqual({
      criteria: [expect.objectContaining({ type: "other", appliesTo: ["supplier"] })],
    });
    expect(tender.documents).toEqual([
      {
        id: "fairtender-tender-pack",
        documentType: "contractSchedule",
        title: pack.meta.title,
        description: expect.stringContaining("tender edition"),
        format: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        language: "en",
        url: "https://buyer.example/pack.docx",
        datePublished: `${pack.meta.issueDate}T00:00:00Z`,
      },
    ]);
    expect(notes.join(" ")).toContain("placeholder");
  });

  it("writes the terms on a lot with options.lot", () => {
    const selection = selections.get("examples/us-embassy-cleaning.yaml") as Selection;
    const { release } = toOcds(selection, { format: "md" }, { lot: "LOT-0002", ocid: "ocds-abc123-0002" });
    const tender = release.tender as {
      lots: Array<Record<string, unknown>>;
      documents: Array<Record<string, unknown>>;
      contractTerms?: unknown;
    };
    expect(tender.contractTerms).toBeUndefined();
    expect(tender.lots[0]).toMatchObject({
      id: "LOT-0002",
      hasSustainability: true,
      contractTerms: expect.any(Object),
    });
    expect(tender.documents[0]).toMatchObject({ relatedLots: ["LOT-0002"], format: "text/markdown" });
  });

  it("is deterministic: the same selection gives the same JSON", () => {
    const selection = selections.get("examples/un-multi-regime.yaml") as Selection;
    expect(JSON.stringify(toOcds(selection, { format: "html" }))).toBe(
      JSON.stringify(toOcds(selection, { format: "html" })),
    );
  });
});

describe.skipIf(!STANDARDS)(`toOcds against the OCDS schemas${NEEDS_STANDARDS}`, () => {
  const core = STANDARDS ? validator("ocds-1.1.5") : undefined;
  const eforms = STANDARDS ? validator("ocds-eforms-profile") : undefined;

  it.each(profiles.map(([n]) => n))("%s validates against OCDS 1.1.5 and the OCDS for eForms profile", (name) => {
    const selection = selections.get(name) as Selection;
    for (const options of [{}, { lot: "LOT-0001", ocid: "ocds-abc123-0003" }]) {
      const out = toOcds(selection, { format: "docx", pack: buildTenderPack(selection) }, options);
      for (const [label, validate] of [
        ["OCDS 1.1.5", core],
        ["OCDS for eForms", eforms],
      ] as const) {
        const ok = validate?.(out.package);
        expect(ok, `${label}: ${JSON.stringify(validate?.errors?.slice(0, 5))}`).toBe(true);
      }
    }
  });

  it("the validators do reject what the schemas forbid", () => {
    const out = toOcds(selections.get("examples/us-embassy-cleaning.yaml") as Selection);
    const broken = structuredClone(out.package) as unknown as {
      releases: Array<{ tender: { contractTerms: { socialStandards: string } }; tag: string[] }>;
    };
    (broken.releases[0] as { tag: string[] }).tag = ["not-a-tag"];
    expect(core?.(broken)).toBe(false);
    const terms = structuredClone(out.package) as unknown as typeof broken;
    (
      terms.releases[0] as { tender: { contractTerms: { socialStandards: string } } }
    ).tender.contractTerms.socialStandards = "";
    expect(eforms?.(terms)).toBe(false);
  });
});
