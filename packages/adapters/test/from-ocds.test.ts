import { builtinLibrary, formatPath, ISSUE_CODES, type Issue, isFairtenderError } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { fromOcds } from "../src/index.js";

/** A release in the shape the OCDS for eForms profile gives a contract notice for cleaning services. */
function release(overrides: Record<string, unknown> = {}, tender: Record<string, unknown> = {}) {
  return {
    ocid: "ocds-abc123-2026-0017",
    id: "ocds-abc123-2026-0017-tender",
    date: "2026-03-02T09:00:00+01:00",
    tag: ["tender"],
    initiationType: "tender",
    parties: [
      { id: "ORG-0002", name: "Cleanco GmbH", roles: ["tenderer"] },
      {
        id: "ORG-0001",
        name: "Bundesamt für Beispiele",
        roles: ["buyer"],
        address: { locality: "Bonn", country: "DE" },
        details: {
          classifications: [{ scheme: "TED_CA_TYPE", id: "cga", description: "Central government authority" }],
        },
      },
    ],
    buyer: { id: "ORG-0001", name: "Bundesamt für Beispiele" },
    tender: {
      id: "1e86a664-ae3c-41eb-8529-0242ac130003",
      identifiers: [{ id: "BfB-2026-17", scheme: "internal" }],
      title: "Gebäudereinigung Bonn",
      mainProcurementCategory: "services",
      value: { amount: 1_500_000, currency: "EUR" },
      tenderPeriod: { startDate: "2026-03-02T00:00:00+01:00" },
      contractPeriod: { startDate: "2026-07-01T00:00:00+02:00", endDate: "2029-06-30T23:59:59+02:00" },
      deliveryAddresses: [{ country: "DE" }],
      items: [
        {
          id: "1",
          classification: { scheme: "CPV", id: "90910000-9" },
          additionalClassifications: [
            { scheme: "CPV", id: "75121000" },
            { scheme: "UNSPSC", id: "76111500" },
          ],
        },
      ],
      sustainability: [{ goal: "social.humanRightsInSupplyChains", strategies: ["contractPerformanceConditions"] }],
      ...tender,
    },
    ...overrides,
  };
}

const field = (r: ReturnType<typeof fromOcds>, name: string) => r.report.fields.find((f) => f.field === name);
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
};
/** The first issue of the error a call throws. */
const issueOf = (f: () => unknown) => (errorOf(f) as { issues: Issue[] }).issues[0];

