import { describe, expect, test } from "vitest";
import { EU_BUYER, merge, UK_DEPARTMENT, UN_BUYER, US_AGENCY } from "../../../test/helpers.js";
import { isFairtenderError } from "../../errors.js";
import { builtinLibrary } from "../../library/builtin.js";
import { createLibrary } from "../../library/create.js";
import type { Source } from "../../model/common.js";
import type { RegimeInput } from "../../model/regime.js";
import { parseProfile } from "../../validate/profile.js";
import { isBuyerCountry } from "../jurisdictions.js";
import { safeSelect, select } from "../select.js";
import { analyseRegimes, instrumentsInForce } from "./regimes.js";

const inline = (citation: string, regime?: string): Source => ({
  citation,
  instrument: citation,
  ...(regime ? { regime } : {}),
  checked: "2026-11-28",
  confidence: "confirmed",
});

/** A national regime on top of the EU one, and a new buyer jurisdiction with its own regime: library data only. */
const extra: RegimeInput[] = [
  {
    id: "de-lksg",
    name: "Germany (Supply Chain Due Diligence Act)",
    kind: "regime",
    description: "German buyers, on top of the EU regime.",
    buyers: [{ jurisdictions: ["DE"], reason: "the buyer is in Germany (buyer.jurisdiction = {{jurisdiction}})" }],
    instruments: [inline("LkSG", "de-lksg")],
  },
  {
    id: "iceland",
    name: "Iceland (Public Procurement Act)",
    kind: "regime",
    description: "Icelandic public buyers.",
    buyers: [{ jurisdictions: ["IS"], reason: "the buyer is in Iceland (buyer.jurisdiction = IS)" }],
    instruments: [{ ...inline("Lög um opinber innkaup", "iceland"), effectiveFrom: "2016-10-31" }],
  },
];
const library = createLibrary(builtinLibrary(), {
  regimes: extra,
  jurisdictions: [{ code: "IS", name: "Iceland", currency: "ISK" }],
});