describe("fromOcds", () => {
  it("reads a release into a complete profile, naming the OCDS path of every value", () => {
    const r = fromOcds(release());
    expect(r.report.complete).toBe(true);
    expect(r.profile).toEqual({
      buyer: { name: "Bundesamt für Beispiele", jurisdiction: "DE", kind: "central-government" },
      procurement: {
        title: "Gebäudereinigung Bonn",
        reference: "BfB-2026-17",
        category: "services",
        value: { amount: 1_500_000, currency: "EUR" },
        sectors: ["cleaning"],
        countries: ["DE"],
        startDate: "2026-07-01",
        commencedOn: "2026-03-02",
        durationMonths: 36,
      },
    });
    expect(field(r, "buyer.name")?.from[0]?.path).toBe("parties[1].name");
    expect(field(r, "buyer.kind")?.from[0]?.path).toBe("parties[1].details.classifications[0].id");
    expect(field(r, "buyer.jurisdiction")?.from[0]?.path).toBe("parties[1].address.country");
    expect(field(r, "procurement.reference")?.from[0]?.path).toBe("tender.identifiers[0].id");
    expect(field(r, "procurement.durationMonths")?.from.map((s) => s.path)).toEqual([
      "tender.contractPeriod.startDate",
      "tender.contractPeriod.endDate",
    ]);
    expect(r.report.fields).toHaveLength(32);
    expect(field(r, "procurement.outsideBuyerCountryValue")).toMatchObject({ status: "unknown" });
    expect(field(r, "procurement.outsideBuyerCountryValue")?.supply).toContain("outside the buyer's country");
  });

  it("lists every classification code, the unmapped ones too", () => {
    const r = fromOcds(release());
    expect(r.report.classifications.map((c) => [c.path, c.code, c.status])).toEqual([
      ["tender.items[0].classification", "90910000-9", "mapped"],
      ["tender.items[0].additionalClassifications[0]", "75121000", "unmapped"],
      ["tender.items[0].additionalClassifications[1]", "76111500", "mapped"],
    ]);
    expect(field(r, "procurement.sectors")?.note).toContain("75121000");
    expect(r.report.context.map((c) => c.text).join(" ")).toContain("human-rights due diligence");
  });

  it("reads compiled records and packages, with the paths inside them", () => {
    const record = fromOcds({ ocid: "ocds-abc123-2026-0017", releases: [], compiledRelease: release() });
    expect(field(record, "buyer.name")?.from[0]?.path).toBe("compiledRelease.parties[1].name");
    const pkg = fromOcds({ uri: "https://example.org/p.json", version: "1.1", releases: [release()] });
    expect(field(pkg, "procurement.title")?.from[0]?.path).toBe("releases[0].tender.title");
    const records = fromOcds({
      uri: "https://example.org/r.json",
      records: [{ ocid: "x", compiledRelease: release() }],
    });
    expect(field(records, "procurement.title")?.from[0]?.path).toBe("records[0].compiledRelease.tender.title");
    const two = { uri: "https://example.org/p.json", releases: [release(), release({ id: "second" })] };
    const e = errorOf(() => fromOcds(two));
    expect(isFairtenderError(e) && e.code).toBe("invalid-source");
    expect((e as Error).message).toContain("pass options.release");
    expect(issueOf(() => fromOcds(two))).toMatchObject({ code: "ambiguous-release", path: ["releases"] });
    expect(issueOf(() => fromOcds(two, { release: "third" }))).toMatchObject({
      code: "unknown-release",
      path: ["releases"],
      received: "third",
    });
    expect(issueOf(() => fromOcds({ uri: "u", records: [{ ocid: "x" }] }))).toMatchObject({
      code: "missing",
      path: ["records", 0, "compiledRelease"],
    });
    expect(field(fromOcds(two, { release: "second" }), "procurement.title")?.from[0]?.path).toBe(
      "releases[1].tender.title",
    );
  });

  it("rejects what is not OCDS", () => {
    for (const input of [null, [], "release", { hello: "world" }, { ocid: "x", releases: [] }]) {
      const e = errorOf(() => fromOcds(input));
      expect(isFairtenderError(e) && e.code, JSON.stringify(input)).toBe("invalid-source");
      for (const i of (e as { issues: Issue[] }).issues) {
        expect(Object.keys(ISSUE_CODES), JSON.stringify(input)).toContain(i.code);
        expect(Array.isArray(i.path)).toBe(true);
      }
    }
    expect(issueOf(() => fromOcds([]))).toMatchObject({ code: "invalid-type", path: [], received: "an array" });
    expect(issueOf(() => fromOcds({ hello: "world" }))).toMatchObject({ code: "unknown-document", path: [] });
    expect(issueOf(() => fromOcds({ uri: "u", releases: [] }))).toMatchObject({
      code: "too-small",
      path: ["releases"],
    });
  });

  it("adds up lot values when the tender has none, and reads one lot with options.lot", () => {
    const lots = [
      {
        id: "LOT-0001",
        title: "North",
        value: { amount: 400_000, currency: "EUR" },
        contractPeriod: { durationInDays: 365 },
      },
      {
        id: "LOT-0002",
        title: "South",
        value: { amount: 600_000, currency: "EUR" },
        contractPeriod: { durationInDays: 730 },
      },
    ];
    const r = fromOcds(release({}, { value: undefined, contractPeriod: undefined, lots }));
    expect(r.profile.procurement?.value).toEqual({ amount: 1_000_000, currency: "EUR" });
    expect(field(r, "procurement.value")?.from.map((s) => s.path)).toEqual([
      "tender.lots[0].value",
      "tender.lots[1].value",
    ]);
    expect(r.profile.procurement?.durationMonths).toBe(24);
    expect(field(r, "procurement.durationMonths")?.note).toContain("longest");
    const one = fromOcds(release({}, { value: undefined, lots }), { lot: "LOT-0001" });
    expect(one.profile.procurement).toMatchObject({
      title: "North",
      value: { amount: 400_000, currency: "EUR" },
      durationMonths: 12,
    });
    expect(one.report.lots).toEqual([
      { id: "LOT-0001", title: "North", read: true },
      { id: "LOT-0002", title: "South", read: false },
    ]);
    const mixed = fromOcds(
      release({}, { value: undefined, lots: [lots[0], { ...lots[1], value: { amount: 1, currency: "GBP" } }] }),
    );
    expect(field(mixed, "procurement.value")).toMatchObject({ status: "unknown" });
    expect(isFairtenderError(errorOf(() => fromOcds(release({}, { lots }), { lot: "LOT-9" })))).toBe(true);
    expect(issueOf(() => fromOcds(release({}, { lots }), { lot: "LOT-9" }))).toMatchObject({
      code: "unknown-lot",
      path: ["tender", "lots"],
      received: "LOT-9",
      expected: "one of LOT-0001, LOT-0002",
    });
  });

  it("does not take delivery countries of goods for where they are made", () => {
    const r = fromOcds(
      release({}, { mainProcurementCategory: "goods", deliveryAddresses: [{ countryName: "Germany" }] }),
    );
    expect(field(r, "procurement.countries")).toMatchObject({ status: "unknown" });
    expect(field(r, "procurement.countries")?.note).toContain("not where the goods are made");
  });

  it("matches country names exactly, and reports the ones it cannot", () => {
    const r = fromOcds(
      release({
        parties: [{ id: "ORG-0001", name: "X", roles: ["buyer"], address: { countryName: "United Kingdom" } }],
      }),
    );
    expect(r.profile.buyer?.jurisdiction).toBe("GB");
    const vague = fromOcds(
      release({ parties: [{ id: "ORG-0001", name: "X", roles: ["buyer"], address: { countryName: "Blighty" } }] }),
    );
    expect(field(vague, "buyer.jurisdiction")).toMatchObject({
      status: "unknown",
      from: [{ path: "parties[0].address.countryName" }],
    });
    const swiss = fromOcds(
      release({ parties: [{ id: "ORG-0001", name: "X", roles: ["buyer"], address: { country: "CH" } }] }),
    );
    expect(field(swiss, "buyer.jurisdiction")?.note).toContain(
      "The buyer is in CH, which is not a jurisdiction of the library",
    );
    expect(field(swiss, "buyer.jurisdiction")?.supply).toContain(
      "US, GB, AU, CA, UN, EU, NO or a code of the EU member states",
    );
  });

  it("takes the buyer's jurisdictions from the library: Norway is built in, a library without it leaves it unknown", () => {
    const norwegian = release({
      parties: [{ id: "ORG-0001", name: "Oslo kommune", roles: ["buyer"], address: { country: "NO" } }],
    });
    const built = fromOcds(norwegian, { supplied: { buyer: { kind: "local-government" } } });
    expect(built.profile.buyer?.jurisdiction).toBe("NO");
    expect(built.report.complete).toBe(true);
    const base = builtinLibrary();
    const library = { ...base, jurisdictions: base.jurisdictions.filter((j) => j.code !== "NO") };
    const without = fromOcds(norwegian, { library });
    expect(field(without, "buyer.jurisdiction")).toMatchObject({
      status: "unknown",
      from: [{ path: "parties[0].address.country" }],
    });
    expect(field(without, "buyer.jurisdiction")?.supply).not.toContain("NO");
    expect(without.report.issues[0]).toMatchObject({ code: "missing", path: ["parties", 0, "address", "country"] });
    // Supplied regimes are checked against the library too.
    const unknown = fromOcds(release(), { supplied: { regimes: ["atlantis"] } });
    expect(unknown.report.complete).toBe(false);
    expect(unknown.report.issues).toMatchObject([
      { code: "unknown-regime", path: ["regimes", 0], received: "atlantis" },
    ]);
  });

  it("takes an EU institution's jurisdiction from its legal type, not its seat", () => {
    const party = {
      id: "ORG-0001",
      name: "EU Agency",
      roles: ["buyer"],
      address: { country: "LU" },
      details: { classifications: [{ scheme: "TED_CA_TYPE", id: "eu-ins-bod-ag" }] },
    };
    expect(fromOcds(release({ parties: [party] })).profile.buyer).toMatchObject({ jurisdiction: "EU", kind: "other" });
  });

  it("leaves commencedOn unknown for a planning release and durations that are not whole months", () => {
    const r = fromOcds(
      release({ tag: ["planning"] }, { contractPeriod: { startDate: "2026-07-01", durationInDays: 45 } }),
    );
    expect(field(r, "procurement.commencedOn")).toMatchObject({ status: "unknown" });
    expect(field(r, "procurement.durationMonths")?.note).toContain("45 days is not a whole number of months");
  });

  it("names the OCDS path in the problems of an invalid profile, and strict mode throws them", () => {
    const bad = release({}, { value: { amount: 10, currency: "EURO" }, contractPeriod: { startDate: "2026-02-30" } });
    const r = fromOcds(bad);
    expect(r.report.complete).toBe(false);
    expect(r.report.issues.map((i) => i.path)).toEqual([
      ["tender", "value"],
      ["tender", "contractPeriod", "startDate"],
    ]);
    expect(r.report.issues.map((i) => formatPath(i.path))).toEqual(["tender.value", "tender.contractPeriod.startDate"]);
    expect(r.report.issues.map((i) => i.code)).toEqual(["unknown-currency", "invalid-date"]);
    expect(r.report.issues[0]?.message).toMatch(/^tender\.value → procurement\.value\.currency/);
    const e = errorOf(() => fromOcds(bad, { strict: true }));
    expect(isFairtenderError(e) && e.code).toBe("invalid-profile");
    expect((e as Error).message).toContain("tender.contractPeriod.startDate → procurement.startDate");
    const missing = fromOcds(release({}, { title: undefined }));
    expect(missing.report.issues[0]?.message).toContain("procurement.title is unknown");
    expect(missing.report.issues[0]).toMatchObject({
      code: "missing",
      path: ["procurement", "title"],
      expected: "the title of the procurement",
    });
  });

  it("lets the caller supply or correct values, and says so", () => {
    const r = fromOcds(release(), { supplied: { buyer: { kind: "other" }, procurement: { commodities: ["cotton"] } } });
    expect(r.profile.buyer?.kind).toBe("other");
    expect(field(r, "buyer.kind")?.status).toBe("supplied");
    expect(field(r, "buyer.kind")?.note).toContain('the source said "central-government"');
    expect(r.profile.procurement?.commodities).toEqual(["cotton"]);
  });
});