describe("regimes as library data", () => {
  test("a buyer may bring in several regimes, each with its reason, in library order", () => {
    const r = analyseRegimes(parseProfile(EU_BUYER), library);
    // The built-in library has its own German regime (de); the test adds a second one as data.
    expect(r.applicable.map((d) => d.id)).toEqual(["eu", "de", "de-lksg"]);
    expect(r.applicable[2]?.reasons[0]).toBe("the buyer is in Germany (buyer.jurisdiction = DE)");
    expect(r.notApplicable.get("gb")).toBe(
      "the buyer's jurisdiction (DE) does not give gb (it gives eu, de, de-lksg), and profile.regimes does not name it",
    );
    // A French buyer gets only the EU regime.
    const fr = analyseRegimes(parseProfile(merge(EU_BUYER, { buyer: { jurisdiction: "FR" } })), library);
    expect(fr.applicable.map((d) => d.id)).toEqual(["eu"]);
  });

  test("profile.regimes overrides every derived regime and says what the buyer alone would give", () => {
    const r = analyseRegimes(parseProfile(merge(EU_BUYER, { regimes: ["gb"] })), library);
    expect(r.applicable.map((d) => d.id)).toEqual(["gb"]);
    expect(r.applicable[0]?.reasons[0]).toContain(
      "(the buyer alone would give eu: the buyer is in EU member state DE, bound by Directive 2014/24/EU as transposed (buyer.jurisdiction = DE); ",
    );
    expect(r.applicable[0]?.reasons[0]).toContain(
      "; the buyer alone would give de-lksg: the buyer is in Germany (buyer.jurisdiction = DE))",
    );
    expect(r.notApplicable.get("de-lksg")).toContain("does not name de-lksg");
  });

  test("a jurisdiction and a regime added as data select with no code change", () => {
    const profile = merge(UK_DEPARTMENT, {
      buyer: { jurisdiction: "IS" },
      procurement: { value: { amount: 100_000_000, currency: "ISK" }, countries: ["IS"] },
    });
    const s = select(profile, { library });
    expect(s.regimes.map((d) => d.id)).toEqual(["iceland"]);
    expect(s.regimes[0]?.instruments.map((i) => i.citation)).toEqual(["Lög um opinber innkaup"]);
    // The built-in library does not know Iceland.
    expect(() => select(profile)).toThrow(/buyer\.jurisdiction: "IS" is not a supported jurisdiction/);
    const refused = safeSelect(profile);
    expect(refused.success ? [] : refused.error.issues.map((i) => [i.code, i.path, i.received])).toEqual([
      ["unknown-jurisdiction", ["buyer", "jurisdiction"], "IS"],
    ]);
  });

  test("a US buyer of another kind gets the library's reason and warning, not the regime", () => {
    const r = analyseRegimes(parseProfile(merge(US_AGENCY, { buyer: { kind: "local-government" } })), library);
    expect(r.applicable).toEqual([]);
    expect(r.notApplicable.get("us-far")).toContain("buyer.kind is local-government, not federal-executive-agency");
    expect(r.warnings.map((w) => [w.code, w.subject])).toEqual([["us-non-federal-buyer", "buyer.kind"]]);
    expect(r.warnings[0]?.message).toContain("buyer.kind is local-government.");
  });

  test("instruments are read at the regime's date basis, with the dates of their sources", () => {
    const at = (commencedOn: string) =>
      instrumentsInForce(parseProfile(merge(UK_DEPARTMENT, { procurement: { commencedOn } })), library, "gb").map(
        (s) => s.citation,
      );
    expect(at("2024-05-01")).toContain("PPN 02/23");
    expect(at("2024-05-01")).not.toContain("PPN 009");
    expect(at("2025-02-24")).toContain("PPN 009");
    expect(at("2025-02-24")).not.toContain("PPN 02/23");
  });

  test("select() checks regime and module ids against the library, with a did-you-mean", () => {
    try {
      select(merge(US_AGENCY, { regimes: ["us-fa"], modules: ["ilo-fair-recruitmnt"] }));
      expect.unreachable();
    } catch (error) {
      expect(isFairtenderError(error) && error.code).toBe("invalid-profile");
      const issues = (error as { issues: { code: string; path: unknown[]; message: string }[] }).issues;
      expect(issues.map((i) => [i.code, i.path])).toEqual([
        ["unknown-regime", ["regimes", 0]],
        ["unknown-regime", ["modules", 0]],
      ]);
      const messages = issues.map((i) => i.message);
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^regimes\[0\]: "us-fa" is not a regime or module of the library .*\(did you mean "us-far"\?\)$/,
        ),
      );
      expect(messages).toContainEqual(expect.stringContaining('(did you mean "ilo-fair-recruitment"?)'));
    }
    // parseProfile without a library checks the shape only.
    expect(parseProfile(merge(US_AGENCY, { regimes: ["de-lksg"] })).regimes).toEqual(["de-lksg"]);
    expect(select(merge(US_AGENCY, { regimes: ["de-lksg"] }), { library }).regimes.map((r) => r.id)).toEqual([
      "de-lksg",
    ]);
  });
});

describe("isBuyerCountry", () => {
  const at = (profile: unknown, country: string) => isBuyerCountry(parseProfile(profile), country, library);
  test("the United States include the outlying areas; the EU is its member states", () => {
    expect(at(US_AGENCY, "US")).toBe(true);
    expect(at(US_AGENCY, "PR")).toBe(true);
    expect(at(US_AGENCY, "PH")).toBe(false);
    const eu = merge(EU_BUYER, { buyer: { jurisdiction: "EU" } });
    expect(at(eu, "FR")).toBe(true);
    expect(at(eu, "NO")).toBe(false);
    expect(at(EU_BUYER, "DE")).toBe(true);
    expect(at(EU_BUYER, "FR")).toBe(false);
  });
  test("a UN organisation has no home country", () => {
    expect(at(UN_BUYER, "US")).toBeUndefined();
  });
});
